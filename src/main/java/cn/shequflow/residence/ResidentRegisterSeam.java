package cn.shequflow.residence;

import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.correction.ResidentRegisterLink;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The resident register behind the correction family's seam (RM-1 "人走核销"): when a person under
 * community correction has reported in at the new residence, every registration of that identity
 * number in our communities is moved out, as of the report-in day, with a history row naming the
 * correction case. The new address is free text, so it is never read as a move within our
 * communities: if the person lives in one of them again, a move-in records it. Replaces the
 * correction family's default, which moves no one.
 */
@Component
public class ResidentRegisterSeam implements ResidentRegisterLink {

  private final ResidentRegister register;
  private final CurrentUser currentUser;

  public ResidentRegisterSeam(ResidentRegister register, CurrentUser currentUser) {
    this.register = register;
    this.currentUser = currentUser;
  }

  @Override
  public Outcome moveOut(MoveOut moveOut) {
    List<Resident> registered = register.registeredAnywhere(moveOut.idNumber());
    if (registered.isEmpty()) {
      return Outcome.NOT_REGISTERED;
    }
    String userId = currentUser.idOr("system");
    for (Resident resident : registered) {
      register.moveOut(resident, departedOn(resident, moveOut), false, null, moveOut.businessKey(), userId,
          "社区矫正人员居住地变更 " + moveOut.businessKey() + "：" + moveOut.movedOn() + " 到新居住地报到，自 "
              + resident.address() + " 迁往 " + moveOut.toAddress());
    }
    return Outcome.MOVED_OUT;
  }

  /** The departure day: the report-in, never before the recorded arrival. */
  private static LocalDate departedOn(Resident resident, MoveOut moveOut) {
    return moveOut.movedOn().isBefore(resident.arrivedOn()) ? resident.arrivedOn() : moveOut.movedOn();
  }
}
