package cn.shequflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code incident-report} end to end over HTTP as the demo users, authorization on. */
public class IncidentRestTest extends RestTestSupport {

  public static final String START = "/engine-rest/process-definition/key/incident-report/start";

  public static Map<String, Object> report() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("category", "safety-hazard");
    v.put("severity", "coordination");
    v.put("title", "路灯损坏");
    v.put("description", "社区主干道两盏路灯不亮");
    v.put("location", "造纸社区主干道");
    return v;
  }

  private List<JsonNode> tasks(String user, String pid) {
    Response r = as(user).get("/engine-rest/task?processInstanceId=" + pid);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.json().forEach(list::add);
    return list;
  }

  @Test
  @DisplayName("IN-1, IN-2, IN-3: he.grid reports, zhang.director accepts; xu.grid (taiping) sees nothing; the register counts it")
  void reportAndAccept() {
    Response started = as("he.grid").post(START, RestClient.variables(report()));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    assertThat(tasks("xu.grid", pid)).isEmpty();
    assertThat(tasks("gao.director", pid)).isEmpty();
    List<JsonNode> accept = tasks("zhang.director", pid);
    assertThat(accept).hasSize(1);
    Response done = as("zhang.director").post("/engine-rest/task/" + accept.get(0).get("id").asText() + "/complete",
        RestClient.variables(Map.of("acceptNote", "已签收")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(tasks("zhang.director", pid).get(0).get("taskDefinitionKey").asText()).isEqualTo("handleIncident");

    Response list = as("feng.dept").get("/api/incidents?communityId=zaozhi&light=GREEN");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(list.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(list.json().get("counts").get("byCommunity").get("zaozhi").asLong()).isGreaterThanOrEqualTo(1);
    JsonNode item = list.json().get("items").get(0);
    assertThat(item.get("categoryLabel").asText()).as("the category named as the start form names it")
        .isEqualTo(item.at("/incident/category").asText().equals("fire") ? "火灾隐患" : "安全隐患");
    Response taiping = as("gao.director").get("/api/incidents");
    assertThat(taiping.status()).as(taiping.body()).isEqualTo(200);
    assertThat(taiping.json().get("counts").get("byCommunity").has("zaozhi")).isFalse();
    assertThat(as("xu.grid").get("/api/incidents").status()).isEqualTo(403);
  }

  @Test
  @DisplayName("Contract: an undeclared start variable is refused with 400 naming it; an unknown severity too")
  void badInput() {
    Map<String, Object> v = report();
    v.put("slaStatus", "GREEN");
    Response r = as("he.grid").post(START, RestClient.variables(v));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("slaStatus");
    Map<String, Object> w = report();
    w.put("severity", "urgent");
    Response s = as("he.grid").post(START, RestClient.variables(w));
    assertThat(s.status()).as(s.body()).isEqualTo(400);
    assertThat(s.body()).contains("severity");
  }

  @Test
  @DisplayName("IN-5: the shared filter 超期事件 lists feng.dept's overdue emergency task; a grid worker does not have it")
  void overdueFilter() {
    Map<String, Object> v = report();
    v.put("severity", "emergency");
    v.put("category", "fire");
    Response started = as("he.grid").post(START, RestClient.variables(v));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    String filterId = overdueFilterId("feng.dept");
    assertThat(filterId).isNotNull();
    assertThat(filterList("feng.dept", filterId)).doesNotContain(pid);
    try {
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(1).toMillis()));
      List<JsonNode> overdue = new ArrayList<>();
      Response r = as("feng.dept").post("/engine-rest/filter/" + filterId + "/list", Map.of());
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      r.json().forEach(t -> {
        if (t.get("processInstanceId").asText().equals(pid)) {
          overdue.add(t);
        }
      });
      assertThat(overdue).hasSize(1);
      assertThat(overdue.get(0).get("taskDefinitionKey").asText()).isEqualTo("emergencyStreet");
      assertThat(overdue.get(0).get("priority").asInt()).isEqualTo(50);
      assertThat(filterList("zhang.director", filterId)).contains(pid);
      assertThat(filterList("gao.director", filterId)).doesNotContain(pid);
    } finally {
      cn.shequflow.support.TestClock.reset();
    }
    assertThat(overdueFilterId("he.grid")).isNull();
  }

  private String overdueFilterId(String user) {
    Response filters = as(user).get("/engine-rest/filter?resourceType=Task");
    assertThat(filters.status()).as(filters.body()).isEqualTo(200);
    for (JsonNode f : filters.json()) {
      if (f.get("name").asText().equals("超期事件")) {
        return f.get("id").asText();
      }
    }
    return null;
  }

  private List<String> filterList(String user, String filterId) {
    Response r = as(user).post("/engine-rest/filter/" + filterId + "/list", Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> instances = new ArrayList<>();
    r.json().forEach(t -> instances.add(t.get("processInstanceId").asText()));
    return instances;
  }
}
