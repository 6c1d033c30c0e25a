package cn.shequflow.expense.monthly;

import java.util.Map;
import java.util.Set;

/** The variable names of {@code expense-monthly} and {@code expense-monthly-report}, and what each form lets a person write. */
public final class MonthlyReportVariables {

  /** Given by the schedule when it starts a community's report (read once, into the register). */
  public static final String COMMUNITY_ID = "communityId";
  public static final String REPORT_MONTH = "reportMonth";
  /** The schedule's decision. */
  public static final String REPORTS_DUE = "reportsDue";

  public static final String REPORTED_ON = "reportedOn";
  public static final String NOTE = "note";
  public static final String POSTED_ON = "postedOn";
  public static final String TAKEN_DOWN_ON = "takenDownOn";
  /** Policy (EX-8), an input parameter of the task {@code takeDownDisclosure}. */
  public static final String MINIMUM_POSTED_DAYS = "minimumPostedDays";

  /** Display only (read-only fields of the forms); nothing routes on them. */
  public static final String MONTH_LABEL = "monthLabel";
  public static final String EXPENSE_COUNT = "expenseCount";
  public static final String EXPENSE_TOTAL = "expenseTotal";
  public static final String EXPENSE_LINES = "expenseLines";
  public static final String POSTED_ON_LABEL = "postedOnLabel";
  public static final String EARLIEST_TAKE_DOWN_ON = "earliestTakeDownOn";

  public static final Map<String, Set<String>> FORM_INPUTS = Map.of(
      "expense-month-report", Set.of(REPORTED_ON, NOTE),
      "expense-month-disclosure", Set.of(POSTED_ON),
      "expense-month-takedown", Set.of(TAKEN_DOWN_ON));

  private MonthlyReportVariables() {}
}
