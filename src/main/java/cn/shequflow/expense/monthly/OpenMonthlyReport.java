package cn.shequflow.expense.monthly;

import static cn.shequflow.expense.monthly.MonthlyReportVariables.COMMUNITY_ID;
import static cn.shequflow.expense.monthly.MonthlyReportVariables.EXPENSE_COUNT;
import static cn.shequflow.expense.monthly.MonthlyReportVariables.EXPENSE_LINES;
import static cn.shequflow.expense.monthly.MonthlyReportVariables.EXPENSE_TOTAL;
import static cn.shequflow.expense.monthly.MonthlyReportVariables.MONTH_LABEL;
import static cn.shequflow.expense.monthly.MonthlyReportVariables.REPORT_MONTH;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.OpenCase;
import cn.shequflow.core.organisation.OrgUnit;
import cn.shequflow.core.organisation.Organisation;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code expense-monthly-report} ({@code ${openMonthlyReport}}): opens the case
 * (no applicant, {@link OpenCase#openSystemCase}) for the community and month the schedule gave,
 * e.g. subject {@code 造纸社区 2026年9月 报账与财务公开}; sums the community's expenses booked in
 * the month from the ledger (EX-5) and keeps count and sum in {@code expense_monthly_report}, one
 * per community and month; sets what the forms show.
 */
@Component("openMonthlyReport")
public class OpenMonthlyReport implements ExecutionListener {

  private final OpenCase openCase;
  private final Organisation organisation;
  private final MonthlyReportMapper mapper;

  public OpenMonthlyReport(OpenCase openCase, Organisation organisation, MonthlyReportMapper mapper) {
    this.openCase = openCase;
    this.organisation = organisation;
    this.mapper = mapper;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String communityId = execution.getVariable(COMMUNITY_ID) instanceof String s ? s : null;
    YearMonth month = month(execution.getVariable(REPORT_MONTH));
    String communityName = organisation.unit(communityId).map(OrgUnit::name).orElse(communityId);
    String monthLabel = month == null ? "" : MonthlyStatement.label(month);
    // Refuses a start by a person first; then the community must be one.
    CaseRecord record = openCase.openSystemCase(execution, communityId,
        communityName + " " + monthLabel + " 报账与财务公开");
    if (month == null) {
      throw new IllegalStateException("expense-monthly-report started without a month (reportMonth yyyy-MM)");
    }
    MonthlyStatement statement = new MonthlyStatement(month, mapper.bookedIn(communityId,
        month.atDay(1).atStartOfDay(), month.plusMonths(1).atDay(1).atStartOfDay()));
    try {
      mapper.insertReport(record.businessKey(), communityId, month.toString(), statement.count(), statement.total());
    } catch (DuplicateKeyException twice) {
      throw new IllegalStateException(communityName + " already has a monthly report for " + month, twice);
    }
    execution.removeVariable(COMMUNITY_ID);
    execution.removeVariable(REPORT_MONTH);
    execution.setVariable(MONTH_LABEL, monthLabel);
    execution.setVariable(EXPENSE_COUNT, String.valueOf(statement.count()));
    execution.setVariable(EXPENSE_TOTAL, statement.total().toPlainString());
    execution.setVariable(EXPENSE_LINES, statement.lines());
  }

  private static YearMonth month(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
