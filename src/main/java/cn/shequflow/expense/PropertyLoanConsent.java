package cn.shequflow.expense;

import cn.shequflow.core.calendar.Deadlines;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Notifications;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code consentPropertyLoan}: the director agreed and the social affairs office
 * consented (EX-9), so the property may be lent. The return is due at the close of office on the
 * return date (on the next working day when that is not one, CAL-1), plus the model's input
 * parameter {@code returnWorkingDays} (policy an analyst edits in Modeler); consent given only
 * after the return date counts from today. The deadline {@code loanReturn} is kept in the
 * register, where the return task's due date and the overdue timer read it.
 */
@Component("consentPropertyLoan")
public class PropertyLoanConsent implements JavaDelegate {

  public static final String LOAN_RETURN = "loanReturn";

  private final PropertyLoanRegister register;
  private final Cases cases;
  private final Deadlines deadlines;
  private final Notifications notifications;

  public PropertyLoanConsent(PropertyLoanRegister register, Cases cases, Deadlines deadlines,
      Notifications notifications) {
    this.register = register;
    this.cases = cases;
    this.deadlines = deadlines;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    PropertyLoanEntry loan = register.find(record.businessKey());
    LocalDate until = loan.loanUntil().isBefore(Clock.today()) ? Clock.today() : loan.loanUntil();
    // The first working day on or after `until`, then returnWorkingDays more working days.
    LocalDateTime due = deadlines.closeOfWorkingDayAfter(until.minusDays(1), 1 + workingDays(execution));

    register.consent(record.businessKey(), Clock.now(), due.toLocalDate());
    deadlines.set(record.businessKey(), LOAN_RETURN, due);
    cases.moveTo(record, PropertyLoanStatus.APPROVED.code());
    execution.setVariable(PropertyLoanVariables.RETURN_DUE_DATE, due.toLocalDate().toString());
    notifications.send(record.applicantId(), record.businessKey(), "集体财物外借申请 " + record.businessKey() + "（"
        + record.subject() + "）已经社会事务办同意，可以外借。财物收回后请登记归还情况，归还期限为 "
        + due.toLocalDate() + " 下班前。");
  }

  static int workingDays(DelegateExecution execution) {
    Object value = execution.getVariableLocal("returnWorkingDays");
    if (value == null) {
      throw new IllegalStateException("Model error: input parameter returnWorkingDays is missing on "
          + execution.getCurrentActivityId());
    }
    int days = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
    if (days < 0) {
      throw new IllegalStateException("Model error: returnWorkingDays must not be negative");
    }
    return days;
  }
}
