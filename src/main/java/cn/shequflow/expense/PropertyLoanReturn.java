package cn.shequflow.expense;

import static cn.shequflow.expense.PropertyLoanVariables.CONDITION;
import static cn.shequflow.expense.PropertyLoanVariables.RETURNED_ON;
import static cn.shequflow.expense.PropertyLoanVariables.RETURN_NOTE;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.Notifications;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code recordReturn}: the lender records when and in what state the property
 * came back. The date may not be before the loan began nor in the future (400 naming the field; the
 * task stays open). Returned after the due date, or only after the overdue reminder went out, counts
 * as late. Damaged or lost property needs a note; it is noted on the timeline and the community's
 * director is told, since the person responsible compensates (EX-9).
 */
@Component("recordPropertyLoanReturn")
public class PropertyLoanReturn implements TaskListener {

  public static final int MAX_NOTE = 500;

  private final PropertyLoanRegister register;
  private final Cases cases;
  private final Organisation organisation;
  private final Notifications notifications;
  private final CurrentUser currentUser;

  public PropertyLoanReturn(PropertyLoanRegister register, Cases cases, Organisation organisation,
      Notifications notifications, CurrentUser currentUser) {
    this.register = register;
    this.cases = cases;
    this.organisation = organisation;
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    PropertyLoanEntry loan = register.find(record.businessKey());
    Inputs in = Inputs.of(task);
    LocalDate returnedOn = in.requiredDate(RETURNED_ON, "实际归还日期");
    if (returnedOn.isBefore(loan.loanFrom())) {
      throw new InvalidInputException(RETURNED_ON, "实际归还日期不能早于借出日期（" + loan.loanFrom() + "）");
    }
    if (returnedOn.isAfter(Clock.today())) {
      throw new InvalidInputException(RETURNED_ON, "实际归还日期不能晚于今天：财物收回后再登记");
    }
    PropertyLoanCondition condition = PropertyLoanCondition.of(in.requiredEnum(CONDITION, "归还状况",
        PropertyLoanCondition.CODES));
    String note = in.optionalText(RETURN_NOTE, "情况说明", MAX_NOTE);
    if (condition.needsCompensation() && note == null) {
      throw new InvalidInputException(RETURN_NOTE, "财物" + condition.label() + "时须说明情况和责任人（由责任人赔偿）");
    }
    String userId = currentUser.idOr(record.applicantId());
    register.recordReturn(record.businessKey(), returnedOn, condition.code(), note, Clock.now(), userId);
    task.getExecution().setVariable(RETURNED_ON, returnedOn.toString());

    if (condition.needsCompensation()) {
      String comment = "财物" + condition.label() + "：" + note + "。按规定由责任人赔偿。";
      cases.event(record.businessKey(), userId, condition.timelineAction(), task.getName(), null, comment);
      for (String director : organisation.holders(Role.DIRECTOR, record.communityId())) {
        notifications.send(director, record.businessKey(), "集体财物外借 " + record.businessKey() + "（"
            + record.subject() + "）归还时登记为" + condition.label() + "：" + note + "。请落实责任人赔偿。");
      }
    }
    boolean late = returnedOn.isAfter(loan.returnDue())
        || PropertyLoanStatus.OVERDUE.code().equals(record.status());
    cases.moveTo(record, late ? PropertyLoanStatus.RETURNED_LATE.code() : PropertyLoanStatus.RETURNED.code());
  }
}
