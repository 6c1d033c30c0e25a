package cn.shequflow.expense;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service tasks {@code rejectExpense} and {@code voteFailed}: the case moves to rejected and the
 * applicant is told why: an approver's refusal, or the failed assembly vote (EX-7).
 */
@Component("rejectExpense")
public class RejectExpense implements JavaDelegate {

  private final ExpenseRegister register;
  private final Cases cases;
  private final ApprovalChain chain;
  private final Notifications notifications;

  public RejectExpense(ExpenseRegister register, Cases cases, ApprovalChain chain, Notifications notifications) {
    this.register = register;
    this.cases = cases;
    this.chain = chain;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    cases.moveTo(record, ExpenseStatus.REJECTED.code());
    ExpenseEntry expense = register.find(record.businessKey());
    String reason;
    if (Boolean.FALSE.equals(expense.votePassed())) {
      reason = expense.voteNote();
    } else {
      ApprovalStep refusal = chain.refusal(record); // a refusal, or a return (退回)
      reason = refusal.decidedByName() + "不同意：" + refusal.comment();
    }
    notifications.send(record.applicantId(), record.businessKey(),
        "开支申请 " + record.businessKey() + " 被退回。" + reason + "。可修改后重新提交或撤回。");
  }
}
