package cn.shequflow.expense;

import java.util.Arrays;

/** Kinds of expense (CONTRACTS.md {@code category}). */
public enum ExpenseCategory {
  OFFICE("office", "办公用品"),
  TELEPHONE("telephone", "电话通讯"),
  UTILITIES("utilities", "水电费"),
  REPAIRS("repairs", "维修"),
  ACTIVITIES("activities", "社区活动"),
  DUTY_ALLOWANCE("duty-allowance", "值班补助"),
  COMMUNITY_AFFAIRS("community-affairs", "社区公共事务"),
  OTHER("other", "其他");

  private final String code;
  private final String label;

  ExpenseCategory(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static ExpenseCategory of(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown expense category " + code));
  }
}
