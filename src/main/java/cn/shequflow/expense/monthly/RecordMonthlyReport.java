package cn.shequflow.expense.monthly;

import static cn.shequflow.expense.monthly.MonthlyReportVariables.NOTE;
import static cn.shequflow.expense.monthly.MonthlyReportVariables.REPORTED_ON;

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
 * Complete listener of {@code reportMonthly} (EX-5): the bookkeeper (or, without one, the director)
 * records when the month was reported to the street's accounting centre (零户统管中心). The date
 * lies between the end of the reported month and today; the report goes to the register and the
 * timeline.
 */
@Component("recordMonthlyReport")
public class RecordMonthlyReport implements TaskListener {

  public static final int MAX_NOTE = 500;

  private final MonthlyReportMapper mapper;
  private final Cases cases;
  private final CurrentUser currentUser;

  public RecordMonthlyReport(MonthlyReportMapper mapper, Cases cases, CurrentUser currentUser) {
    this.mapper = mapper;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    MonthlyReport report = mapper.find(record.businessKey());
    Inputs in = Inputs.of(task);
    LocalDate reportedOn = MonthlyDates.afterMonth(in.requiredDate(REPORTED_ON, "报送日期"), REPORTED_ON, "报送日期",
        YearMonth.parse(report.reportMonth()), record.createdAt().toLocalDate());
    String note = in.optionalText(NOTE, "备注", MAX_NOTE);
    String userId = currentUser.id();
    mapper.recordReported(record.businessKey(), reportedOn, note, userId);
    cases.event(record.businessKey(), userId, "reported", task.getName(), null,
        "报送日期 " + reportedOn + "，" + report.expenseCount() + " 笔，实付合计 " + report.paidTotal().toPlainString() + " 元"
            + (note == null ? "" : "；" + note));
  }
}
