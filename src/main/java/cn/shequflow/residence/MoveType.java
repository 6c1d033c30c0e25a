package cn.shequflow.residence;

import java.util.Arrays;

/** What a resident-move case records (CONTRACTS.md {@code moveType}). */
public enum MoveType {
  MOVE_IN("move-in", "迁入"),
  MOVE_OUT("move-out", "迁出"),
  ADDRESS_CHANGE("address-change", "地址变更");

  private final String code;
  private final String label;

  MoveType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static MoveType of(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown move type " + code));
  }
}
