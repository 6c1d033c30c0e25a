package cn.shequflow.correction;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Inputs;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code reportReturn} (CC-1): the justice office records the day the person
 * reported back. After the due date, or once the missed-report timer has fired, it counts as late.
 * A date before the travel began or in the future is refused and the task stays open.
 */
@Component("recordTravelReturn")
public class RecordTravelReturn implements TaskListener {

  private final TravelRegister register;
  private final CorrectionFacts facts;
  private final Cases cases;

  public RecordTravelReturn(TravelRegister register, CorrectionFacts facts, Cases cases) {
    this.register = register;
    this.facts = facts;
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    TravelEntry travel = facts.travel(record);
    Inputs in = Inputs.of(task);
    LocalDate reportedOn = CorrectionRequestValidator.happenedOn(in, CorrectionVariables.REPORTED_ON, "报到日期",
        travel.startDate(), "外出开始日期");
    String note = in.optionalText(CorrectionVariables.REPORT_NOTE, "报到情况", CorrectionRequestValidator.MAX_REASON);
    boolean late = travel.reportMissed() || reportedOn.isAfter(travel.reportDue().toLocalDate());
    register.recordReport(record.businessKey(), reportedOn, note);
    cases.moveTo(record, late ? TravelStatus.REPORTED_LATE.code() : TravelStatus.REPORTED.code());
  }
}
