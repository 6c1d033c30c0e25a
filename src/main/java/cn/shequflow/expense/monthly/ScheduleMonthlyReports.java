package cn.shequflow.expense.monthly;

import static cn.shequflow.expense.monthly.MonthlyReportVariables.REPORTS_DUE;
import static cn.shequflow.expense.monthly.MonthlyReportVariables.REPORT_MONTH;

import cn.shequflow.core.calendar.WorkCalendar;
import cn.shequflow.core.process.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service task {@code scheduleMonthlyReports} of the schedule {@code expense-monthly} (EX-5, EX-8,
 * CAL-1). The timer fires every morning from the 1st to the 15th; the working calendar, not the
 * timer, decides: last month's reports are due from the month's first working day on (the 1st, or
 * the next working day after a weekend or holiday), and are made once. A firing before that day, or
 * after the month's reports were made, ends at once. A day the timer missed (the server was down on
 * the first working day) is caught up by the next firing.
 */
@Component("scheduleMonthlyReports")
public class ScheduleMonthlyReports implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleMonthlyReports.class);

  private final WorkCalendar calendar;
  private final MonthlyReportMapper mapper;

  public ScheduleMonthlyReports(WorkCalendar calendar, MonthlyReportMapper mapper) {
    this.calendar = calendar;
    this.mapper = mapper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = Clock.today();
    YearMonth thisMonth = YearMonth.from(today);
    LocalDate firstWorkingDay = calendar.firstWorkingDay(thisMonth);
    String reportMonth = thisMonth.minusMonths(1).toString();
    boolean due = !today.isBefore(firstWorkingDay) && mapper.countRuns(reportMonth) == 0;
    if (due) {
      // The primary key makes two runs for one month impossible, even if two firings raced.
      mapper.insertRun(reportMonth, today, execution.getProcessInstanceId(), Clock.now());
      execution.setVariable(REPORT_MONTH, reportMonth);
      LOG.info("Monthly expense reports for {} are due today ({}): starting one per community", reportMonth, today);
    }
    execution.setVariable(REPORTS_DUE, due);
  }
}
