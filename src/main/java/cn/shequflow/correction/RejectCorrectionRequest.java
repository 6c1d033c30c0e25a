package cn.shequflow.correction;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code rejectTravel} / {@code rejectResidenceChange}: the application is not approved
 * (不予批准) and the case ends. The reason is the missing written proofs (CC-2, travel) or the
 * approver's refusal with its comment; the justice office is told. There is no resubmission: a
 * refused application is filed again as a new one, as a travel longer than a month is (CC-1).
 */
@Component("rejectCorrectionRequest")
public class RejectCorrectionRequest implements JavaDelegate {

  private final Cases cases;
  private final ApprovalChain chain;
  private final CorrectionFacts facts;
  private final Notifications notifications;

  public RejectCorrectionRequest(Cases cases, ApprovalChain chain, CorrectionFacts facts, Notifications notifications) {
    this.cases = cases;
    this.chain = chain;
    this.facts = facts;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    String reason = reason(record);
    cases.moveTo(record, TravelStatus.REJECTED.code()); // both families call it "rejected"
    execution.setVariable("rejectReason", reason);
    notifications.send(record.applicantId(), record.businessKey(), cases.familyOf(record).label() + " "
        + record.businessKey() + "（" + record.subject() + "）不予批准。" + reason + "。如仍需办理，须重新提出申请。");
  }

  private String reason(CaseRecord record) {
    if (CorrectionFamily.TRAVEL_KEY.equals(record.family())) {
      TravelEntry travel = facts.travel(record);
      if (!travel.proofsComplete()) {
        return "缺少书面证明材料：" + travel.missingProofs();
      }
    }
    ApprovalStep refusal = chain.refusal(record); // a refusal, or a return (退回)
    return refusal.decidedByName() + "不同意：" + refusal.comment();
  }
}
