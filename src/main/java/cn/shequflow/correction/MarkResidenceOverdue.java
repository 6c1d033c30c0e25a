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
 * Service tasks {@code markHandOverOverdue} and {@code markReportInOverdue}, after the timers on the
 * hand-over and report-in tasks (CC-4): the deadline named by the task's input parameter
 * {@code deadline} ({@code handOver} | {@code reportIn}) has passed. The register and the case status
 * show it; the county bureau and the justice office are told. The task stays open.
 */
@Component("markResidenceOverdue")
public class MarkResidenceOverdue implements JavaDelegate {

  private final ResidenceChangeRegister register;
  private final CorrectionFacts facts;
  private final ResidenceChangeProgress progress;
  private final Cases cases;
  private final Organisation organisation;
  private final Notifications notifications;

  public MarkResidenceOverdue(ResidenceChangeRegister register, CorrectionFacts facts, ResidenceChangeProgress progress,
      Cases cases, Organisation organisation, Notifications notifications) {
    this.register = register;
    this.facts = facts;
    this.progress = progress;
    this.cases = cases;
    this.organisation = organisation;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    ResidenceChangeEntry change = facts.residence(record);
    Object deadline = execution.getVariableLocal("deadline");
    String message;
    if (ApproveResidenceChange.HAND_OVER.equals(deadline)) {
      register.markHandOverOverdue(record.businessKey());
      message = "法律文书和矫正档案应于 " + change.handOverDue().format(ApproveCorrectionTravel.MOMENT)
          + " 前移交新居住地，已逾期，请立即移交并抄送" + RecordHandOver.copiedTo(change) + "。";
    } else if (ApproveResidenceChange.REPORT_IN.equals(deadline)) {
      register.markReportInOverdue(record.businessKey());
      message = "矫正对象应于 " + change.reportInDue().toLocalDate() + " 当日内到新居住地报到，至今未确认报到，请立即核查其去向。";
    } else {
      throw new IllegalStateException("Model error: input parameter deadline is " + deadline + " on "
          + execution.getCurrentActivityId());
    }
    progress.update(record);
    String text = "社区矫正人员" + change.personName() + "居住地变更（" + record.businessKey() + "）：" + message;
    String unit = cases.unitOf(record);
    for (Role role : new Role[] {Role.COUNTY_JUSTICE, Role.JUSTICE_OFFICE}) {
      for (String person : organisation.holders(role, organisation.unitFor(role, unit).id())) {
        notifications.send(person, record.businessKey(), text);
      }
    }
  }
}
