package cn.shequflow.leave;

import cn.shequflow.core.calendar.WorkCalendar;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Notifications;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code approveLeaveRequest}: the request is approved by every approver of the
 * chain. Marks the ledger, sets the report-back (销假, LV-4) due date (counted from the end of
 * the leave, or from the approval when that comes later) and the moment it counts as
 * overdue (LV-6) on the working calendar, and tells the applicant. The two working-day limits are
 * input parameters of the task in the model ({@code reportBackWorkingDays},
 * {@code overdueWorkingDays}), so an analyst changes them in Modeler.
 */
@Component("approveLeaveRequest")
public class ApproveLeaveRequest implements JavaDelegate {

  private final LeaveLedgerMapper ledger;
  private final WorkCalendar calendar;
  private final Notifications notifications;

  public ApproveLeaveRequest(LeaveLedgerMapper ledger, WorkCalendar calendar, Notifications notifications) {
    this.ledger = ledger;
    this.calendar = calendar;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    LocalDate end = LocalDate.parse((String) execution.getVariable("endDate"));
    // Approved after the leave ended (e.g. sick leave applied for afterwards): count from today.
    LocalDate from = end.isBefore(Clock.today()) ? Clock.today() : end;
    LocalDate due = calendar.addWorkingDays(from, workingDays(execution, "reportBackWorkingDays"));
    LocalDate overdue = calendar.addWorkingDays(due, workingDays(execution, "overdueWorkingDays"));

    ledger.decide(key, LeaveStatus.APPROVED.code(), Clock.now());
    ledger.setReportBackDue(key, due);
    execution.setVariable("reportBackDueDate", due.toString());
    execution.setVariable("reportBackDueAt", Clock.toDate(calendar.closeOfDay(due)));
    execution.setVariable("reportBackOverdueAt", Clock.toDate(calendar.closeOfDay(overdue)));
    notifications.send((String) execution.getVariable("applicantId"), key,
        "您的请假申请 " + key + " 已批准。请于 " + due + " 下班前办理销假。");
  }

  static int workingDays(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    if (value == null) {
      throw new IllegalStateException("Model error: input parameter " + name + " is missing on " + execution.getCurrentActivityId());
    }
    int days = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
    if (days < 0) {
      throw new IllegalStateException("Model error: " + name + " must not be negative");
    }
    return days;
  }
}
