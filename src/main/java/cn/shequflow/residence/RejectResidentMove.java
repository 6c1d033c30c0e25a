package cn.shequflow.residence;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code rejectResidentMove}: the verifier refused; the filer is told why and may revise or withdraw. */
@Component("rejectResidentMove")
public class RejectResidentMove implements JavaDelegate {

  private final Cases cases;
  private final ApprovalChain chain;
  private final Notifications notifications;

  public RejectResidentMove(Cases cases, ApprovalChain chain, Notifications notifications) {
    this.cases = cases;
    this.chain = chain;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    cases.moveTo(record, ResidentMoveStatus.REJECTED.code());
    ApprovalStep refusal = chain.refusal(record); // a refusal, or a return (退回)
    notifications.send(record.applicantId(), record.businessKey(), "居民登记 " + record.businessKey() + " 被退回。"
        + refusal.decidedByName() + "：" + refusal.comment() + "。可修改后重新提交或撤回。");
  }
}
