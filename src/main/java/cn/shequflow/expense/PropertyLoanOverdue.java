package cn.shequflow.expense;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code markPropertyLoanOverdue}, after the timer on the return task fired: the case
 * shows the loan as overdue and the lender is told; the community's director gets a reminder task.
 */
@Component("markPropertyLoanOverdue")
public class PropertyLoanOverdue implements JavaDelegate {

  private final PropertyLoanRegister register;
  private final Cases cases;
  private final Notifications notifications;

  public PropertyLoanOverdue(PropertyLoanRegister register, Cases cases, Notifications notifications) {
    this.register = register;
    this.cases = cases;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    cases.moveTo(record, PropertyLoanStatus.OVERDUE.code());
    notifications.send(record.applicantId(), record.businessKey(), "外借的集体财物 " + record.businessKey() + "（"
        + record.subject() + "）应于 " + register.find(record.businessKey()).returnDue()
        + " 前归还，已逾期。请尽快收回并登记归还情况。");
  }
}
