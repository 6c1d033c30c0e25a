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

  /**
   * A rental move-in of 周小红 ({@code idNumber}, a migrant) on {@code movedOn} to 造纸社区, as
   * {@code ResidentRestTest} files it (ResidentMoveProcessTest's move-in with a landlord).
   */
  public static Map<String, Object> moveIn(String idNumber, LocalDate movedOn) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("moveType", "move-in");
    v.put("residentType", "migrant");
    v.put("name", "周小红");
    v.put("idNumber", idNumber);
    v.put("phone", "13907920001");
    v.put("occupation", "个体经营");
    v.put("address", "浔阳区湓城街道造纸社区滨江路 18 号");
    v.put("building", "3 栋");
    v.put("movedOn", movedOn.toString());
    v.put("landlordName", "赵房东");
    v.put("landlordPhone", "0792-8221234");
    return v;
  }

  /** A person under community correction travels {@code days} from {@code start}, as {@code CorrectionRestTest} files it. */
  public static Map<String, Object> travel(LocalDate start, int days) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("personName", "王某");
    v.put("idNumber", "360403198503121234");
    v.put("destination", "湖南省长沙市岳麓区");
    v.put("startDate", start.toString());
    v.put("endDate", start.plusDays(days - 1).toString());
    v.put("days", days);
    v.put("reason", "探望住院的母亲");
    return v;
  }
}
