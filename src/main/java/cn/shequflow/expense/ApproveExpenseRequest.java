package cn.shequflow.expense;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Notifications;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code approveExpenseRequest}: every approver agreed (and the assembly, where needed).
 * The approval date is recorded, since nothing may be paid before it (EX-3); the applicant and the
 * community's bookkeeper are told.
 */
@Component("approveExpenseRequest")
public class ApproveExpenseRequest implements JavaDelegate {

  private final ExpenseRegister register;
  private final Cases cases;
  private final Organisation organisation;
  private final Notifications notifications;

  public ApproveExpenseRequest(ExpenseRegister register, Cases cases, Organisation organisation,
      Notifications notifications) {
    this.register = register;
    this.cases = cases;
    this.organisation = organisation;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    LocalDateTime now = Clock.now();
    register.approve(record.businessKey(), now);
    cases.moveTo(record, ExpenseStatus.APPROVED.code());
    execution.setVariable("approvedOn", now.toLocalDate().toString());
    String message = "开支申请 " + record.businessKey() + "（" + record.subject() + "）已批准，可按批准金额支出后报账。";
    notifications.send(record.applicantId(), record.businessKey(), message);
    for (String bookkeeper : organisation.holders(Role.BOOKKEEPER, record.communityId())) {
      notifications.send(bookkeeper, record.businessKey(), message);
    }
  }
}
