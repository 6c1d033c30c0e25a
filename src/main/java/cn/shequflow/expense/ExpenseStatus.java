package cn.shequflow.expense;

/** Status of an expense in the register (first: the status of a (re)submitted request). */
public enum ExpenseStatus {
  PENDING("pending", "审批中"),
  REJECTED("rejected", "已退回"),
  WITHDRAWN("withdrawn", "已撤回"),
  APPROVED("approved", "已批准，待报账"),
  BOOKED("booked", "已报账"),
  /** 作废: approved, then voided by the applicant or an administrator before it was booked. */
  VOIDED("voided", "已作废");

  private final String code;
  private final String label;

  ExpenseStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }
}
