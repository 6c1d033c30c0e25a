package cn.shequflow.residence;

/** Status of a resident-move case (first: the status of a (re)submitted request). */
public enum ResidentMoveStatus {
  PENDING("pending", "待社区核实"),
  REJECTED("rejected", "已退回"),
  WITHDRAWN("withdrawn", "已撤回"),
  RECORDED("recorded", "已登记"),
  RECORDED_LATE("recorded-late", "已登记（逾期登记）");

  private final String code;
  private final String label;

  ResidentMoveStatus(String code, String label) {
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
