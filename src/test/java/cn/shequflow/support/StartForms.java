package cn.shequflow.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The start forms' variables of the common cases, as a person fills them in (one place for tests and benchmarks). */
public final class StartForms {

  private StartForms() {}

  /** Personal leave of {@code days} (whole or half) from {@code start}. */
  public static Map<String, Object> leave(LocalDate start, double days, String reason) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("leaveType", "personal");
    v.put("startDate", start.toString());
    v.put("endDate", start.plusDays((long) Math.ceil(days) - 1).toString());
    v.put("days", days == Math.rint(days) ? (Object) (int) days : (Object) days);
    v.put("reason", reason);
    return v;
  }

  /** Office supplies for {@code amount} yuan, bought by 陈静 before {@code witness}. */
  public static Map<String, Object> expense(int amount, String purpose, String witness) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("amount", amount);
    v.put("category", "office");
    v.put("purpose", purpose);
    v.put("handler", "陈静");
    v.put("witness", witness);
    return v;
  }

  /** A broken manhole cover (a safety hazard needing coordination) at {@code location}. */
  public static Map<String, Object> incident(String location, String description) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("category", "safety-hazard");
    v.put("severity", "coordination");
    v.put("title", "井盖破损");
    v.put("description", description);
    v.put("location", location);
    return v;
  }
}
