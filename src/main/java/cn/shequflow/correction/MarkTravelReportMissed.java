package cn.shequflow.correction;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code markReportMissed}, after the timer on the report task (CC-1): the person has
 * not reported back by the deadline. The case shows it (逾期未报到), the justice office is told and
 * gets a task to find out where the person is; the report task stays open.
 */
@Component("markTravelReportMissed")
public class MarkTravelReportMissed implements JavaDelegate {

  private final TravelRegister register;
  private final CorrectionFacts facts;
  private final Cases cases;
  private final Organisation organisation;
  private final Notifications notifications;

  public MarkTravelReportMissed(TravelRegister register, CorrectionFacts facts, Cases cases, Organisation organisation,
      Notifications notifications) {
    this.register = register;
    this.facts = facts;
    this.cases = cases;
    this.organisation = organisation;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    TravelEntry travel = facts.travel(record);
    register.markReportMissed(record.businessKey());
    cases.moveTo(record, TravelStatus.REPORT_OVERDUE.code());
    String message = "社区矫正人员" + travel.personName() + "外出（" + record.businessKey() + "）应于 "
        + travel.reportDue().format(ApproveCorrectionTravel.MOMENT) + " 前返回报到，至今未报到。请立即核查其去向，"
        + "联系不上的按脱离监管处置。";
    for (String officer : organisation.holders(Role.JUSTICE_OFFICE,
        organisation.unitFor(Role.JUSTICE_OFFICE, cases.unitOf(record)).id())) {
      notifications.send(officer, record.businessKey(), message);
    }
  }
}
