package cn.shequflow.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.organisation.OrganisationMapper;
import cn.shequflow.support.ExtraDirector;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, CONTRACTS.md "Approval operations": 转办 and 委派 over HTTP as the demo users with
 * authorization on, on leave, expense and incident tasks. Every approval post of the demo
 * organisation has one holder, so a deputy director of zaozhi ({@value #DEPUTY}, a member of the
 * zaozhi director group only for these tests) is the colleague of the same role and unit.
 */
class InboxOperationsRestTest extends RestTestSupport {

  static final String DEPUTY = "deputy.zaozhi";

  @Autowired IdentityService identity;
  @Autowired OrganisationMapper people;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void deputy() {
    new ExtraDirector(identity, people, jdbc).add(DEPUTY, "赵", "zaozhi", false);
  }

  @AfterEach
  void noDeputy() {
    new ExtraDirector(identity, people, jdbc).remove(DEPUTY);
  }

  // ---- helpers ----




  List<String> actions(String user, String key) {
    Response r = as(user).get("/api/cases/" + key + "/timeline");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> list = new ArrayList<>();
    r.json().forEach(e -> list.add(e.get("action").asText()));
    return list;
  }

  JsonNode lastEvent(String user, String key, String action) {
    JsonNode found = null;
    for (JsonNode e : as(user).get("/api/cases/" + key + "/timeline").json()) {
      if (e.get("action").asText().equals(action)) {
        found = e;
      }
    }
    assertThat(found).as(action + " on the timeline of " + key + ": " + as(user).get("/api/cases/" + key + "/timeline").body()).isNotNull();
    return found;
  }

  static void assertField(Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("field").asText()).isEqualTo(field);
    assertThat(r.json().get("message").asText()).containsPattern("\\p{IsHan}");
  }

  private static final java.util.concurrent.atomic.AtomicLong SEQ = new java.util.concurrent.atomic.AtomicLong();

  static Map<String, Object> expense(Object amount, String category) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("amount", amount);
    v.put("category", category);
    // Unique purpose and witness: no two test expenses are related spending by accident (EX-1, EX-2).
    long n = SEQ.incrementAndGet();
    v.put("purpose", "社区活动横幅（" + System.nanoTime() + "-" + n + "）");
    v.put("handler", "陈静");
    v.put("witness", "刘洋" + n);
    return v;
  }

  JsonNode startProcess(String user, String processKey, Map<String, Object> variables) {
    Response r = as(user).post("/engine-rest/process-definition/key/" + processKey + "/start",
        RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  // ---- 转办 ----

  @Test
  @DisplayName("转办 leave: zhang.director hands his approval to the deputy, who decides; the case moves on; the timeline names both")
  void transferLeave() {
    JsonNode instance = start("liu.staff", leave(1));
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", pid);
    JsonNode targets = as("zhang.director").get("/api/tasks/" + taskId + "/targets?for=transfer").json();
    assertThat(targets).hasSize(1);
    assertThat(targets.get(0).get("userId").asText()).isEqualTo(DEPUTY);
    assertThat(targets.get(0).get("name").asText()).isEqualTo("赵副主任");

    Response ok = as("zhang.director").post("/api/tasks/" + taskId + "/transfer",
        body("userId", DEPUTY, "reason", "本人外出开会"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("message").asText()).contains("赵副主任");
    JsonNode task = tasksOf(DEPUTY, pid).get(0);
    assertThat(task.get("assignee").asText()).isEqualTo(DEPUTY);
    JsonNode event = lastEvent("liu.staff", key, "transfer");
    assertThat(event.get("userId").asText()).isEqualTo("zhang.director");
    assertThat(event.get("userName").asText()).isEqualTo("张志华");
    assertThat(event.get("actionLabel").asText()).isEqualTo("转办");
    assertThat(event.get("comment").asText()).contains("赵副主任", "本人外出开会");
    assertThat(event.get("approved").isNull()).isTrue();
    assertThat(as(DEPUTY).get("/api/notifications").body()).contains("转办");

    // the claimed task is the deputy's now: zhang can no longer complete or transfer it
    assertThat(as("zhang.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意"))).status()).isEqualTo(409);
    assertThat(as("zhang.director").post("/api/tasks/" + taskId + "/transfer",
        body("userId", DEPUTY, "reason", "x")).status()).isEqualTo(409);

    Response done = as(DEPUTY).post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(tasksOf("liu.staff", pid)).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("reportBack");
    JsonNode decision = lastEvent("liu.staff", key, "approve");
    assertThat(decision.get("userName").asText()).isEqualTo("赵副主任");
  }

  @Test
  @DisplayName("转办 who-checks: 404 unknown task, 403 not a holder, 400 naming userId/reason for self, unknown, other role, blank or long reason")
  void transferChecks() {
    JsonNode instance = start("liu.staff", leave(1));
    String taskId = onlyTaskId("zhang.director", instance.get("id").asText());
    String path = "/api/tasks/" + taskId + "/transfer";

    assertThat(as("zhang.director").post("/api/tasks/no-such-task/transfer", body("userId", DEPUTY, "reason", "x"))
        .status()).isEqualTo(404);
    assertThat(as("gao.director").post(path, body("userId", "gao.director", "reason", "x")).status()).isEqualTo(403);
    assertThat(as("liu.staff").post(path, body("userId", DEPUTY, "reason", "x")).status()).isEqualTo(403);
    assertField(as("zhang.director").post(path, body("userId", "zhang.director", "reason", "x")), 400, "userId");
    assertField(as("zhang.director").post(path, body("userId", "nobody.here", "reason", "x")), 400, "userId");
    assertField(as("zhang.director").post(path, body("userId", "chen.staff", "reason", "x")), 400, "userId");
    assertField(as("zhang.director").post(path, body("userId", "gao.director", "reason", "x")), 400, "userId");
    assertField(as("zhang.director").post(path, body("reason", "x")), 400, "userId");
    assertField(as("zhang.director").post(path, body("userId", DEPUTY, "reason", " ")), 400, "reason");
    assertField(as("zhang.director").post(path, body("userId", DEPUTY, "reason", "长".repeat(1001))), 400, "reason");
    assertField(as("zhang.director").post(path, body("userId", DEPUTY, "reason", 5)), 400, "reason");
    // nothing happened
    assertThat(tasksOf("zhang.director", instance.get("id").asText()).get(0).get("assignee").isNull()).isTrue();
    assertThat(actions("liu.staff", instance.get("businessKey").asText())).doesNotContain("transfer");
  }

  @Test
  @DisplayName("转办 incident (IN-2): the director's 签收 task goes to the deputy, who signs for it")
  void transferIncident() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("category", "safety-hazard");
    v.put("severity", "coordination");
    v.put("title", "路灯损坏");
    v.put("description", "社区主干道两盏路灯不亮");
    v.put("location", "造纸社区主干道");
    JsonNode instance = startProcess("he.grid", "incident-report", v);
    String pid = instance.get("id").asText();
    String taskId = onlyTaskId("zhang.director", pid);
    Response ok = as("zhang.director").post("/api/tasks/" + taskId + "/transfer", body("userId", DEPUTY, "reason", "由副主任负责"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    Response done = as(DEPUTY).post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("acceptNote", "已签收")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(actions("he.grid", instance.get("businessKey").asText())).contains("transfer");
    assertThat(tasksOf(DEPUTY, pid)).noneMatch(t -> t.get("id").asText().equals(taskId));
  }

  // ---- 委派 ----

  @Test
  @DisplayName("委派 expense (EX-1): the delegate's submission hands it back with his opinion on the timeline, not as the decision; the owner decides and the case moves on")
  void delegateExpense() {
    JsonNode instance = startProcess("liu.staff", "expense-approval", expense(300, "office"));
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", pid);

    Response ok = as("zhang.director").post("/api/tasks/" + taskId + "/delegate",
        body("userId", DEPUTY, "reason", "请先核实发票"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    JsonNode task = as(DEPUTY).get("/engine-rest/task/" + taskId).json();
    assertThat(task.get("assignee").asText()).isEqualTo(DEPUTY);
    assertThat(task.get("owner").asText()).isEqualTo("zhang.director");
    assertThat(task.get("delegationState").asText()).isEqualTo("PENDING");
    assertThat(lastEvent("liu.staff", key, "delegate").get("comment").asText()).contains("赵副主任", "请先核实发票");

    // the owner cannot act while it is delegated; the delegate cannot complete (only hand back)
    assertThat(as("zhang.director").post("/api/tasks/" + taskId + "/transfer",
        body("userId", DEPUTY, "reason", "x")).status()).isEqualTo(409);
    Response complete = as(DEPUTY).post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(complete.status()).as(complete.body()).isEqualTo(409);

    // the delegate submits the form (as Tasklist does): resolved, back to the owner
    Response submit = as(DEPUTY).post("/engine-rest/task/" + taskId + "/submit-form",
        RestClient.variables(Map.of("approved", true, "comment", "发票已核实，建议同意")));
    assertThat(submit.status()).as(submit.body()).isIn(200, 204);
    JsonNode back = as("zhang.director").get("/engine-rest/task/" + taskId).json();
    assertThat(back.get("assignee").asText()).isEqualTo("zhang.director");
    assertThat(back.get("delegationState").asText()).isEqualTo("RESOLVED");
    JsonNode opinion = lastEvent("liu.staff", key, "delegate-resolved");
    assertThat(opinion.get("userId").asText()).isEqualTo(DEPUTY);
    assertThat(opinion.get("userName").asText()).isEqualTo("赵副主任");
    assertThat(opinion.get("actionLabel").asText()).isEqualTo("委派处理意见");
    assertThat(opinion.get("comment").asText()).contains("建议同意", "发票已核实");
    assertThat(opinion.get("approved").isNull()).as("not a decision").isTrue();
    assertThat(actions("liu.staff", key)).doesNotContain("approve");
    Response approved = as("zhang.director").get("/engine-rest/task/" + taskId + "/variables/approved");
    assertThat(approved.status() == 404 || approved.json().get("value").isNull())
        .as("the owner decides afresh: " + approved.body()).isTrue();
    assertThat(as("zhang.director").get("/api/notifications").body()).contains("交回");

    // the owner's completion is still checked: a refusal without comment is 400
    Response noReason = as("zhang.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", false, "comment", "")));
    assertThat(noReason.status()).isEqualTo(400);
    Response decide = as("zhang.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(decide.status()).as(decide.body()).isEqualTo(204);
    JsonNode decision = lastEvent("liu.staff", key, "approve");
    assertThat(decision.get("userId").asText()).isEqualTo("zhang.director");
    assertThat(tasksOf("zhang.director", pid)).noneMatch(t -> t.get("id").asText().equals(taskId));
    JsonNode c = as("liu.staff").get("/api/cases/" + key).json();
    assertThat(c.get("status").asText()).isNotEqualTo("pending");
  }

  @Test
  @DisplayName("委派 leave with an unclaimed group task: the delegating director becomes the owner and gets it back (REST resolve, form contract checked); same who-checks as 转办")
  void delegateLeave() {
    JsonNode instance = start("liu.staff", leave(1));
    String pid = instance.get("id").asText();
    String taskId = onlyTaskId("zhang.director", pid);
    String path = "/api/tasks/" + taskId + "/delegate";
    assertThat(as("gao.director").post(path, body("userId", DEPUTY, "reason", "x")).status()).isEqualTo(403);
    assertField(as("zhang.director").post(path, body("userId", "liu.staff", "reason", "x")), 400, "userId");
    assertField(as("zhang.director").post(path, body("userId", DEPUTY)), 400, "reason");
    assertThat(as("zhang.director").post(path, body("userId", DEPUTY, "reason", "请代为审核")).status()).isEqualTo(200);
    // REST resolve (not Tasklist's submit-form) hands it back as well; the form contract still applies
    Response undeclared = as(DEPUTY).post("/engine-rest/task/" + taskId + "/resolve",
        RestClient.variables(Map.of("approved", false, "comment", "天数有误", "applicantId", "he.grid")));
    assertThat(undeclared.status()).as(undeclared.body()).isEqualTo(400);
    Response submit = as(DEPUTY).post("/engine-rest/task/" + taskId + "/resolve",
        RestClient.variables(Map.of("approved", false, "comment", "天数有误")));
    assertThat(submit.status()).as(submit.body()).isEqualTo(204);
    assertThat(actions("liu.staff", instance.get("businessKey").asText())).contains("delegate-resolved")
        .doesNotContain("reject");
    assertThat(as("zhang.director").get("/engine-rest/task/" + taskId).json().get("assignee").asText())
        .isEqualTo("zhang.director");
    // zhang then transfers it to the deputy, who delegates it back to zhang: it returns to the deputy
    assertThat(as("zhang.director").post("/api/tasks/" + taskId + "/transfer",
        body("userId", DEPUTY, "reason", "改由副主任审批")).status()).isEqualTo(200);
    assertThat(as(DEPUTY).get("/engine-rest/task/" + taskId).json().get("owner").asText()).isEqualTo(DEPUTY);
    assertThat(as(DEPUTY).post("/api/tasks/" + taskId + "/delegate",
        body("userId", "zhang.director", "reason", "请主任先看")).status()).isEqualTo(200);
    assertThat(as("zhang.director").post("/engine-rest/task/" + taskId + "/submit-form",
        RestClient.variables(Map.of("approved", true, "comment", "可以"))).status()).isIn(200, 204);
    JsonNode back = as(DEPUTY).get("/engine-rest/task/" + taskId).json();
    assertThat(back.get("assignee").asText()).isEqualTo(DEPUTY);
    assertThat(back.get("owner").asText()).isEqualTo(DEPUTY);
    Response decide = as(DEPUTY).post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(decide.status()).as(decide.body()).isEqualTo(204);
    assertThat(tasksOf("liu.staff", pid)).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("reportBack");
  }

  // ---- each operation on each family the brief names ----

  @Test
  @DisplayName("expense (EX-1): 转办 to the deputy, 抄送 to the bookkeeper, 催办 by the applicant; the deputy's approval moves the case on")
  void expenseTransferCcUrge() {
    JsonNode instance = startProcess("liu.staff", "expense-approval", expense(200, "office"));
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", pid);
    assertThat(as("zhang.director").post("/api/tasks/" + taskId + "/cc",
        body("userIds", List.of("chen.staff"), "note", "请准备报账")).status()).isEqualTo(200);
    assertThat(as("chen.staff").get("/api/cases/" + key).status()).isEqualTo(200);
    assertThat(as("zhang.director").post("/api/tasks/" + taskId + "/transfer",
        body("userId", DEPUTY, "reason", "回避")).status()).isEqualTo(200);
    Response urge = as("liu.staff").post("/api/cases/" + key + "/urge", body("note", "急用"));
    assertThat(urge.status()).as(urge.body()).isEqualTo(200);
    assertThat(urge.json().get("notified").toString()).contains("赵副主任").doesNotContain("张志华");
    Response done = as(DEPUTY).post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(actions("liu.staff", key)).containsSubsequence("submitted", "cc", "transfer", "urge", "approve");
    assertThat(tasksOf("huang.bookkeeper", pid)).hasSize(1);
  }

  @Test
  @DisplayName("incident (IN-2): 委派 the director's 签收 to the deputy, who hands it back; the director signs for it; 抄送 and 催办 by the reporter")
  void incidentDelegateCcUrge() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("category", "safety-hazard");
    v.put("severity", "coordination");
    v.put("title", "井盖缺失");
    v.put("description", "小区门口井盖缺失");
    v.put("location", "造纸社区北门");
    JsonNode instance = startProcess("he.grid", "incident-report", v);
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", pid);
    Response urge = as("he.grid").post("/api/cases/" + key + "/urge", body());
    assertThat(urge.status()).as(urge.body()).isEqualTo(200);
    assertThat(as("zhang.director").post("/api/tasks/" + taskId + "/delegate",
        body("userId", DEPUTY, "reason", "请先到现场查看")).status()).isEqualTo(200);
    assertThat(as("zhang.director").post("/api/tasks/" + taskId + "/cc",
        body("userIds", List.of("feng.dept"), "note", "供参考")).status()).isEqualTo(200);
    Response submit = as(DEPUTY).post("/engine-rest/task/" + taskId + "/submit-form",
        RestClient.variables(Map.of("acceptNote", "已到现场，确需签收")));
    assertThat(submit.status()).as(submit.body()).isIn(200, 204);
    assertThat(as("zhang.director").get("/engine-rest/task/" + taskId).json().get("assignee").asText())
        .isEqualTo("zhang.director");
    Response done = as("zhang.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("acceptNote", "已签收")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(actions("he.grid", key)).containsSubsequence("urge", "delegate", "cc", "delegate-resolved");
    assertThat(lastEvent("he.grid", key, "delegate-resolved").get("comment").asText()).contains("已到现场，确需签收");
    assertThat(tasksOf("zhang.director", pid)).noneMatch(t -> t.get("id").asText().equals(taskId));
  }
}
