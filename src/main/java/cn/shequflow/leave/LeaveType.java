package cn.shequflow.leave;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Kinds of leave (CONTRACTS.md {@code leaveType}). */
public enum LeaveType {
  PERSONAL("personal", "事假"),
  SICK("sick", "病假"),
  ANNUAL("annual", "年休假"),
  MARRIAGE("marriage", "婚假"),
  MATERNITY("maternity", "产假"),
  BEREAVEMENT("bereavement", "丧假");

  public static final Set<String> CODES = codes();

  private final String code;
  private final String label;

  LeaveType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static LeaveType of(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown leave type " + code));
  }

  private static Set<String> codes() {
    Set<String> codes = new LinkedHashSet<>();
    for (LeaveType t : values()) {
      codes.add(t.code);
    }
    return Set.copyOf(codes);
  }
}
