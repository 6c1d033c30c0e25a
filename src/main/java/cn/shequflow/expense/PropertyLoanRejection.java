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
 * Service task {@code rejectPropertyLoan}: the director or the social affairs office refused; the
 * case moves to rejected and the applicant is told who refused and why.
 */
@Component("rejectPropertyLoan")
public class PropertyLoanRejection implements JavaDelegate {

  private final Cases cases;
  private final ApprovalChain chain;
  private final Notifications notifications;

  public PropertyLoanRejection(Cases cases, ApprovalChain chain, Notifications notifications) {
    this.cases = cases;
    this.chain = chain;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    cases.moveTo(record, PropertyLoanStatus.REJECTED.code());
    ApprovalStep refusal = chain.refusal(record); // a refusal, or a return (退回)
    notifications.send(record.applicantId(), record.businessKey(), "集体财物外借申请 " + record.businessKey()
        + " 被退回。" + refusal.decidedByName() + "不同意：" + refusal.comment() + "。可修改后重新提交或撤回。");
  }
}
