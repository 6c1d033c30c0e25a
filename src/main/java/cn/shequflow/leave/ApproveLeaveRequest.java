package cn.shequflow.leave;

import cn.shequflow.core.calendar.Deadlines;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.ModelParameters;
import cn.shequflow.core.process.Notifications;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code approveLeaveRequest}: the whole chain approved. The case moves to approved;
 * the report-back (销假, LV-4) deadline is the close of office on the {@code reportBackWorkingDays}-th
 * working day after the end of the leave (or after today, when approved after the end), and it
 * counts as overdue (LV-6) {@code overdueWorkingDays} working days later. Both limits are input
 * parameters of the task in the model (policy an analyst edits in Modeler); both deadlines are kept
 * in the register, where the report-back task and the overdue timer read them.
 */
@Component("approveLeaveRequest")
public class ApproveLeaveRequest implements JavaDelegate {

  static final String REPORT_BACK = "reportBack";
  static final String REPORT_BACK_OVERDUE = "reportBackOverdue";

  private final LeaveRegister register;
  private final Cases cases;
  private final Deadlines deadlines;
  private final Notifications notifications;

  public ApproveLeaveRequest(LeaveRegister register, Cases cases, Deadlines deadlines, Notifications notifications) {
    this.register = register;
    this.cases = cases;
    this.deadlines = deadlines;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    LeaveEntry leave = register.find(record.businessKey());
    LocalDate from = leave.endDate().isBefore(Clock.today()) ? Clock.today() : leave.endDate();
    LocalDateTime due = deadlines.closeOfWorkingDayAfter(from,
        ModelParameters.nonNegativeInt(execution, "reportBackWorkingDays"));
    LocalDateTime overdue = deadlines.closeOfWorkingDayAfter(due.toLocalDate(),
        ModelParameters.nonNegativeInt(execution, "overdueWorkingDays"));

    cases.moveTo(record, LeaveStatus.APPROVED.code());
    register.setReportBackDue(record.businessKey(), due.toLocalDate());
    deadlines.set(record.businessKey(), REPORT_BACK, due);
    deadlines.set(record.businessKey(), REPORT_BACK_OVERDUE, overdue);
    execution.setVariable(LeaveVariables.REPORT_BACK_DUE_DATE, due.toLocalDate().toString());
    notifications.send(record.applicantId(), record.businessKey(),
        "您的请假申请 " + record.businessKey() + " 已批准。请于 " + due.toLocalDate() + " 下班前办理销假。");
  }
}
