package cn.shequflow.correction;

import static cn.shequflow.correction.CorrectionVariables.CONSULTED_ON;
import static cn.shequflow.correction.CorrectionVariables.RECEIVING_COUNTY;
import static cn.shequflow.correction.CorrectionVariables.RECEIVING_OPINION;
import static cn.shequflow.correction.CorrectionVariables.RECEIVING_OPINION_NOTE;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code recordReceivingOpinion} (CC-3): before it decides on a move to another
 * county, the county bureau records the opinion of the receiving county's justice bureau. The
 * opinion informs the decision; it does not make it. Stored in the register, on the timeline, and
 * shown on the decision form.
 */
@Component("recordReceivingOpinion")
public class RecordReceivingOpinion implements TaskListener {

  static final Map<String, String> OPINIONS = Map.of("agree", "同意接收", "disagree", "不同意接收");

  private final ResidenceChangeRegister register;
  private final CorrectionFacts facts;
  private final Cases cases;
  private final CurrentUser currentUser;

  public RecordReceivingOpinion(ResidenceChangeRegister register, CorrectionFacts facts, Cases cases,
      CurrentUser currentUser) {
    this.register = register;
    this.facts = facts;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    ResidenceChangeEntry change = facts.residence(record);
    Inputs in = Inputs.of(task);
    String county = in.requiredText(RECEIVING_COUNTY, "迁入地县级司法行政机关", 100);
    String opinion = in.requiredEnum(RECEIVING_OPINION, "迁入地意见", OPINIONS.keySet());
    String note = in.optionalText(RECEIVING_OPINION_NOTE, "意见说明", CorrectionRequestValidator.MAX_REASON);
    LocalDate consulted = CorrectionRequestValidator.happenedOn(in, CONSULTED_ON, "征求意见日期",
        change.applicationDate(), "申请日期");
    register.recordReceivingOpinion(record.businessKey(), county, opinion, note, consulted);
    String summary = county + "（" + consulted + "）：" + OPINIONS.get(opinion) + (note == null ? "" : "。" + note);
    cases.event(record.businessKey(), currentUser.id(), CorrectionActions.RECEIVING_OPINION, task.getName(),
        "agree".equals(opinion), summary);
    task.getExecution().getProcessInstance().setVariable("receivingOpinionLabel", summary);
  }
}
