package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a street leader's Cockpit dashboard and 人工任务 page answer without a permission error
 * and count the open work of the families he supervises (from their history, which he may read);
 * the tasks themselves stay visible to their candidates only (ORG-5), and community correction
 * stays out of the leader in charge's counts.
 */
class CockpitSupervisorTest extends RestTestSupport {

  private static final String API = "/camunda/api/engine/engine/default";
  private static final String REPORT = API + "/task/report/candidate-group-count";

  String leaveInstance;
  String correctionInstance;

  @BeforeEach
  void leaveAndCorrectionAreOpen() {
    // Three days of a member of staff: the principal leader approves (LV-3).
    leaveInstance = start("chen.staff", leave(3)).get("id").asText();
    LocalDate start = cn.shequflow.core.process.Clock.today().plusDays(7);
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
  @DisplayName("issue 10: the principal leader's dashboard counts his open approval; the group chart counts his families' open tasks, by Chinese names")
  void principalLeaderCountsHisWork() {
    WebappSession wang = WebappSession.login(port, "wang.principal", "cockpit");

    Response count = wang.get(API + "/task/count?unfinished=true&unassigned=true&withCandidateGroups=true");
    assertThat(count.status()).as(count.body()).isEqualTo(200);
    assertThat(count.json().get("count").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(taskInstances(wang.get(API + "/task?maxResults=1000")))
        .contains(leaveInstance).doesNotContain(correctionInstance);

    Response report = wang.get(REPORT);
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.body()).as("groups by their Chinese names").contains("湓城街道主要领导", "湓城街道司法所")
        .doesNotContainPattern("\"groupName\":\"[a-z]");
    assertThat(total(report)).isGreaterThanOrEqualTo(2);

    Response deployments = wang.get(API + "/deployment/count");
    assertThat(deployments.json().get("count").asInt()).as("部署 on the dashboard").isPositive();
  }

  @Test
  @DisplayName("issue 10: the leader in charge's group chart counts the leave approval, not correction; its tasks stay with their candidates (ORG-5)")
  void leaderInChargeCountsHisFamilies() {
    WebappSession li = WebappSession.login(port, "li.leader", "cockpit");
    Response report = li.get(REPORT);
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    assertThat(report.body()).contains("湓城街道主要领导").doesNotContain("司法所");
    assertThat(total(report)).isGreaterThanOrEqualTo(1);
    assertThat(taskInstances(li.get(API + "/task?maxResults=1000")))
        .doesNotContain(leaveInstance, correctionInstance);
    assertThat(li.get(API + "/deployment/count").json().get("count").asInt()).isPositive();
  }

  @Test
  @DisplayName("issue 10: a community's staff count nothing of another community, an administrator gets Camunda's own report")
  void othersGetTheirOwn() {
    Response staff = WebappSession.login(port, "ma.staff", "tasklist").get(REPORT);
    assertThat(staff.status()).as(staff.body()).isEqualTo(200);
    assertThat(staff.body()).doesNotContain("主要领导", "司法所", "造纸");

    Response admin = WebappSession.login(port, "admin", "cockpit").get(REPORT);
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    assertThat(admin.body()).as("Camunda's report: group ids").contains("\"groupName\":\"pencheng-");

    Response anonymous = RestClient.anonymous(port).get(REPORT);
    assertThat(anonymous.status()).isIn(401, 403);
  }
}
