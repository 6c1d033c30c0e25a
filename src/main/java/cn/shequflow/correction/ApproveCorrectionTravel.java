package cn.shequflow.correction;

import cn.shequflow.core.calendar.Deadlines;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.ModelParameters;
import cn.shequflow.core.process.Notifications;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code approveTravel}: the whole chain approved (CC-1). The person reports to the
 * justice office at once on return: the report is due at the close of office on the
 * {@code reportWorkingDays}-th working day after the end of the travel (the model's input parameter),
 * a deadline kept in the register, where the report task and the missed-report timer read it.
 * Entering a place barred by a court order (CC-5) was approved by the county bureau, and the
 * procuratorate is informed: a timeline entry of the county's decision, and the justice office is
 * told to deliver the written notice (the procuratorate has no account here).
 */
@Component("approveCorrectionTravel")
public class ApproveCorrectionTravel implements JavaDelegate {

  static final String RETURN_REPORT = "returnReport";
  static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TravelRegister register;
  private final CorrectionFacts facts;
  private final Cases cases;
  private final Deadlines deadlines;
  private final Organisation organisation;
  private final Notifications notifications;
  private final CurrentUser currentUser;

  public ApproveCorrectionTravel(TravelRegister register, CorrectionFacts facts, Cases cases, Deadlines deadlines,
      Organisation organisation, Notifications notifications, CurrentUser currentUser) {
    this.register = register;
    this.facts = facts;
    this.cases = cases;
    this.deadlines = deadlines;
    this.organisation = organisation;
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    TravelEntry travel = facts.travel(record);
    LocalDate from = travel.endDate().isBefore(Clock.today()) ? Clock.today() : travel.endDate();
    LocalDateTime due = deadlines.closeOfWorkingDayAfter(from,
        ModelParameters.nonNegativeInt(execution, "reportWorkingDays"));
    String key = record.businessKey();
    deadlines.set(key, RETURN_REPORT, due);
    register.approve(key, Clock.now(), due);
    cases.moveTo(record, TravelStatus.APPROVED.code());
    execution.setVariable("reportDueLabel", due.format(MOMENT));

    String trip = travel.personName() + " 赴 " + travel.destination() + "（" + travel.startDate() + " 至 "
        + travel.endDate() + "，" + travel.days() + " 天）";
    notifications.send(record.applicantId(), key, "社区矫正人员外出申请 " + key + " 已批准：" + trip
        + "。返回后须立即到司法所报到，最迟 " + due.format(MOMENT) + "。");
    if (travel.restrictedPlace()) {
      String notice = "已告知人民检察院：社区矫正人员" + trip + "，经县司法局批准进入人民法院禁止令限定的区域、场所";
      cases.event(key, currentUser.id(), CorrectionActions.PROCURATORATE_INFORMED, null, null, notice);
      for (String officer : organisation.holders(Role.JUSTICE_OFFICE,
        organisation.unitFor(Role.JUSTICE_OFFICE, cases.unitOf(record)).id())) {
        notifications.send(officer, key, "外出申请 " + key + " 涉及禁止令限定场所，县司法局已批准。请将书面告知送达人民检察院。");
      }
    }
  }
}
