package cn.shequflow.leave;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code rejectLeaveRequest}: the case moves to rejected and the applicant is told why. */
@Component("rejectLeaveRequest")
public class RejectLeaveRequest implements JavaDelegate {

  private final Cases cases;
  private final ApprovalChain chain;
  private final Notifications notifications;

  public RejectLeaveRequest(Cases cases, ApprovalChain chain, Notifications notifications) {
    this.cases = cases;
    this.chain = chain;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    cases.moveTo(record, LeaveStatus.REJECTED.code());
    ApprovalStep refusal = chain.refusal(record); // a refusal, or a return (退回)
    notifications.send(record.applicantId(), record.businessKey(), "您的请假申请 " + record.businessKey() + " 被"
        + refusal.decidedByName() + "退回：" + refusal.comment().replaceAll("[。.！!]+$", "") + "。可修改后重新提交或撤回。");
  }
}
