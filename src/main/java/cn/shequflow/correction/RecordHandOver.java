package cn.shequflow.correction;

import static cn.shequflow.correction.CorrectionVariables.COPIES_SENT;
import static cn.shequflow.correction.CorrectionVariables.HANDED_OVER_ON;
import static cn.shequflow.correction.CorrectionVariables.HAND_OVER_NOTE;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code handOverFile} (CC-4): the county bureau records the day it handed the
 * legal documents and the correction file over, and confirms the copies to the procuratorate and the
 * police of both counties (of the one county, for a move within it), which is required. Both go onto
 * the timeline; a hand-over after the deadline counts as late.
 */
@Component("recordHandOver")
public class RecordHandOver implements TaskListener {

  private final ResidenceChangeRegister register;
  private final CorrectionFacts facts;
  private final ResidenceChangeProgress progress;
  private final Cases cases;
  private final CurrentUser currentUser;

  public RecordHandOver(ResidenceChangeRegister register, CorrectionFacts facts, ResidenceChangeProgress progress,
      Cases cases, CurrentUser currentUser) {
    this.register = register;
    this.facts = facts;
    this.progress = progress;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    ResidenceChangeEntry change = facts.residence(record);
    Inputs in = Inputs.of(task);
    LocalDate on = CorrectionRequestValidator.happenedOn(in, HANDED_OVER_ON, "移交日期",
        change.approvedAt().toLocalDate(), "批准日期");
    if (!Boolean.TRUE.equals(in.optionalBoolean(COPIES_SENT, "已抄送检察院和公安机关"))) {
      throw new InvalidInputException(COPIES_SENT, "移交法律文书和矫正档案时须同时抄送" + copiedTo(change) + "，抄送后再登记");
    }
    String note = in.optionalText(HAND_OVER_NOTE, "移交情况", CorrectionRequestValidator.MAX_REASON);
    register.recordHandOver(record.businessKey(), on, note);
    String userId = currentUser.id();
    cases.event(record.businessKey(), userId, CorrectionActions.HANDED_OVER, task.getName(), null,
        on + " 移交法律文书和矫正档案至新居住地（" + change.newAddress() + "）" + (note == null ? "" : "。" + note));
    cases.event(record.businessKey(), userId, CorrectionActions.COPIED, task.getName(), null, "抄送" + copiedTo(change));
    progress.update(record);
  }

  /** CC-4: the procuratorate and the police of both counties (one county when the move stays in it). */
  static String copiedTo(ResidenceChangeEntry change) {
    return change.newCountySame() ? "本县人民检察院、公安机关"
        : "原居住地县人民检察院、公安机关，新居住地县人民检察院、公安机关";
  }
}
