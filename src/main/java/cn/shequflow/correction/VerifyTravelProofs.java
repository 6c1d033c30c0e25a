package cn.shequflow.correction;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code verifyProofs} (CC-2): the justice office records which written proofs
 * it has checked, the residents' committee certificate and the employer certificate. A proof not
 * ticked is missing; the model then refuses the application with the reason (it never reaches an
 * approver). What was checked goes into the register and onto the timeline.
 */
@Component("verifyTravelProofs")
public class VerifyTravelProofs implements TaskListener {

  private final TravelRegister register;
  private final Cases cases;
  private final CurrentUser currentUser;

  public VerifyTravelProofs(TravelRegister register, Cases cases, CurrentUser currentUser) {
    this.register = register;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    Inputs in = Inputs.of(task);
    boolean committee = Boolean.TRUE.equals(in.optionalBoolean(CorrectionVariables.COMMITTEE_CERTIFICATE, "村（居）委会证明"));
    boolean employer = Boolean.TRUE.equals(in.optionalBoolean(CorrectionVariables.EMPLOYER_CERTIFICATE, "单位证明"));
    String note = in.optionalText(CorrectionVariables.PROOF_NOTE, "核验说明", CorrectionRequestValidator.MAX_REASON);
    CaseRecord record = cases.of(task.getExecution());
    String userId = currentUser.id();
    register.recordProofs(record.businessKey(), committee, employer, note, userId, Clock.now());
    String summary = "村（居）委会证明：" + (committee ? "已核验" : "缺少") + "；单位证明：" + (employer ? "已核验" : "缺少")
        + (note == null ? "" : "。" + note);
    cases.event(record.businessKey(), userId, CorrectionActions.PROOFS_VERIFIED, task.getName(), committee && employer,
        summary);
  }
}
