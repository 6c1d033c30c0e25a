package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a street leader's Cockpit counts the open work of the families he supervises, and its
 * 人工任务 page answers without a permission error; community correction stays with the justice
 * office, the county bureau and the principal leader (not the leader in charge, li.leader).
 */
class CockpitSupervisorTest extends RestTestSupport {

  private static final String API = "/camunda/api/engine/engine/default";

  String leaveInstance;
  String correctionInstance;

  @BeforeEach
  void leaveAndCorrectionAreOpen() {
    leaveInstance = start("chen.staff", leave(2)).get("id").asText();
    LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("personName", "王某");
    v.put("idNumber", "360403198503121234");
    v.put("destination", "湖南省长沙市岳麓区");
    v.put("startDate", start.toString());
    v.put("endDate", start.plusDays(2).toString());
    v.put("days", 3);
    v.put("reason", "探望住院的母亲");
    Response r = as("wei.justice").post("/engine-rest/process-definition/key/correction-travel/start",
        RestClient.variables(v));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    correctionInstance = r.json().get("id").asText();
  }

  private static List<String> taskInstances(Response tasks) {
    List<String> ids = new ArrayList<>();
    tasks.json().forEach(t -> ids.add(t.get("processInstanceId").asText()));
    return ids;
  }

  private static int total(Response report) {
    int sum = 0;
    for (JsonNode row : report.json()) {
      sum += row.get("taskCount").asInt();
    }
    return sum;
  }

  @Test
  @DisplayName("issue 10: the leader in charge's dashboard counts the open leave tasks, not correction's, without errors")
  void leaderInChargeCountsHisFamilies() {
    WebappSession li = WebappSession.login(port, "li.leader", "cockpit");

    Response count = li.get(API + "/task/count?unfinished=true&unassigned=true&withCandidateGroups=true");
    assertThat(count.status()).as(count.body()).isEqualTo(200);
    assertThat(count.json().get("count").asInt()).as("open leave approval counted").isGreaterThanOrEqualTo(1);

    Response tasks = li.get(API + "/task?maxResults=1000");
    assertThat(taskInstances(tasks)).contains(leaveInstance).doesNotContain(correctionInstance);
    Response correction = li.get(API + "/task/count?processInstanceId=" + correctionInstance);
    assertThat(correction.json().get("count").asInt()).as("correction tasks stay hidden").isZero();

    Response report = li.get(API + "/task/report/candidate-group-count");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.body()).doesNotContain("justice");
    assertThat(total(report)).isGreaterThanOrEqualTo(1);

    Response deployments = li.get(API + "/deployment/count");
    assertThat(deployments.json().get("count").asInt()).isPositive();
  }

  @Test
  @DisplayName("issue 10: the principal leader also counts community correction's open tasks")
  void principalLeaderCountsCorrection() {
    WebappSession wang = WebappSession.login(port, "wang.principal", "cockpit");
    assertThat(taskInstances(wang.get(API + "/task?maxResults=1000"))).contains(leaveInstance, correctionInstance);
    Response report = wang.get(API + "/task/report/candidate-group-count");
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(total(report)).isGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName("issue 10: reading a task does not let a leader act on it")
  void readOnly() {
    String taskId = as("li.leader").get("/engine-rest/task?processInstanceId=" + leaveInstance).json().get(0).get("id").asText();
    Response claim = as("li.leader").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "li.leader"));
    assertThat(claim.status()).as(claim.body()).isIn(403, 404);
  }

  @Test
  @DisplayName("issue 10: staff without Cockpit get Camunda's refusal of the group report, anonymous callers too")
  void othersAreRefused() {
    Response anonymous = RestClient.anonymous(port).get(API + "/task/report/candidate-group-count");
    assertThat(anonymous.status()).isIn(401, 403);
    WebappSession staff = WebappSession.login(port, "ma.staff", "tasklist");
    Response report = staff.get(API + "/task/report/candidate-group-count");
    // A member of staff sees at most his own community's group counts, never chen.staff's leave.
    if (report.status() == 200) {
      assertThat(total(report)).isZero();
    }
  }
}
