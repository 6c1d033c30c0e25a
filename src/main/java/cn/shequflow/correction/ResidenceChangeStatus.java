package cn.shequflow.correction;

/**
 * Status of a change of residence (CC-3, CC-4); the first is the status of a new application. After
 * approval two deadlines run at once, the hand-over of the file (3 working days) and the person's
 * report-in (7 days); the status shows which of them is overdue ({@link #of}).
 */
public enum ResidenceChangeStatus {
  PENDING("pending", "审批中"),
  REJECTED("rejected", "不予批准"),
  APPROVED("approved", "已批准，待移交档案和报到"),
  HAND_OVER_OVERDUE("hand-over-overdue", "档案移交逾期"),
  REPORT_IN_OVERDUE("report-in-overdue", "逾期未报到"),
  OVERDUE("overdue", "档案移交和报到均逾期"),
  COMPLETED("completed", "已办结"),
  COMPLETED_LATE("completed-late", "已办结（有逾期）");

  private final String code;
  private final String label;

  ResidenceChangeStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The status of an approved change from what has been done and which deadlines have passed. */
  public static ResidenceChangeStatus of(ResidenceChangeEntry e) {
    boolean handedOver = e.handedOverOn() != null;
    boolean reportedIn = e.reportedInOn() != null;
    if (handedOver && reportedIn) {
      return e.handOverLate() || e.reportInLate() ? COMPLETED_LATE : COMPLETED;
    }
    boolean handOverOverdue = !handedOver && e.handOverOverdue();
    boolean reportInOverdue = !reportedIn && e.reportInOverdue();
    if (handOverOverdue && reportInOverdue) {
      return OVERDUE;
    }
    if (handOverOverdue) {
      return HAND_OVER_OVERDUE;
    }
    return reportInOverdue ? REPORT_IN_OVERDUE : APPROVED;
  }
}
