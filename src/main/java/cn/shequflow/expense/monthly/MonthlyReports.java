package cn.shequflow.expense.monthly;

import static cn.shequflow.expense.monthly.MonthlyReportVariables.MINIMUM_POSTED_DAYS;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * What the monthly report's model reads from the register and the organisation
 * ({@code ${monthlyReports.reporterGroup(execution)}}), never from a process variable.
 */
@Service("monthlyReports")
public class MonthlyReports {

  private final MonthlyReportMapper mapper;
  private final Cases cases;
  private final Organisation organisation;

  public MonthlyReports(MonthlyReportMapper mapper, Cases cases, Organisation organisation) {
    this.mapper = mapper;
    this.cases = cases;
    this.organisation = organisation;
  }

  public MonthlyReport of(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    MonthlyReport report = mapper.find(record.businessKey());
    if (report == null) {
      throw new IllegalStateException("No monthly report registered for " + record.businessKey());
    }
    return report;
  }

  /**
   * EX-5: the community's bookkeeper reports; a community without a bookkeeper (ORG-4 names one,
   * but the organisation may not have filled the post) has its director do it.
   */
  public String reporterGroup(DelegateExecution execution) {
    String community = cases.of(execution).communityId();
    Role reporter = organisation.holders(Role.BOOKKEEPER, community).isEmpty() ? Role.DIRECTOR : Role.BOOKKEEPER;
    return organisation.candidateGroup(reporter.name(), community);
  }

  /** EX-8: the policy limit of the take-down task, its input parameter {@code minimumPostedDays}. */
  public static int minimumPostedDays(VariableScope scope) {
    Object value = scope.getVariable(MINIMUM_POSTED_DAYS);
    try {
      int days = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
      if (days < 1) {
        throw new NumberFormatException("not positive");
      }
      return days;
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Input parameter " + MINIMUM_POSTED_DAYS + " must be a positive whole number of days, not "
          + value);
    }
  }

  /**
   * EX-8, counted in calendar days: the first day the disclosure may come down is the posting day
   * plus {@code minimumPostedDays} (posted 9 October, 10 days: not before 19 October).
   */
  public static LocalDate earliestTakeDown(LocalDate postedOn, int minimumPostedDays) {
    return postedOn.plusDays(minimumPostedDays);
  }

  /** The follow-up date of the take-down task: the first day it may be done. */
  public Date earliestTakeDown(DelegateExecution execution) {
    MonthlyReport report = of(execution);
    if (report.postedOn() == null) {
      throw new IllegalStateException("Monthly report " + report.businessKey() + " has no posting date");
    }
    return Clock.toDate(earliestTakeDown(report.postedOn(), minimumPostedDays(execution)).atStartOfDay());
  }
}
