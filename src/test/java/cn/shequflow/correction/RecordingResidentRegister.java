package cn.shequflow.correction;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * The test double of the resident register (present in every test context, so the default
 * {@link CorrectionFamily#noResidentRegister} is not): remembers every move-out it was asked for and
 * moves out only people a test has registered.
 */
@Component
public class RecordingResidentRegister implements ResidentRegisterLink {

  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final List<MoveOut> requests = new CopyOnWriteArrayList<>();

  /** A person living in one of our communities, in the register. */
  public void register(String idNumber) {
    registered.add(idNumber);
  }

  public boolean isRegistered(String idNumber) {
    return registered.contains(idNumber);
  }

  /** The move-outs asked for about {@code businessKey}. */
  public List<MoveOut> requestsFor(String businessKey) {
    return requests.stream().filter(r -> r.businessKey().equals(businessKey)).toList();
  }

  @Override
  public Outcome moveOut(MoveOut moveOut) {
    requests.add(moveOut);
    return registered.remove(moveOut.idNumber()) ? Outcome.MOVED_OUT : Outcome.NOT_REGISTERED;
  }
}
