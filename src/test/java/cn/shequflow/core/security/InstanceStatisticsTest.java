package cn.shequflow.core.security;

import cn.shequflow.support.WebappSession;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Counts over every community's instances (statistics, metrics, Cockpit's plugin API) are for the
 * street leaders with Cockpit access and the administrators, not for a community's staff.
 */
class InstanceStatisticsTest extends RestTestSupport {

  String definitionId;

  @BeforeEach
  void twoCommunitiesApply() {
    for (String applicant : List.of("chen.staff", "ma.staff")) {
      LocalDate start = cn.shequflow.core.process.Clock.today().plusDays(10);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("leaveType", "personal");
      v.put("startDate", start.toString());
      v.put("endDate", start.toString());
      v.put("days", 1);
      v.put("reason", "家中有事");
      Response r = RestClient.as(port, applicant).post("/engine-rest/process-definition/key/leave-request/start",
          RestClient.variables(v));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      definitionId = r.json().get("definitionId").asText();
    }
  }

  private List<String> statistics() {
    return List.of(
        "/engine-rest/process-definition/statistics",
        "/engine-rest/process-definition/statistics?incidents=true",
        "/engine-rest/process-definition/" + definitionId + "/statistics",
        "/engine-rest/process-definition/key/leave-request/statistics",
        "/engine-rest/history/process-definition/" + definitionId + "/statistics");
  }

  @Test
  @DisplayName("Community staff and directors: 403 on every statistics resource, and instance counts are 0")
  void communityStaffRefused() {
    for (String user : List.of("liu.staff", "gao.director", "zhang.director")) {
      for (String path : statistics()) {
        Response r = RestClient.as(port, user).get(path);
        assertThat(r.status()).as("%s %s: %s", user, path, r.body()).isEqualTo(403);
        assertThat(r.json().get("message").asText()).contains("仅对街道领导和管理员开放");
      }
      // Engine-wide metrics count every community's work too (the test profile records none).
      Response metrics = RestClient.as(port, user).get("/engine-rest/metrics/activity-instance-start/sum");
      assertThat(metrics.status()).as(metrics.body()).isEqualTo(403);
      assertThat(RestClient.as(port, user).get("/engine-rest/process-instance/count").json().get("count").asLong())
          .as(user).isZero();
      assertThat(RestClient.as(port, user).get("/engine-rest/history/process-instance/count").json().get("count").asLong())
          .as(user).isZero();
    }
  }

  @Test
  @DisplayName("In the webapps too: Tasklist's engine API and Cockpit's plugin API refuse community staff")
  void communityStaffRefusedInWebapps() {
    WebappSession liu = WebappSession.login(port, "liu.staff", "tasklist");
    assertThat(liu.get("/camunda/api/engine/engine/default/process-definition/statistics").status()).isEqualTo(403);
    for (String path : List.of(
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
        "/camunda/api/cockpit/plugin/base/default/process-instance/count?processDefinitionId=" + definitionId,
        "/camunda/api/cockpit/plugin/base/default/incident/count")) {
      Response r = liu.get(path);
      assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(403);
    }
  }

  @Test
  @DisplayName("Street leaders with Cockpit access and the administrator still see every count")
  void leadersAndAdminSeeThem() {
    for (String user : List.of("wang.principal", "li.leader", "admin")) {
      for (String path : statistics()) {
        Response r = RestClient.as(port, user).get(path);
        assertThat(r.status()).as("%s %s: %s", user, path, r.body()).isEqualTo(200);
      }
      JsonNode all = RestClient.as(port, user).get("/engine-rest/process-definition/statistics").json();
      assertThat(leave(all).get("instances").asInt()).as(user).isGreaterThanOrEqualTo(2);
      assertThat(RestClient.as(port, user).get("/engine-rest/process-instance/count").json().get("count").asLong())
          .as(user).isGreaterThanOrEqualTo(2);
    }
    WebappSession wang = WebappSession.login(port, "wang.principal", "cockpit");
    Response cockpit = wang.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics");
    assertThat(cockpit.status()).as(cockpit.body()).isEqualTo(200);
    assertThat(leave(cockpit.json()).get("instances").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(wang.get("/camunda/api/cockpit/plugin/base/default/process-instance/count?processDefinitionId="
        + definitionId).json().get("count").asInt()).isGreaterThanOrEqualTo(2);
  }

  /** The statistics row of leave-request (other processes, e.g. test ones, may be deployed too). */
  private static JsonNode leave(JsonNode rows) {
    for (JsonNode row : rows) {
      JsonNode definition = row.has("definition") ? row.get("definition") : row;
      if ("leave-request".equals(definition.path("key").asText()) || row.path("key").asText().equals("leave-request")) {
        return row;
      }
    }
    throw new AssertionError("no leave-request row in " + rows);
  }
}
