package cn.shequflow.correction;

import static cn.shequflow.correction.CorrectionVariables.REPORTED_IN_ON;
import static cn.shequflow.correction.CorrectionVariables.REPORT_IN_NOTE;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.correction.ResidentRegisterLink.MoveOut;
import cn.shequflow.correction.ResidentRegisterLink.Outcome;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code confirmReportIn} (CC-4): the county bureau records the day the person
 * reported in at the new residence (for a move to another county, as that county's bureau confirms
 * it). After the deadline, or once the overdue timer has fired, it counts as late. The person has
 * moved: the resident register is asked to move them out ({@link ResidentRegisterLink}).
 */
@Component("recordReportIn")
public class RecordReportIn implements TaskListener {

  private final ResidenceChangeRegister register;
  private final CorrectionFacts facts;
  private final ResidenceChangeProgress progress;
  private final ResidentRegisterLink residents;
  private final Cases cases;
  private final CurrentUser currentUser;

  public RecordReportIn(ResidenceChangeRegister register, CorrectionFacts facts, ResidenceChangeProgress progress,
      ResidentRegisterLink residents, Cases cases, CurrentUser currentUser) {
    this.register = register;
    this.facts = facts;
    this.progress = progress;
    this.residents = residents;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    ResidenceChangeEntry change = facts.residence(record);
    Inputs in = Inputs.of(task);
    LocalDate on = CorrectionRequestValidator.happenedOn(in, REPORTED_IN_ON, "报到日期",
        change.approvedAt().toLocalDate(), "批准日期");
    String note = in.optionalText(REPORT_IN_NOTE, "报到情况", CorrectionRequestValidator.MAX_REASON);
    Outcome outcome = residents.moveOut(new MoveOut(record.businessKey(), change.idNumber(), change.personName(),
        change.currentAddress(), change.newAddress(), change.newCountySame(), on));
    register.recordReportIn(record.businessKey(), on, note, outcome.code());
    String userId = currentUser.id();
    cases.event(record.businessKey(), userId, CorrectionActions.REPORTED_IN, task.getName(), null,
        on + " 到新居住地县级司法行政机关报到" + (note == null ? "" : "。" + note));
    if (outcome == Outcome.MOVED_OUT) {
      cases.event(record.businessKey(), userId, CorrectionActions.MOVED_OUT, task.getName(), null,
          "居民登记：自 " + change.currentAddress() + " 迁出");
    }
    progress.update(record);
  }
}
