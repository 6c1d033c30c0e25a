package cn.shequflow.leave;

import cn.shequflow.core.process.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code markReportBackLate}, after the overdue timer on the report-back task: the
 * ledger shows the leave as late (LV-6) and the applicant is told; the approver gets a task.
 */
@Component("markReportBackLate")
public class MarkReportBackLate implements JavaDelegate {

  private final LeaveLedgerMapper ledger;
  private final Notifications notifications;

  public MarkReportBackLate(LeaveLedgerMapper ledger, Notifications notifications) {
    this.ledger = ledger;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    ledger.setStatus(key, LeaveStatus.LATE.code());
    notifications.send((String) execution.getVariable("applicantId"), key,
        "您的请假 " + key + " 应于 " + execution.getVariable("reportBackDueDate") + " 销假，已逾期，请尽快销假。");
  }
}
