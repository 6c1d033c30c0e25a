package cn.shequflow.leave;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code withdrawLeaveRequest}: the applicant gave up after a rejection. */
@Component("withdrawLeaveRequest")
public class WithdrawLeaveRequest implements JavaDelegate {

  private final LeaveLedgerMapper ledger;

  public WithdrawLeaveRequest(LeaveLedgerMapper ledger) {
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ledger.setStatus(execution.getProcessBusinessKey(), LeaveStatus.WITHDRAWN.code());
  }
}
