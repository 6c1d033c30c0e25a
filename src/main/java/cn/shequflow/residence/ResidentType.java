package cn.shequflow.residence;

import java.util.Arrays;

/** 户籍人口 or 流动人口 (CONTRACTS.md {@code residentType}). */
public enum ResidentType {
  REGISTERED("registered", "户籍人口"),
  MIGRANT("migrant", "流动人口");

  private final String code;
  private final String label;

  ResidentType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static ResidentType of(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown resident type " + code));
  }
}
