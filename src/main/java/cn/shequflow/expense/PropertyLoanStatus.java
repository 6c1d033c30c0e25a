package cn.shequflow.expense;

/** Status of a property loan in the register (first: the status of a (re)submitted request). */
public enum PropertyLoanStatus {
  PENDING("pending", "审批中"),
  REJECTED("rejected", "已退回"),
  WITHDRAWN("withdrawn", "已撤回"),
  APPROVED("approved", "已同意外借，待归还"),
  OVERDUE("overdue", "逾期未归还"),
  RETURNED("returned", "已归还"),
  RETURNED_LATE("returned-late", "逾期归还");

  private final String code;
  private final String label;

  PropertyLoanStatus(String code, String label) {
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
