package cn.shequflow.correction;

/** Status of a travel application (CC-1, CC-2); the first is the status of a new application. */
public enum TravelStatus {
  PENDING("pending", "审批中"),
  REJECTED("rejected", "不予批准"),
  APPROVED("approved", "已批准，待返回报到"),
  REPORT_OVERDUE("report-overdue", "逾期未报到"),
  REPORTED("reported", "已按时报到"),
  REPORTED_LATE("reported-late", "逾期报到");

  private final String code;
  private final String label;

  TravelStatus(String code, String label) {
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
