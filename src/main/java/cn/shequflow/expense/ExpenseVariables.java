package cn.shequflow.expense;

import cn.shequflow.core.process.ApprovalDecision;
import java.util.Map;
import java.util.Set;

/** The variable names of {@code expense-approval} (CONTRACTS.md), and what each form lets a person write. */
public final class ExpenseVariables {

  public static final String AMOUNT = "amount";
  public static final String CATEGORY = "category";
  public static final String PURPOSE = "purpose";
  public static final String HANDLER = "handler";
  public static final String WITNESS = "witness";
  public static final String RESUBMIT = "resubmit";
  public static final String REPRESENTATIVES_TOTAL = "representativesTotal";
  public static final String REPRESENTATIVES_PRESENT = "representativesPresent";
  public static final String VOTES_IN_FAVOUR = "votesInFavour";
  public static final String NOTICE_POSTED_ON = "noticePostedOn";
  public static final String MEETING_ON = "meetingOn";
  public static final String VOUCHER_TYPE = "voucherType";
  public static final String INVOICE_CODE = "invoiceCode";
  public static final String INVOICE_NUMBER = "invoiceNumber";
  public static final String PAID_AMOUNT = "paidAmount";
  public static final String PAID_ON = "paidOn";

  static final Set<String> REQUEST = Set.of(AMOUNT, CATEGORY, PURPOSE, HANDLER, WITNESS);

  public static final Map<String, Set<String>> FORM_INPUTS = Map.of(
      "expense-request-start", REQUEST,
      "expense-approve", ApprovalDecision.FIELDS,
      "expense-vote", Set.of(REPRESENTATIVES_PRESENT, VOTES_IN_FAVOUR, NOTICE_POSTED_ON, MEETING_ON),
      "expense-revise", Set.of(AMOUNT, CATEGORY, PURPOSE, HANDLER, WITNESS, RESUBMIT),
      "expense-voucher", Set.of(VOUCHER_TYPE, INVOICE_CODE, INVOICE_NUMBER, PAID_AMOUNT, PAID_ON));

  private ExpenseVariables() {}
}
