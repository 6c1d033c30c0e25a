package cn.shequflow.expense.monthly;

import static cn.shequflow.expense.monthly.MonthlyReportVariables.POSTED_ON;
import static cn.shequflow.expense.monthly.MonthlyReportVariables.POSTED_ON_LABEL;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import java.time.LocalDate;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code postDisclosure} (EX-8): the director records the day the month's
 * finances were posted on the residents' notice board (居务公开栏).
 */
@Component("recordDisclosurePosted")
public class RecordDisclosurePosted implements TaskListener {

  private final MonthlyReportMapper mapper;
  private final Cases cases;
  private final CurrentUser currentUser;

  public RecordDisclosurePosted(MonthlyReportMapper mapper, Cases cases, CurrentUser currentUser) {
    this.mapper = mapper;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    MonthlyReport report = mapper.find(record.businessKey());
    LocalDate postedOn = MonthlyDates.afterMonth(Inputs.of(task).requiredDate(POSTED_ON, "张贴日期"), POSTED_ON, "张贴日期",
        YearMonth.parse(report.reportMonth()), record.createdAt().toLocalDate());
    String userId = currentUser.id();
    mapper.recordPosted(record.businessKey(), postedOn, userId);
    cases.event(record.businessKey(), userId, "disclosure-posted", task.getName(), null, "张贴日期 " + postedOn);
    // What the take-down form shows (display only).
    task.getExecution().setVariable(POSTED_ON_LABEL, postedOn.toString());
  }
}
