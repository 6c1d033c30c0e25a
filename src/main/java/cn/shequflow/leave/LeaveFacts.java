package cn.shequflow.leave;

import cn.shequflow.core.cases.Cases;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * What the leave models read from the register ({@code ${leaveFacts.days(execution)}}): the
 * policy tables decide on the stored request, never on a process variable.
 */
@Service("leaveFacts")
public class LeaveFacts {

  private final LeaveRegister register;
  private final Cases cases;

  public LeaveFacts(LeaveRegister register, Cases cases) {
    this.register = register;
    this.cases = cases;
  }

  public LeaveEntry of(DelegateExecution execution) {
    LeaveEntry entry = register.find(cases.of(execution).businessKey());
    if (entry == null) {
      throw new IllegalStateException("No leave request registered for " + execution.getProcessBusinessKey());
    }
    return entry;
  }

  public double days(DelegateExecution execution) {
    return of(execution).days().doubleValue();
  }

  public String leaveType(DelegateExecution execution) {
    return of(execution).leaveType();
  }
}
