package cn.shequflow.correction;

import cn.shequflow.core.calendar.Deadlines;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.ModelParameters;
import cn.shequflow.core.process.Notifications;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code approveResidence}: the county bureau approved (CC-4). Two deadlines start on
 * the day of the decision, both input parameters of the task in the model: the hand-over of the legal
 * documents and the correction file, by the close of office on the {@code handOverWorkingDays}-th
 * working day (3 working days, CAL-1), and the person's report-in at the new residence by the end of
 * the {@code reportInDays}-th calendar day (7日内). Both are kept in the register, where the tasks'
 * due dates and the overdue timers read them.
 */
@Component("approveResidenceChange")
public class ApproveResidenceChange implements JavaDelegate {

  static final String HAND_OVER = "handOver";
  static final String REPORT_IN = "reportIn";

  private final ResidenceChangeRegister register;
  private final CorrectionFacts facts;
  private final Cases cases;
  private final Deadlines deadlines;
  private final Notifications notifications;

  public ApproveResidenceChange(ResidenceChangeRegister register, CorrectionFacts facts, Cases cases,
      Deadlines deadlines, Notifications notifications) {
    this.register = register;
    this.facts = facts;
    this.cases = cases;
    this.deadlines = deadlines;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    ResidenceChangeEntry change = facts.residence(record);
    LocalDate decided = Clock.today();
    LocalDateTime handOver = deadlines.closeOfWorkingDayAfter(decided,
        ModelParameters.nonNegativeInt(execution, "handOverWorkingDays"));
    LocalDateTime reportIn = deadlines.endOfCalendarDayAfter(decided,
        ModelParameters.nonNegativeInt(execution, "reportInDays"));
    String key = record.businessKey();
    deadlines.set(key, HAND_OVER, handOver);
    deadlines.set(key, REPORT_IN, reportIn);
    register.approve(key, Clock.now(), handOver, reportIn);
    cases.moveTo(record, ResidenceChangeStatus.APPROVED.code());
    execution.setVariable("handOverDueLabel", handOver.format(ApproveCorrectionTravel.MOMENT));
    execution.setVariable("reportInDueLabel", reportIn.toLocalDate() + " 当日内");
    notifications.send(record.applicantId(), key, "社区矫正人员" + change.personName() + "居住地变更（" + key
        + "）已批准。县司法局应于 " + handOver.format(ApproveCorrectionTravel.MOMENT)
        + " 前移交法律文书和矫正档案；矫正对象应于 " + reportIn.toLocalDate() + " 当日内到新居住地县级司法行政机关报到。");
  }
}
