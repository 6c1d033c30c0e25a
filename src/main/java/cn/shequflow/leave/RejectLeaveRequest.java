package cn.shequflow.leave;

import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code rejectLeaveRequest}: marks the ledger and tells the applicant why. */
@Component("rejectLeaveRequest")
public class RejectLeaveRequest implements JavaDelegate {

  private final LeaveLedgerMapper ledger;
  private final Notifications notifications;

  public RejectLeaveRequest(LeaveLedgerMapper ledger, Notifications notifications) {
    this.ledger = ledger;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    ledger.decide(key, LeaveStatus.REJECTED.code(), Clock.now());
    notifications.send((String) execution.getVariable("applicantId"), key,
        "您的请假申请 " + key + " 被" + execution.getVariable("lastApproverName") + "退回："
            + execution.getVariable("comment") + "。可修改后重新提交或撤回。");
  }
}
