package cn.shequflow.expense.monthly;

/** Status of a monthly report in the register (first: the status it is opened with). */
public enum MonthlyReportStatus {
  OPEN("open", "办理中"),
  COMPLETED("completed", "已完成");

  private final String code;
  private final String label;

  MonthlyReportStatus(String code, String label) {
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
