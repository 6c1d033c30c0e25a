package cn.shequflow.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.StartForms;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, the 业务统计 dashboard's figures over HTTP as the demo users: the figures move by what the
 * test files, each viewer counts only the cases he may see (ORG-5), and bad filters are 400 naming
 * the field. Figures are compared before and after (other tests share the database).
 */
class StatisticsRestTest extends RestTestSupport {

  static final String LEAVE = "/engine-rest/process-definition/key/leave-request/start";
  static final String EXPENSE = "/engine-rest/process-definition/key/expense-approval/start";
  static final String INCIDENT = "/engine-rest/process-definition/key/incident-report/start";

  /** This month and the next: leave a week ahead may start in the next month. */
  private static String period() {
    YearMonth now = YearMonth.from(Clock.today());
    return "from=" + now + "&to=" + now.plusMonths(1);
  }

  private JsonNode summary(String user, String query) {
    Response r = as(user).get("/api/statistics/summary?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode family(JsonNode summary, String key) {
    for (JsonNode f : summary.get("families")) {
      if (f.get("family").asText().equals(key)) {
        return f;
      }
    }
    return null;
  }

  private static Set<String> families(JsonNode summary) {
    Set<String> keys = new TreeSet<>();
    summary.get("families").forEach(f -> keys.add(f.get("family").asText()));
    return keys;
  }

  private static long total(JsonNode summary, String family, String figure) {
    JsonNode f = family(summary, family);
    return f == null ? 0 : f.get("total").path(figure).asLong();
  }

  private static BigDecimal leaveDays(JsonNode summary, String person, String type) {
    BigDecimal days = BigDecimal.ZERO;
    for (JsonNode line : summary.get("leave").get("byPerson")) {
      if (line.get("person").asText().equals(person) && line.get("type").asText().equals(type)) {
        days = days.add(new BigDecimal(line.get("days").asText()));
      }
    }
    return days;
  }

  private static long category(JsonNode summary, String code) {
    for (JsonNode c : summary.get("incidents").get("byCategory")) {
      if (c.get("code").asText().equals(code)) {
        return c.get("count").asLong();
      }
    }
    return 0;
  }

  private JsonNode startAs(String user, String path, Map<String, Object> variables) {
    Response r = as(user).post(path, RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private void completeOnly(String user, String instanceId, Map<String, ?> variables) {
    String task = onlyTaskId(user, instanceId);
    Response r = as(user).post("/engine-rest/task/" + task + "/complete", RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  private static Map<String, Object> leaveOn(int daysAhead) {
    return StartForms.leave(Clock.today().plusDays(daysAhead), 1, "家中有事");
  }

  private static Map<String, Object> incident(String location) {
    return StartForms.incident(location, "小区门口井盖破损");
  }

  private static Map<String, Object> expense(int amount) {
    return StartForms.expense(amount, "统计测试办公用品（" + System.nanoTime() + "）", "刘洋" + System.nanoTime() % 100000);
  }

  @Test
  @DisplayName("Issue 20: a leader's figures move by what was filed, decided, approved and refused; leave days by person and type; expenses within the director's authority; incidents signed within the limit")
  void figuresMatchWhatWasFiled() {
    JsonNode before = summary("li.leader", period() + "&community=zaozhi");
    JsonNode taipingBefore = summary("gao.director", period());

    // Leave (LV-2): liu.staff's one-day leave approved by zhang.director, another refused.
    JsonNode approved = startAs("liu.staff", LEAVE, leaveOn(7));
    completeOnly("zhang.director", approved.get("id").asText(), Map.of("approved", true, "comment", "同意"));
    JsonNode refused = startAs("liu.staff", LEAVE, leaveOn(9));
    completeOnly("zhang.director", refused.get("id").asText(), Map.of("approved", false, "comment", "近期工作忙"));
    // Expense (EX-1): 300 yuan, within the director's authority, approved.
    JsonNode spent = startAs("chen.staff", EXPENSE, expense(300));
    completeOnly("zhang.director", spent.get("id").asText(), Map.of("approved", true, "comment", "同意"));
    // Incidents (IN-3): one in zaozhi signed for at once, one in taiping.
    JsonNode zaozhi = startAs("he.grid", INCIDENT, incident("造纸社区东门"));
    completeOnly("zhang.director", zaozhi.get("id").asText(), Map.of("acceptNote", "已签收"));
    startAs("xu.grid", INCIDENT, incident("太平社区北门"));

    JsonNode after = summary("li.leader", period() + "&community=zaozhi");
    assertThat(after.get("community").asText()).isEqualTo("zaozhi");
    assertThat(total(after, "leave", "filed") - total(before, "leave", "filed")).isEqualTo(2);
    assertThat(total(after, "leave", "decided") - total(before, "leave", "decided")).isEqualTo(2);
    assertThat(total(after, "leave", "approved") - total(before, "leave", "approved")).isEqualTo(1);
    assertThat(total(after, "leave", "refused") - total(before, "leave", "refused")).isEqualTo(1);
    assertThat(family(after, "leave").get("approval").asBoolean()).isTrue();
    assertThat(family(after, "leave").get("total").has("averageDecisionHours")).isTrue();
    assertThat(family(after, "leave").get("total").get("averageDecisionWorkingDays").asDouble())
        .as("working days from filing to decision, on the working calendar").isGreaterThanOrEqualTo(0);
    assertThat(leaveDays(after, "liu.staff", "personal").subtract(leaveDays(before, "liu.staff", "personal")))
        .isEqualByComparingTo("1");

    JsonNode within = after.get("expenses").get("withinAuthority");
    JsonNode withinBefore = before.get("expenses").get("withinAuthority");
    assertThat(within.get("approved").asLong() - withinBefore.get("approved").asLong()).isEqualTo(1);
    assertThat(new BigDecimal(within.get("approvedTotal").asText())
        .subtract(new BigDecimal(withinBefore.get("approvedTotal").asText()))).isEqualByComparingTo("300.00");

    assertThat(total(after, "incident-report", "filed") - total(before, "incident-report", "filed")).isEqualTo(1);
    assertThat(family(after, "incident-report").get("approval").asBoolean()).isFalse();
    assertThat(family(after, "incident-report").get("total").has("approved")).as("no decisions for incidents").isFalse();
    assertThat(category(after, "safety-hazard") - category(before, "safety-hazard")).isEqualTo(1);
    JsonNode signed = after.get("incidents").get("signedInTime");
    JsonNode signedBefore = before.get("incidents").get("signedInTime");
    assertThat(signed.get("withinLimit").asLong() - signedBefore.get("withinLimit").asLong()).isEqualTo(1);

    // The month cell of this month carries the filings.
    String month = YearMonth.from(Clock.today()).toString();
    long leaveThisMonth = 0;
    for (JsonNode cell : family(after, "leave").get("cells")) {
      if (cell.get("month").asText().equals(month)) {
        assertThat(cell.get("community").asText()).isEqualTo("zaozhi");
        assertThat(cell.get("communityName").asText()).isEqualTo("造纸社区");
        leaveThisMonth += cell.get("filed").asLong();
      }
    }
    assertThat(leaveThisMonth).isGreaterThanOrEqualTo(2);

    // ORG-5: taiping's director counts taiping's incident only.
    JsonNode taiping = summary("gao.director", period());
    assertThat(total(taiping, "incident-report", "filed") - total(taipingBefore, "incident-report", "filed"))
        .isEqualTo(1);
    assertThat(total(taiping, "leave", "filed")).isEqualTo(total(taipingBefore, "leave", "filed"));
  }

  @Test
  @DisplayName("ORG-5: each viewer sees only his families and communities; correction figures only for those who see correction (CC)")
  void visibility() {
    JsonNode leader = summary("li.leader", period());
    assertThat(families(leader)).contains("leave", "expense", "incident-report", "resident-move")
        .doesNotContain("correction-travel", "correction-residence-change");
    assertThat(leader.get("communities").findValuesAsText("id")).containsExactlyInAnyOrder("zaozhi", "taiping");

    JsonNode principal = summary("wang.principal", period());
    assertThat(families(principal)).contains("correction-travel", "correction-residence-change", "leave");

    JsonNode justice = summary("wei.justice", period());
    assertThat(families(justice)).containsExactlyInAnyOrder("correction-travel", "correction-residence-change");
    assertThat(justice.has("leave")).isFalse();
    assertThat(justice.has("incidents")).isFalse();

    JsonNode staff = summary("liu.staff", period());
    assertThat(families(staff)).containsExactlyInAnyOrder("incident-report", "resident-move");
    assertThat(staff.has("leave")).as("a staff member sees no leave figures").isFalse();
    assertThat(staff.has("expenses")).isFalse();
    assertThat(staff.get("communities").findValuesAsText("id")).containsExactly("zaozhi");
    for (JsonNode f : staff.get("families")) {
      for (JsonNode cell : f.get("cells")) {
        assertThat(cell.get("community").asText()).as(f.get("family").asText()).isEqualTo("zaozhi");
      }
    }

    JsonNode director = summary("gao.director", period());
    assertThat(director.get("communities").findValuesAsText("id")).containsExactly("taiping");
    Response other = as("gao.director").get("/api/statistics/summary?community=zaozhi");
    assertThat(other.status()).as(other.body()).isEqualTo(403);
    assertThat(as("gao.director").get("/api/statistics/overdue?community=zaozhi").status()).isEqualTo(403);
    assertThat(RestClient.anonymous(port).get("/api/statistics/summary").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("Bad filters are 400 naming the field: from, to, community")
  void badFilters() {
    assertField(as("li.leader").get("/api/statistics/summary?from=2026-13"), "from");
    assertField(as("li.leader").get("/api/statistics/summary?from=26-01"), "from");
    assertField(as("li.leader").get("/api/statistics/summary?to=abc"), "to");
    assertField(as("li.leader").get("/api/statistics/summary?from=2026-09&to=2026-08"), "to");
    assertField(as("li.leader").get("/api/statistics/summary?from=2010-01&to=2026-08"), "from");
    assertField(as("li.leader").get("/api/statistics/summary?community=nowhere"), "community");
    assertField(as("li.leader").get("/api/statistics/overdue?community=nowhere"), "community");
  }

  @Test
  @DisplayName("IN-3, IN-6: an incident not signed for within its limit is on the overdue list with its step, due time and the link to its 审批单; not for another community")
  void overdueList() {
    JsonNode started = startAs("he.grid", INCIDENT, incident("造纸社区南门"));
    String key = started.get("businessKey").asText();
    assertThat(keys(as("li.leader").get("/api/statistics/overdue?community=zaozhi").json())).doesNotContain(key);
    try {
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(15).toMillis()));
      Response r = as("li.leader").get("/api/statistics/overdue?community=zaozhi");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      JsonNode item = null;
      for (JsonNode i : r.json().get("items")) {
        if (i.get("businessKey").asText().equals(key)) {
          item = i;
        }
      }
      assertThat(item).as("overdue list of li.leader: " + r.body()).isNotNull();
      assertThat(item.get("familyLabel").asText()).isEqualTo("事件上报");
      assertThat(item.get("communityName").asText()).isEqualTo("造纸社区");
      assertThat(item.get("step").asText()).isNotBlank();
      assertThat(item.get("dueAt").asText()).isNotBlank();
      assertThat(item.get("sheet").asText()).isEqualTo("/api/cases/" + key + "/sheet");
      assertThat(as("li.leader").get(item.get("sheet").asText()).status()).isEqualTo(200);
      JsonNode figures = summary("li.leader", period() + "&community=zaozhi");
      long incidentItems = 0;
      for (JsonNode i : r.json().get("items")) {
        incidentItems += i.get("family").asText().equals("incident-report") ? 1 : 0;
      }
      assertThat(family(figures, "incident-report").get("overdue").asLong()).isEqualTo(incidentItems);
      assertThat(figures.get("overdue").asLong()).isEqualTo(r.json().get("total").asLong());
      assertThat(keys(as("gao.director").get("/api/statistics/overdue").json())).doesNotContain(key);
      assertThat(keys(as("zhang.director").get("/api/statistics/overdue").json())).contains(key);
    } finally {
      TestClock.reset();
    }
  }

  private static List<String> keys(JsonNode overdue) {
    List<String> keys = new ArrayList<>();
    overdue.get("items").forEach(i -> keys.add(i.get("businessKey").asText()));
    return keys;
  }
}
