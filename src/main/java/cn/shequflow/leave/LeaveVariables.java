package cn.shequflow.leave;

import cn.shequflow.core.process.ApprovalDecision;
import java.util.Map;
import java.util.Set;

/**
 * The variable names of {@code leave-request} (CONTRACTS.md), in one place: what each of its forms
 * lets a person write. A test proves that every form declares exactly these inputs.
 */
public final class LeaveVariables {

  public static final String LEAVE_TYPE = "leaveType";
  public static final String START_DATE = "startDate";
  public static final String END_DATE = "endDate";
  public static final String DAYS = "days";
  public static final String REASON = "reason";
  public static final String RESUBMIT = "resubmit";
  public static final String RETURNED_ON = "returnedOn";
  public static final String COVER_PERSON = "coverPerson";
  public static final String OVERDUE_NOTE = "overdueNote";

  /** Display only (set by the product, shown read-only): never read back. */
  public static final String LEAVE_TYPE_LABEL = "leaveTypeLabel";
  public static final String DAYS_LABEL = "daysLabel";
  public static final String REPORT_BACK_DUE_DATE = "reportBackDueDate";

  static final Set<String> REQUEST = Set.of(LEAVE_TYPE, START_DATE, END_DATE, DAYS, REASON);

  /** Form id → the variables a person writes with it. */
  public static final Map<String, Set<String>> FORM_INPUTS = Map.of(
      "leave-request-start", REQUEST,
      "leave-approve", ApprovalDecision.FIELDS,
      "leave-revise", Set.of(LEAVE_TYPE, START_DATE, END_DATE, DAYS, REASON, RESUBMIT),
      "leave-report-back", Set.of(RETURNED_ON),
      "leave-cover", Set.of(COVER_PERSON),
      "leave-overdue", Set.of(OVERDUE_NOTE));

  private LeaveVariables() {}
}
