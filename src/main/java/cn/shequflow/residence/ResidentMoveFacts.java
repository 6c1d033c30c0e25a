package cn.shequflow.residence;

import cn.shequflow.core.cases.Cases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * What the resident-move model reads from the register ({@code ${residentMoveFacts.renting(execution)}}):
 * the verifier table and the gateways decide on the stored request, never on a process variable.
 */
@Service("residentMoveFacts")
public class ResidentMoveFacts {

  private final ResidentMapper mapper;
  private final Cases cases;

  public ResidentMoveFacts(ResidentMapper mapper, Cases cases) {
    this.mapper = mapper;
    this.cases = cases;
  }

  public ResidentMoveEntry of(DelegateExecution execution) {
    ResidentMoveEntry move = mapper.findMove(cases.of(execution).businessKey());
    if (move == null) {
      throw new IllegalStateException("No resident move registered for " + execution.getProcessBusinessKey());
    }
    return move;
  }

  public String moveType(DelegateExecution execution) {
    return of(execution).moveType();
  }

  public String residentType(DelegateExecution execution) {
    String type = of(execution).residentType();
    return type == null ? "" : type;
  }

  /** RM-4: the move concerns rented housing (a tenant moving in, changing address, or leaving). */
  public boolean renting(DelegateExecution execution) {
    return of(execution).renting();
  }
}
