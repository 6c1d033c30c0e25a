package cn.shequflow.expense.monthly;

import static cn.shequflow.expense.monthly.MonthlyReportVariables.COMMUNITY_ID;
import static cn.shequflow.expense.monthly.MonthlyReportVariables.REPORT_MONTH;

import cn.shequflow.core.guard.Trusted;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code startCommunityReports} (multi-instance over the communities, one job each):
 * starts one community's {@code expense-monthly-report} for the month. The report is its own case
 * and process instance, so the register, the Tasklist columns and the timeline work as for every
 * family, and one community's trouble (e.g. no director to route to) is an incident of its own job.
 */
@Component("startMonthlyReport")
public class StartMonthlyReport implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String communityId = (String) execution.getVariable(COMMUNITY_ID);
    String reportMonth = (String) execution.getVariable(REPORT_MONTH);
    // The product's own fixed command (an administrator may run this job by hand).
    Trusted.run(() -> execution.getProcessEngineServices().getRuntimeService()
        .createProcessInstanceByKey(MonthlyReportFamily.PROCESS_KEY)
        .setVariable(COMMUNITY_ID, communityId)
        .setVariable(REPORT_MONTH, reportMonth)
        .execute());
  }
}
