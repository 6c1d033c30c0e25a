package cn.shequflow.leave;

/** Status of a request in the leave ledger (LV-6). */
public enum LeaveStatus {
  PENDING("pending", "审批中"),
  APPROVED("approved", "已批准，待销假"),
  REJECTED("rejected", "已退回"),
  WITHDRAWN("withdrawn", "已撤回"),
  RETURNED("returned", "已按时销假"),
  LATE("late", "逾期销假"),
  /** 作废: approved, then voided by the applicant or an administrator before the leave started. */
  VOIDED("voided", "已作废");

  // pending is first: the status of a (re)submitted request (CaseFamily.initialStatus).

  private final String code;
  private final String label;

  LeaveStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static LeaveStatus of(String code) {
    for (LeaveStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown leave status " + code);
  }
}
