package cn.shequflow.leave;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code markReportBackLate}, after the overdue timer on the report-back task: the
 * case shows the leave as late (LV-6) and the applicant is told; the last approver gets a task.
 */
@Component("markReportBackLate")
public class MarkReportBackLate implements JavaDelegate {

  private final LeaveRegister register;
  private final Cases cases;
  private final Notifications notifications;

  public MarkReportBackLate(LeaveRegister register, Cases cases, Notifications notifications) {
    this.register = register;
    this.cases = cases;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    cases.moveTo(record, LeaveStatus.LATE.code());
    notifications.send(record.applicantId(), record.businessKey(), "您的请假 " + record.businessKey() + " 应于 "
        + register.find(record.businessKey()).reportBackDue() + " 销假，已逾期，请尽快销假。");
  }
}
