package cn.shequflow.expense;

import cn.shequflow.core.process.ApprovalDecision;
import java.util.Map;
import java.util.Set;

/** The variable names of {@code property-loan} (CONTRACTS.md), and what each form lets a person write. */
public final class PropertyLoanVariables {

  public static final String ITEM = "item";
  public static final String BORROWER = "borrower";
  public static final String PURPOSE = "purpose";
  public static final String LOAN_FROM = "loanFrom";
  public static final String LOAN_UNTIL = "loanUntil";
  public static final String RESUBMIT = "resubmit";
  public static final String RETURNED_ON = "returnedOn";
  public static final String CONDITION = "condition";
  public static final String RETURN_NOTE = "returnNote";
  public static final String OVERDUE_NOTE = "overdueNote";

  /** Display only (set by the product, shown read-only): never read back. */
  public static final String RETURN_DUE_DATE = "returnDueDate";

  static final Set<String> REQUEST = Set.of(ITEM, BORROWER, PURPOSE, LOAN_FROM, LOAN_UNTIL);

  /** Form id → the variables a person writes with it. */
  public static final Map<String, Set<String>> FORM_INPUTS = Map.of(
      "loan-request-start", REQUEST,
      "loan-approve", ApprovalDecision.FIELDS,
      "loan-revise", Set.of(ITEM, BORROWER, PURPOSE, LOAN_FROM, LOAN_UNTIL, RESUBMIT),
      "loan-return", Set.of(RETURNED_ON, CONDITION, RETURN_NOTE),
      "loan-overdue", Set.of(OVERDUE_NOTE));

  private PropertyLoanVariables() {}
}
