package cn.shequflow.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.WebappSession;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The findings of the attack on the leave process (issue "Approval platform"), each replayed over
 * the REST API as the demo users with authorization on: every one must now be refused, with
 * nothing written.
 */
class CaseTamperingRestTest extends RestTestSupport {

  private JsonNode onlyTask(String user, String instanceId) {
    Response r = as(user).get("/engine-rest/task?processInstanceId=" + instanceId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).as("tasks of %s for %s", instanceId, user).hasSize(1);
    return r.json().get(0);
  }

  private Response complete(String user, String taskId, Map<String, ?> variables) {
    return as(user).post("/engine-rest/task/" + taskId + "/complete", RestClient.variables(variables));
  }

  private static void refusedNaming(Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo(field);
    assertThat(r.body()).doesNotContainIgnoringCase("sql").doesNotContain("Exception:").doesNotContain("\tat ");
  }

  private JsonNode caseOf(String user, String businessKey) {
    Response r = as(user).get("/api/cases/" + businessKey);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @ParameterizedTest(name = "approver completes with {0}")
  @ValueSource(strings = {"applicantId", "days", "nrOfInstances", "communityId", "approverRole", "approvalStepId"})
  @DisplayName("An approver cannot write the facts the process decides on: 400 naming the variable, task stays open")
  void approverCannotWriteFacts(String variable) {
    JsonNode pi = start("liu.staff", leave(1));
    String task = onlyTask("zhang.director", pi.get("id").asText()).get("id").asText();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("approved", true);
    v.put("comment", "同意");
    v.put(variable, variable.equals("days") ? 40 : variable.equals("nrOfInstances") ? 1 : "ma.staff");
    refusedNaming(complete("zhang.director", task, v), variable);
    assertThat(onlyTask("zhang.director", pi.get("id").asText()).get("id").asText()).isEqualTo(task);
    assertThat(caseOf("liu.staff", pi.get("businessKey").asText()).get("status").asText()).isEqualTo("pending");
  }

  @Test
  @DisplayName("Read-only fields Tasklist sends back change nothing; the decision is recorded as the approver's")
  void readOnlyFieldsChangeNothing() {
    JsonNode pi = start("chen.staff", leave(1));
    String id = pi.get("id").asText();
    String task = onlyTask("zhang.director", id).get("id").asText();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("approved", true);
    v.put("comment", "同意");
    v.put("applicantName", "马超");
    v.put("daysLabel", "0.5");
    v.put("requestNo", "LV-2026-999999");
    Response r = complete("zhang.director", task, v);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    JsonNode reportBack = onlyTask("chen.staff", id);
    assertThat(reportBack.get("assignee").asText()).isEqualTo("chen.staff");
    Response vars = as("chen.staff").get("/engine-rest/task/" + reportBack.get("id").asText() + "/form-variables");
    assertThat(vars.json().get("applicantName").get("value").asText()).isEqualTo("陈静");
    JsonNode timeline = as("chen.staff").get("/api/cases/" + pi.get("businessKey").asText() + "/timeline").json();
    List<String> actions = new ArrayList<>();
    timeline.forEach(e -> actions.add(e.get("action").asText() + ":" + e.get("userId").asText()));
    assertThat(actions).containsSubsequence("submitted:chen.staff", "approve:zhang.director", "approved:zhang.director");
  }

  @ParameterizedTest(name = "applicant resubmits with {0}")
  @ValueSource(strings = {"communityId", "applicantRole", "reportBackDueDate", "approvers", "lastApproverGroup"})
  @DisplayName("An applicant cannot re-route a resubmission: 400 naming the variable, the revise task stays open")
  void applicantCannotReroute(String variable) {
    JsonNode pi = start("liu.staff", leave(1));
    String id = pi.get("id").asText();
    Response reject = complete("zhang.director", onlyTask("zhang.director", id).get("id").asText(),
        Map.of("approved", false, "comment", "请改期"));
    assertThat(reject.status()).as(reject.body()).isEqualTo(204);
    String revise = onlyTask("liu.staff", id).get("id").asText();
    Map<String, Object> v = leave(1);
    v.put("resubmit", true);
    v.put(variable, variable.equals("communityId") ? "taiping" : variable.equals("reportBackDueDate") ? "2099-12-31" : "nobody");
    refusedNaming(complete("liu.staff", revise, v), variable);
    assertThat(onlyTask("liu.staff", id).get("taskDefinitionKey").asText()).isEqualTo("reviseLeave");
  }

  @Test
  @DisplayName("No direct variable writes or deletes by a task holder, on task, execution and process-instance routes")
  void noDirectVariableWrites() {
    JsonNode pi = start("liu.staff", leave(1));
    String id = pi.get("id").asText();
    String task = onlyTask("zhang.director", id).get("id").asText();
    Map<String, Object> value = Map.of("value", "taiping");
    List<Response> attempts = List.of(
        as("zhang.director").put("/engine-rest/task/" + task + "/variables/communityId", value),
        as("zhang.director").post("/engine-rest/task/" + task + "/variables", Map.of("modifications", Map.of("x", value))),
        as("zhang.director").delete("/engine-rest/task/" + task + "/variables/applicantName"),
        as("zhang.director").put("/engine-rest/task/" + task + "/localVariables/approved", Map.of("value", true)),
        as("zhang.director").post("/engine-rest/task/" + task + "/localVariables", Map.of("modifications", Map.of("x", value))),
        as("zhang.director").delete("/engine-rest/task/" + task + "/localVariables/approved"),
        as("liu.staff").put("/engine-rest/process-instance/" + id + "/variables/communityId", value),
        as("liu.staff").post("/engine-rest/process-instance/" + id + "/variables", Map.of("modifications", Map.of("x", value))),
        as("liu.staff").put("/engine-rest/execution/" + id + "/localVariables/x", value));
    for (Response r : attempts) {
      assertThat(r.status()).as(r.body()).isIn(403, 404);
    }
    Response vars = as("admin").get("/engine-rest/process-instance/" + id + "/variables");
    assertThat(vars.json().has("x")).isFalse();
    assertThat(vars.json().get("applicantName").get("value").asText()).isEqualTo("刘洋");
  }

  @Test
  @DisplayName("Start is the front door: no start instructions or skipped listeners, no filing in a colleague's name")
  void startOnlyAtTheFrontDoor() {
    String count = "/engine-rest/process-instance/count?processDefinitionKey=leave-request";
    long before = as("admin").get(count).json().get("count").asLong();
    Map<String, Object> body = new LinkedHashMap<>(RestClient.variables(leave(1)));
    body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "approveLeaveRequest")));
    body.put("skipCustomListeners", true);
    assertThat(as("liu.staff").post("/engine-rest/process-definition/key/leave-request/start", body).status()).isEqualTo(403);
    Map<String, Object> named = leave(1);
    named.put("applicantId", "chen.staff");
    refusedNaming(as("liu.staff").post("/engine-rest/process-definition/key/leave-request/start",
        RestClient.variables(named)), "applicantId");
    Response submit = as("liu.staff").post("/engine-rest/process-definition/key/leave-request/submit-form",
        RestClient.variables(Map.of("leaveType", "personal", "x", 1)));
    refusedNaming(submit, "x");
    assertThat(as("admin").get(count).json().get("count").asLong()).isEqualTo(before);
  }

  @Test
  @DisplayName("Client business keys only in the product's format and unused; look-alikes refused")
  void clientBusinessKeys() {
    for (String key : List.of("LV-2026-000001 ", "<script>", "lv-2026-000001", "EX-2026-000123", "LV-2026-12")) {
      Map<String, Object> body = new LinkedHashMap<>(RestClient.variables(leave(1)));
      body.put("businessKey", key);
      refusedNaming(as("liu.staff").post("/engine-rest/process-definition/key/leave-request/start", body), "businessKey");
    }
  }

  @Test
  @DisplayName("Two concurrent starts with one business key: one case, the other refused with 400")
  void concurrentStartsOneKey() throws Exception {
    // the filing year on the shared clock (a key of another year is refused before the race)
    String key = "LV-" + cn.shequflow.core.process.Clock.today().getYear() + "-9" + String.format("%05d", (int) (Math.random() * 99999));
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Response>> starts = new ArrayList<>();
    for (String user : List.of("liu.staff", "chen.staff")) {
      starts.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        Map<String, Object> body = new LinkedHashMap<>(RestClient.variables(leave(1)));
        body.put("businessKey", key);
        return as(user).post("/engine-rest/process-definition/key/leave-request/start", body);
      }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Response> f : starts) {
      Response r = f.get();
      statuses.add(r.status());
      if (r.status() != 200) {
        refusedNaming(r, "businessKey");
      }
    }
    assertThat(statuses).containsExactlyInAnyOrder(200, 400);
    assertThat(as("admin").get("/engine-rest/process-instance/count?businessKey=" + key).json().get("count").asLong())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("Text limits as the database counts them, and no oversized or object variables: 400, never 500")
  void textAndTypeLimits() {
    Map<String, Object> emoji = leave(1);
    emoji.put("reason", "😀".repeat(300));
    refusedNaming(as("liu.staff").post("/engine-rest/process-definition/key/leave-request/start",
        RestClient.variables(emoji)), "reason");

    JsonNode pi = start("liu.staff", leave(1));
    String task = onlyTask("zhang.director", pi.get("id").asText()).get("id").asText();
    refusedNaming(complete("zhang.director", task, Map.of("approved", true, "comment", "长".repeat(4001))), "comment");
    Response longName = complete("zhang.director", task, Map.of("approved", true, "v".repeat(300), 1));
    assertThat(longName.status()).as(longName.body()).isEqualTo(400);
    Response javaObject = as("zhang.director").postJson("/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"rO0ABXQAA2FiYw==\",\"type\":\"Object\","
            + "\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":"
            + "\"application/x-java-serialized-object\"}}}}");
    assertThat(javaObject.status()).as(javaObject.body()).isEqualTo(400);
    Response json = as("zhang.director").postJson("/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"{}\",\"type\":\"Json\"}}}");
    assertThat(json.status()).as(json.body()).isBetween(400, 499);
    Map<String, Object> many = new LinkedHashMap<>(Map.of("approved", true, "comment", "同意"));
    for (int i = 0; i < 3000; i++) {
      many.put("extra" + i, i);
    }
    assertThat(complete("zhang.director", task, many).status()).isEqualTo(400);
    Map<String, Object> badDate = leave(1);
    badDate.put("startDate", badDate.get("startDate") + "X");
    refusedNaming(as("liu.staff").post("/engine-rest/process-definition/key/leave-request/start",
        RestClient.variables(badDate)), "startDate");
    assertThat(onlyTask("zhang.director", pi.get("id").asText()).get("id").asText()).isEqualTo(task);
  }

  @Test
  @DisplayName("Handing a task on: only to a person of the same role and unit; never across communities")
  void handOnOnlyToEligible() {
    JsonNode pi = start("ma.staff", leave(1));
    String id = pi.get("id").asText();
    String task = onlyTask("gao.director", id).get("id").asText();
    for (String path : List.of("/assignee", "/delegate", "/claim")) {
      Response r = as("gao.director").post("/engine-rest/task/" + task + path, Map.of("userId", "zhang.director"));
      assertThat(r.status()).as(path + " " + r.body()).isEqualTo(403);
    }
    assertThat(as("gao.director").post("/engine-rest/task/" + task + "/identity-links",
        Map.of("groupId", "zaozhi-director", "type", "candidate")).status()).isEqualTo(403);
    assertThat(as("gao.director").post("/engine-rest/task/" + task + "/identity-links/delete",
        Map.of("groupId", "taiping-director", "type", "candidate")).status()).isEqualTo(403);
    assertThat(as("gao.director").put("/engine-rest/task/" + task,
        Map.of("name", "x", "assignee", "zhang.director", "due", "2099-01-01T00:00:00.000+0800")).status()).isEqualTo(403);
    assertThat(as("zhang.director").get("/engine-rest/task?processInstanceId=" + id).json()).isEmpty();
    assertThat(as("ma.staff").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "ma.staff")).status())
        .as("the applicant is no candidate of his own approval").isIn(403, 404);

    Response claim = as("gao.director").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "gao.director"));
    assertThat(claim.status()).as(claim.body()).isEqualTo(204);
    Response unclaim = as("gao.director").post("/engine-rest/task/" + task + "/unclaim", Map.of());
    assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(204);
  }

  @Test
  @DisplayName("The applicant's own tasks are not handed to anyone else")
  void applicantTasksStayWithApplicant() {
    JsonNode pi = start("liu.staff", leave(1));
    String id = pi.get("id").asText();
    complete("zhang.director", onlyTask("zhang.director", id).get("id").asText(), Map.of("approved", true, "comment", ""));
    String reportBack = onlyTask("liu.staff", id).get("id").asText();
    assertThat(as("liu.staff").post("/engine-rest/task/" + reportBack + "/assignee", Map.of("userId", "chen.staff"))
        .status()).isEqualTo(403);
    assertThat(as("liu.staff").post("/engine-rest/task/" + reportBack + "/unclaim", Map.of()).status()).isEqualTo(403);
    assertThat(onlyTask("liu.staff", id).get("assignee").asText()).isEqualTo("liu.staff");
  }

  @Test
  @DisplayName("No moving a case by hand: modification, messages, signals and BPMN errors are refused")
  void noMovingByHand() {
    JsonNode pi = start("liu.staff", leave(1));
    String id = pi.get("id").asText();
    String task = onlyTask("zhang.director", id).get("id").asText();
    assertThat(as("zhang.director").post("/engine-rest/process-instance/" + id + "/modification",
        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "approveLeaveRequest"))))
        .status()).isEqualTo(403);
    assertThat(as("zhang.director").post("/engine-rest/message",
        Map.of("messageName", "anything", "processInstanceId", id)).status()).isIn(400, 403);
    assertThat(as("zhang.director").post("/engine-rest/signal", Map.of("name", "anything")).status()).isEqualTo(403);
    assertThat(as("zhang.director").post("/engine-rest/task/" + task + "/bpmnError",
        Map.of("errorCode", "x", "variables", Map.of("approved", Map.of("value", true)))).status()).isEqualTo(403);
    assertThat(onlyTask("zhang.director", id).get("id").asText()).isEqualTo(task);
  }

  @Test
  @DisplayName("Tasklist's own API enforces the same contracts: 400 naming the variable, never 500")
  void tasklistApiEnforcesContracts() {
    WebappSession liu = WebappSession.login(port, "liu.staff", "tasklist");
    Map<String, Object> v = leave(1);
    StringBuilder json = new StringBuilder("{\"variables\":{");
    v.forEach((k, val) -> json.append('"').append(k).append("\":{\"value\":")
        .append(val instanceof String ? "\"" + val + "\"" : val).append("},"));
    json.append("\"communityId\":{\"value\":\"taiping\"}}}");
    Response start = liu.post("/camunda/api/engine/engine/default/process-definition/key/leave-request/submit-form", json.toString());
    assertThat(start.status()).as(start.body()).isEqualTo(400);
    assertThat(start.body()).contains("communityId").doesNotContain("\tat ");

    JsonNode pi = start("liu.staff", leave(1));
    String task = onlyTask("zhang.director", pi.get("id").asText()).get("id").asText();
    WebappSession zhang = WebappSession.login(port, "zhang.director", "tasklist");
    Response submit = zhang.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"\"},\"days\":{\"value\":40}}}");
    assertThat(submit.status()).as(submit.body()).isEqualTo(400);
    assertThat(submit.body()).contains("days");
    Response ok = zhang.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"同意\"},"
            + "\"applicantName\":{\"value\":\"刘洋\"},\"requestNo\":{\"value\":\"x\"}}}");
    assertThat(ok.status()).as(ok.body()).isIn(200, 204);
    assertThat(onlyTask("liu.staff", pi.get("id").asText()).get("taskDefinitionKey").asText()).isEqualTo("reportBack");
  }

  @Test
  @DisplayName("The timeline is shown to the applicant, the approvers and the street, not to another community")
  void timelineVisibility() {
    JsonNode pi = start("he.grid", leave(2));
    String key = pi.get("businessKey").asText();
    complete("qian.social", onlyTask("qian.social", pi.get("id").asText()).get("id").asText(),
        Map.of("approved", false, "comment", "请补充事由"));
    for (String user : List.of("he.grid", "qian.social", "zhang.director", "wang.principal", "zhou.liaison")) {
      Response r = as(user).get("/api/cases/" + key + "/timeline");
      assertThat(r.status()).as(user + " " + r.body()).isEqualTo(200);
    }
    JsonNode timeline = as("he.grid").get("/api/cases/" + key + "/timeline").json();
    JsonNode refusal = null;
    for (JsonNode e : timeline) {
      if ("reject".equals(e.get("action").asText())) {
        refusal = e;
      }
    }
    assertThat(refusal).isNotNull();
    assertThat(refusal.get("userName").asText()).isEqualTo("钱明");
    assertThat(refusal.get("approved").asBoolean()).isFalse();
    assertThat(refusal.get("comment").asText()).isEqualTo("请补充事由");
    assertThat(refusal.get("taskName").asText()).startsWith("审批请假");
    for (String user : List.of("gao.director", "ma.staff", "lin.grid", "sun.liaison")) {
      assertThat(as(user).get("/api/cases/" + key + "/timeline").status()).as(user).isEqualTo(404);
    }
    assertThat(as("he.grid").get("/api/cases/LV-2026-999998/timeline").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("The ledger refuses an absurd page with 400 naming it (no SQL error)")
  void ledgerPaging() {
    Response r = as("zhang.director").get("/api/leave/ledger?page=107374184");
    refusedNaming(r, "page");
  }
}
