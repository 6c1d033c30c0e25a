package cn.shequflow.correction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Community correction end to end over HTTP, as the demo users with authorization on: the justice
 * office files, the county bureau approves, the principal leader may read the case, and no community
 * person (director, staff, grid worker, liaison leader) sees anything of it.
 */
class CorrectionRestTest extends RestTestSupport {

  static final String TRAVEL = "/engine-rest/process-definition/key/correction-travel/start";
  static final String RESIDENCE = "/engine-rest/process-definition/key/correction-residence-change/start";
  /** Community people, of the person's own community (zaozhi) and the other, and the street leader not named by CC. */
  static final List<String> OUTSIDERS = List.of("zhang.director", "liu.staff", "he.grid", "zhou.liaison",
      "gao.director", "xu.grid", "li.leader", "qian.social");

  static LocalDate today() {
    return cn.shequflow.core.process.Clock.today();
  }

  static Map<String, Object> travel(int days) {
    return cn.shequflow.support.StartForms.travel(today().plusDays(7), days);
  }


  /** A residence change applied for today, planned for {@code planned} (CC-3 asks one calendar month ahead). */
  static Map<String, Object> residence(LocalDate planned) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("personName", "李某");
    v.put("idNumber", "360402199001014568");
    v.put("currentAddress", "浔阳区湓城街道造纸社区滨江路 12 号");
    v.put("newAddress", "湖口县双钟镇石钟山大道 66 号");
    v.put("newCountySame", false);
    v.put("applicationDate", today().toString());
    v.put("plannedMoveDate", planned.toString());
    return v;
  }

  private List<JsonNode> tasks(String user, String instanceId) {
    Response r = as(user).get("/engine-rest/task?processInstanceId=" + instanceId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.json().forEach(list::add);
    return list;
  }

  private String onlyTask(String user, String instanceId) {
    List<JsonNode> t = tasks(user, instanceId);
    assertThat(t).as("tasks of %s for %s", instanceId, user).hasSize(1);
    return t.get(0).get("id").asText();
  }

  private void complete(String user, String taskId, Map<String, ?> variables) {
    Response r = as(user).post("/engine-rest/task/" + taskId + "/complete", RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  private JsonNode file(String path, Map<String, Object> v) {
    Response r = as("wei.justice").post(path, RestClient.variables(v));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private void assertNothingFor(String user, String instanceId, String key) {
    assertThat(tasks(user, instanceId)).as(user).isEmpty();
    assertThat(as(user).get("/api/cases/" + key).status()).as(user).isEqualTo(404);
    assertThat(as(user).get("/api/cases/" + key + "/timeline").status()).as(user).isEqualTo(404);
    assertThat(as(user).get("/api/notifications").body()).as(user).doesNotContain(key).doesNotContain("王某");
  }

  @Test
  @DisplayName("CC-1, CC-2: wei.justice files 10 days and verifies the proofs, jiang.county approves; wang.principal reads "
      + "the case; community staff and grid workers see nothing")
  void travelWholeWay() {
    JsonNode pi = file(TRAVEL, travel(10));
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    assertThat(key).matches("CT-\\d{4}-\\d{6}");
    for (String user : OUTSIDERS) {
      assertNothingFor(user, id, key);
      // Nor through the engine's API or Cockpit: instances, their variables and their history.
      assertThat(as(user).get("/engine-rest/process-instance?processDefinitionKey=correction-travel").json()).as(user)
          .isEmpty();
      assertThat(as(user).get("/engine-rest/process-instance/" + id + "/variables").status()).as(user).isIn(403, 404);
      assertThat(as(user).get("/engine-rest/history/process-instance?processInstanceId=" + id).json()).as(user)
          .isEmpty();
      assertThat(as(user).get("/engine-rest/history/variable-instance?processInstanceId=" + id).json()).as(user)
          .isEmpty();
    }
    assertThat(as("wang.principal").get("/engine-rest/history/variable-instance?processInstanceId=" + id).body())
        .as("the principal leader may read the case in Cockpit").contains("王某");
    assertThat(as("li.leader").get("/engine-rest/process-instance?processDefinitionKey=leave-request").status())
        .as("the leader in charge still watches the families he oversees").isEqualTo(200);

    String verify = onlyTask("wei.justice", id);
    Response forged = as("wei.justice").post("/engine-rest/task/" + verify + "/complete",
        RestClient.variables(Map.of("committeeCertificate", true, "employerCertificate", true, "days", 3)));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.json().get("field").asText()).isEqualTo("days");
    complete("wei.justice", verify, Map.of("committeeCertificate", true, "employerCertificate", true));
    String opinion = onlyTask("wei.justice", id);
    assertThat(tasks("jiang.county", id)).isEmpty();
    complete("wei.justice", opinion, Map.of("approved", true, "comment", "表现良好，同意外出，报县司法局审批"));
    String county = onlyTask("jiang.county", id);
    assertThat(as("wei.justice").post("/engine-rest/task/" + county + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意"))).status()).isEqualTo(403);
    complete("jiang.county", county, Map.of("approved", true, "comment", "同意"));

    JsonNode view = as("wang.principal").get("/api/cases/" + key).json();
    assertThat(view.get("status").asText()).isEqualTo("approved");
    assertThat(view.get("statusLabel").asText()).isEqualTo("已批准，待返回报到");
    assertThat(view.get("communityId").isNull()).isTrue();
    assertThat(as("jiang.county").get("/api/cases/" + key + "/timeline").json()).extracting(e -> e.get("action").asText())
        .contains("submitted", "proofs-verified", "approve", "approved");
    assertThat(as("wei.justice").get("/api/notifications").body()).contains(key);
    assertThat(tasks("wei.justice", id)).singleElement()
        .satisfies(t -> assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("reportReturn"));
    for (String user : OUTSIDERS) {
      assertNothingFor(user, id, key);
    }
  }

  @Test
  @DisplayName("CC-1: 31 days, an undeclared variable and a bad ID number are 400 naming the field; only the justice office may file")
  void badInputAndStarters() {
    Response tooLong = as("wei.justice").post(TRAVEL, RestClient.variables(travel(31)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("field").asText()).isEqualTo("days");
    assertThat(tooLong.json().get("message").asText()).contains("30");

    Map<String, Object> undeclared = travel(3);
    undeclared.put("approverRole", "JUSTICE_OFFICE");
    Response refused = as("wei.justice").post(TRAVEL, RestClient.variables(undeclared));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("field").asText()).isEqualTo("approverRole");

    Map<String, Object> badId = travel(3);
    badId.put("idNumber", "360403198503121235");
    Response checkDigit = as("wei.justice").post(TRAVEL, RestClient.variables(badId));
    assertThat(checkDigit.status()).isEqualTo(400);
    assertThat(checkDigit.json().get("field").asText()).isEqualTo("idNumber");
    assertThat(checkDigit.json().get("message").asText()).contains("校验位");

    for (String user : List.of("liu.staff", "zhang.director", "he.grid", "jiang.county")) {
      assertThat(as(user).post(TRAVEL, RestClient.variables(travel(3))).status()).as(user).isEqualTo(403);
      assertThat(as(user).post(RESIDENCE, RestClient.variables(residence(today().plusMonths(2)))).status()).as(user).isEqualTo(403);
    }
  }

  @Test
  @DisplayName("CC-3: a move a day short of one calendar month after the application is 400 naming plannedMoveDate; "
      + "a month and a day goes to the justice office, "
      + "then the receiving county's opinion; community staff see nothing")
  void residenceChange() {
    Response early = as("wei.justice").post(RESIDENCE, RestClient.variables(residence(today().plusMonths(1).minusDays(1))));
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.json().get("field").asText()).isEqualTo("plannedMoveDate");

    JsonNode pi = file(RESIDENCE, residence(today().plusMonths(1).plusDays(1)));
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    assertThat(key).matches("CR-\\d{4}-\\d{6}");
    complete("wei.justice", onlyTask("wei.justice", id), Map.of("approved", true, "comment", "同意变更"));
    String opinion = onlyTask("jiang.county", id);
    Response forged = as("jiang.county").post("/engine-rest/task/" + opinion + "/complete", RestClient.variables(Map.of(
        "receivingCounty", "湖口县司法局", "receivingOpinion", "agree", "consultedOn", today().toString(),
        "newCountySame", true)));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.json().get("field").asText()).isEqualTo("newCountySame");
    complete("jiang.county", opinion, Map.of("receivingCounty", "湖口县司法局", "receivingOpinion", "agree",
        "consultedOn", today().toString()));
    complete("jiang.county", onlyTask("jiang.county", id), Map.of("approved", true, "comment", "准予变更"));
    assertThat(tasks("jiang.county", id)).extracting(t -> t.get("taskDefinitionKey").asText())
        .containsExactlyInAnyOrder("handOverFile", "confirmReportIn");
    assertThat(as("wang.principal").get("/api/cases/" + key).json().get("statusLabel").asText())
        .isEqualTo("已批准，待移交档案和报到");
    for (String user : OUTSIDERS) {
      assertThat(tasks(user, id)).as(user).isEmpty();
      assertThat(as(user).get("/api/cases/" + key).status()).as(user).isEqualTo(404);
    }
  }
}
