package cn.shequflow.residence;

import cn.shequflow.core.privacy.IdentityNumbers;
import org.springframework.stereotype.Component;

/** The whole identity number of a resident-move case, kept in {@code resident_move} (its variables hold the mask). */
@Component
public class ResidentMoveIdentityNumbers implements IdentityNumbers {

  private final ResidentMapper mapper;

  public ResidentMoveIdentityNumbers(ResidentMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String family() {
    return ResidenceFamily.KEY;
  }

  @Override
  public String of(String businessKey) {
    ResidentMoveEntry move = mapper.findMove(businessKey);
    return move == null ? null : move.idNumber();
  }
}
