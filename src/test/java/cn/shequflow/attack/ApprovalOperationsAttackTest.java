package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseEvent;
import cn.shequflow.core.organisation.OrganisationMapper;
import cn.shequflow.support.ApprovalOperationsTestSupport;
import cn.shequflow.support.ExtraDirector;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, second review: the approval operations (退回, 撤回, 加签) and the inbox operations
 * (转办, 委派, 抄送) tried as a task holder, a delegate, a colleague and a stranger would, over
 * {@code /api}, {@code /engine-rest} and Tasklist's own API. Every refusal is a 4xx with a Chinese
 * message, never a 500, and leaves the case consistent.
 */
class ApprovalOperationsAttackTest extends ApprovalOperationsTestSupport {

  /** A second director of zaozhi, so that a director's task has a colleague to go to. */
  static final String VICE = "vice.zaozhi";

  @Autowired IdentityService identity;
  @Autowired OrganisationMapper people;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void vice() {
    new ExtraDirector(identity, people, jdbc).add(VICE, "钱", "zaozhi", true);
  }

  @AfterEach
  void noVice() {
    new ExtraDirector(identity, people, jdbc).remove(VICE);
  }


  /** A one-day leave of liu.staff: zaozhi's director decides alone. */
  private JsonNode leave() {
    return startProcess("liu.staff", "leave-request", AttackSupport.leave());
  }

  private CaseEvent lastEvent(String businessKey, String action) {
    List<CaseEvent> events = cases.timeline(businessKey).stream().filter(e -> action.equals(e.action())).toList();
    assertThat(events).as("timeline entries %s of %s", action, businessKey).isNotEmpty();
    return events.get(events.size() - 1);
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("转办/委派/抄送 with a reason or note of the full 1,000 characters (emoji too) fit the timeline: 200, not 500")
  void fullLengthTextsFitTheTimeline() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);

    Response cc = as("zhang.director").post("/api/tasks/" + task + "/cc",
        body("userIds", List.of("he.grid"), "note", "抄".repeat(1000)));
    assertThat(cc.status()).as(cc.body()).isEqualTo(200);
    String emoji = "😀".repeat(500); // 1,000 UTF-16 units, the limit
    Response transfer = as("zhang.director").post("/api/tasks/" + task + "/transfer",
        body("userId", VICE, "reason", emoji));
    assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
    Response delegate = as(VICE).post("/api/tasks/" + task + "/delegate",
        body("userId", "zhang.director", "reason", "委".repeat(1000)));
    assertThat(delegate.status()).as(delegate.body()).isEqualTo(200);

    for (String action : List.of("cc", "transfer", "delegate")) {
      String comment = lastEvent(key, action).comment();
      assertThat(comment.length()).as(action).isLessThanOrEqualTo(1000);
      assertThat(comment).as(action).endsWith("…");
      char beforeEllipsis = comment.charAt(comment.length() - 2);
      assertThat(Character.isHighSurrogate(beforeEllipsis)).as("no emoji cut in half").isFalse();
    }
    // The timeline and the sheet still read back.
    assertThat(as("liu.staff").get("/api/cases/" + key + "/timeline").status()).isEqualTo(200);
    assertThat(as("liu.staff").get("/api/cases/" + key + "/sheet").status()).isEqualTo(200);
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("委派: the delegate cannot 退回 or 加签 in the owner's place, nor give the task up or pass it on over any API (409); the owner decides after the hand-back")
  void delegateCannotDecideOrGiveUp() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    Response delegated = as("zhang.director").post("/api/tasks/" + task + "/delegate",
        body("userId", VICE, "reason", "请先核实"));
    assertThat(delegated.status()).as(delegated.body()).isEqualTo(200);

    // The delegate: no decision of the owner's, over the product API.
    refused(returnTask(VICE, task, "reviseLeave", "委派人直接退回"), 409, null);
    refused(addSigner(VICE, task, "li.leader", "after", "委派人加签"), 409, null);
    assertThat(as(VICE).get("/api/tasks/" + task + "/return-targets").status()).isEqualTo(409);
    // ... nor gives it up or passes it on, over /engine-rest and Tasklist's API.
    for (Response r : List.of(
        as(VICE).post("/engine-rest/task/" + task + "/unclaim", Map.of()),
        as(VICE).post("/engine-rest/task/" + task + "/assignee", body("userId", null)),
        as(VICE).post("/engine-rest/task/" + task + "/assignee", body("userId", "zhang.director")),
        as(VICE).post("/engine-rest/task/" + task + "/delegate", body("userId", "zhang.director")))) {
      refused(r, 409, null);
    }
    // Claiming what he has already changes nothing and is no hand-on.
    assertThat(as(VICE).post("/engine-rest/task/" + task + "/claim", body("userId", VICE)).status()).isEqualTo(204);
    WebappSession session = WebappSession.login(port, VICE, "tasklist");
    Response webapp = session.post("/camunda/api/engine/engine/default/task/" + task + "/unclaim", "{}");
    assertThat(webapp.status()).as(webapp.body()).isEqualTo(409);
    // The owner waits for the hand-back too.
    refused(returnTask("zhang.director", task, "reviseLeave", "收回"), 409, null);
    refused(addSigner("zhang.director", task, "li.leader", "before", null), 409, null);

    JsonNode t = as(VICE).get("/engine-rest/task/" + task).json();
    assertThat(t.get("assignee").asText()).isEqualTo(VICE);
    assertThat(t.get("owner").asText()).isEqualTo("zhang.director");
    assertThat(t.get("delegationState").asText()).isEqualTo("PENDING");
    assertThat(actions(key)).doesNotContain("return", "add-signer-after", "add-signer-before");
    assertThat(roundStates(key)).containsExactly("1:active");

    // The delegate hands it back; the owner decides; the case goes on.
    Response resolve = as(VICE).post("/engine-rest/task/" + task + "/resolve",
        RestClient.variables(Map.of("approved", true, "comment", "建议同意")));
    assertThat(resolve.status()).as(resolve.body()).isEqualTo(204);
    complete("zhang.director", task, Map.of("approved", true, "comment", "同意"));
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertThat(round(key)).extracting(ApprovalStep::decidedBy).containsExactly("zhang.director");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("加签 on a correction case brings in only people who may see it (as 抄送): a grid worker or the leader in charge is 400, the principal leader 200")
  void addSignerKeepsCorrectionCasesConfidential() {
    JsonNode pi = startProcess("wei.justice", "correction-travel", travel(10));
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    JsonNode verify = onlyTask("wei.justice", id);
    complete("wei.justice", verify.get("id").asText(), Map.of("committeeCertificate", true, "employerCertificate", true));
    String task = onlyTaskId("wei.justice", id);

    for (String outsider : List.of("he.grid", "zhang.director", "li.leader")) {
      refused(addSigner("wei.justice", task, outsider, "after", "请协助"), 400, "userId");
      assertThat(as(outsider).get("/api/cases/" + key).status()).as(outsider).isEqualTo(404);
    }
    assertThat(actions(key)).doesNotContain("add-signer-after");
    ok(addSigner("wei.justice", task, "wang.principal", "after", "请主要领导审阅"));
    approve("wei.justice", id);
    approve("wang.principal", id);
    approve("jiang.county", id);
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("A decision on a position an operation moved a moment ago (退回 racing 完成) is 409, not 500, and writes nothing")
  void decisionOnAMovedPositionIs409() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    ApprovalStep row = round(key).get(0);
    // What a return committed between the director's reading and his completion leaves behind.
    assertThat(approvalRows.transition(row.id(), ApprovalStep.ACTIVE, ApprovalStep.RETURNED)).isEqualTo(1);

    Response late = as("zhang.director").post("/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    refused(late, 409, null);
    WebappSession session = WebappSession.login(port, "zhang.director", "tasklist");
    Response viaTasklist = session.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"同意\"}}}");
    assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(409);
    assertThat(onlyTaskId("zhang.director", id)).isEqualTo(task);
    assertThat(actions(key)).doesNotContain("approved");

    assertThat(approvalRows.transition(row.id(), ApprovalStep.RETURNED, ApprovalStep.ACTIVE)).isEqualTo(1);
    complete("zhang.director", task, Map.of("approved", true, "comment", "同意"));
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Race: 转办, 委派, 退回 and 完成 of one task at the same moment: one wins, the others are 409/404, never 500; the case stays consistent")
  void concurrentOperationsOnOneTask() throws Exception {
    for (int round = 0; round < 4; round++) {
      JsonNode pi = leave();
      String id = pi.get("id").asText();
      String task = onlyTaskId("zhang.director", id);
      race(round, List.of(
          () -> as("zhang.director").post("/api/tasks/" + task + "/transfer", body("userId", VICE, "reason", "转办")),
          () -> as("zhang.director").post("/api/tasks/" + task + "/delegate", body("userId", VICE, "reason", "委派")),
          () -> returnTask("zhang.director", task, "reviseLeave", "退回"),
          () -> as("zhang.director").post("/engine-rest/task/" + task + "/complete",
              RestClient.variables(Map.of("approved", true, "comment", "同意")))));
      assertConsistent(id, pi.get("businessKey").asText());
    }
  }

  @Test
  @DisplayName("A completion that waits too long for a row another transaction holds (a lock-wait timeout) is 409 and writes nothing")
  void lockWaitTimeoutIs409() throws Exception {
    try (java.sql.Connection c = jdbc.getDataSource().getConnection()) {
      org.junit.jupiter.api.Assumptions.assumeTrue(c.getMetaData().getURL().startsWith("jdbc:h2:"),
          "H2's lock timeout is 2 s; MariaDB would wait 50 s (the mapping itself is LostLockCodesTest)");
    }
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    List<String> before = actions(key);
    Response late;
    // Another transaction (a slow 转办, say) holds the task's row for longer than the lock timeout.
    try (java.sql.Connection holder = jdbc.getDataSource().getConnection()) {
      holder.setAutoCommit(false);
      try (var lock = holder.prepareStatement("select ID_ from ACT_RU_TASK where ID_ = ? for update")) {
        lock.setString(1, task);
        lock.executeQuery().close();
      }
      late = as("zhang.director").post("/engine-rest/task/" + task + "/complete",
          RestClient.variables(Map.of("approved", true, "comment", "同意")));
      holder.rollback();
    }
    refused(late, 409, null);
    assertThat(late.body()).contains("事项刚被他人处理");
    assertThat(onlyTaskId("zhang.director", id)).isEqualTo(task);
    assertThat(actions(key)).isEqualTo(before);
    assertThat(runtime.createIncidentQuery().processInstanceId(id).count()).isZero();

    complete("zhang.director", task, Map.of("approved", true, "comment", "同意"));
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Race: the applicant's 撤回 against the approver's 加签, 退回, 抄送 and 完成: never 500; the case ends withdrawn or goes on consistently")
  void concurrentWithdrawAndOperations() throws Exception {
    for (int round = 0; round < 4; round++) {
      JsonNode pi = leave();
      String id = pi.get("id").asText();
      String key = pi.get("businessKey").asText();
      String task = onlyTaskId("zhang.director", id);
      race(round, List.of(
          () -> withdraw("liu.staff", key, "不请了"),
          () -> addSigner("zhang.director", task, "li.leader", "before", null),
          () -> returnTask("zhang.director", task, "reviseLeave", "退回"),
          () -> as("zhang.director").post("/api/tasks/" + task + "/cc", body("userIds", List.of("he.grid"))),
          () -> as("zhang.director").post("/engine-rest/task/" + task + "/complete",
              RestClient.variables(Map.of("approved", true, "comment", "同意")))));
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0) {
        assertEndedNormally(id, key);
      } else {
        assertConsistent(id, key);
      }
    }
  }

  /** Runs the calls at the same moment: each answers 2xx, 403, 404 or 409, and at least one wins. */
  private static void race(int round, List<Supplier<Response>> calls) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Response>> futures = new ArrayList<>();
    for (Supplier<Response> call : calls) {
      futures.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return call.get();
      }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Response> f : futures) {
      Response r = f.get();
      assertThat(r.status()).as("round %d: %s", round, r.body()).isIn(200, 204, 403, 404, 409);
      statuses.add(r.status());
    }
    assertThat(statuses).as("round %d: someone won", round).anyMatch(s -> s == 200 || s == 204);
  }

  @Test
  @DisplayName("转办/委派/assign never hand a task to the case's applicant: a staff member's own resident filing is not passed to him by a colleague (400/403)")
  void noHandOnToTheApplicant() {
    JsonNode pi = startProcess("liu.staff", "resident-move", moveIn());
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String verify = onlyTaskId("chen.staff", id); // the community's staff verify, liu.staff among them

    assertThat(as("chen.staff").get("/api/tasks/" + verify + "/targets?for=transfer").json())
        .extracting(n -> n.get("userId").asText()).doesNotContain("liu.staff").contains("huang.bookkeeper");
    for (String op : List.of("transfer", "delegate")) {
      refused(as("chen.staff").post("/api/tasks/" + verify + "/" + op, body("userId", "liu.staff", "reason", "你来核实")),
          400, "userId");
    }
    refused(as("chen.staff").post("/engine-rest/task/" + verify + "/assignee", body("userId", "liu.staff")), 403, null);
    refused(as("chen.staff").post("/engine-rest/task/" + verify + "/delegate", body("userId", "liu.staff")), 403, null);
    refused(as("chen.staff").post("/engine-rest/task/" + verify + "/claim", body("userId", "liu.staff")), 403, null);
    assertThat(as("chen.staff").get("/engine-rest/task/" + verify).json().get("assignee").isNull()).isTrue();
    assertThat(actions(key)).doesNotContain("transfer", "delegate");

    // To a colleague who is not the filer it goes; the colleague verifies and the case ends.
    Response transfer = as("chen.staff").post("/api/tasks/" + verify + "/transfer",
        body("userId", "huang.bookkeeper", "reason", "请黄丽核实"));
    assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
    complete("huang.bookkeeper", verify, Map.of("approved", true, "comment", "核实无误"));
    assertEndedNormally(id, key);
  }

  @Test
  @DisplayName("已办 tells a return (退回) and an approval taken back (同意（已撤回）) from a refusal and a standing approval")
  void doneListNamesReturnsAndWithdrawals() {
    LocalDate start = cn.shequflow.core.process.Clock.today().plusDays(7);
    Map<String, Object> v = new LinkedHashMap<>(AttackSupport.leave());
    v.put("endDate", start.plusDays(2).toString());
    v.put("days", 3); // a director's 3 days: the leader in charge, then the principal leader
    JsonNode pi = startProcess("zhang.director", "leave-request", v);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    approve("li.leader", id);
    ok(returnTask("wang.principal", onlyTaskId("wang.principal", id), "approveLeave:1", "请再核对顶岗安排"));
    approve("li.leader", id);
    ok(withdraw("li.leader", key, "顶岗安排有变"));
    assertConsistent(id, key);

    assertThat(doneLabels("wang.principal", key)).containsExactly("退回");
    assertThat(doneLabels("li.leader", key)).containsExactlyInAnyOrder("同意（已撤回）", "同意");
  }

  private List<String> doneLabels(String user, String businessKey) {
    Response r = as(user).get("/api/tasks/done?size=100");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> labels = new ArrayList<>();
    r.json().get("items").forEach(i -> {
      if (businessKey.equals(i.get("businessKey").asText())) {
        labels.add(i.get("decisionLabel").asText());
      }
    });
    return labels;
  }

  @Test
  @DisplayName("委派 then 转办: after the hand-back the owner transfers the task; the timeline has one 委派处理意见 (the delegate's), none invented for the owner")
  void transferAfterDelegationRecordsNoFalseOpinion() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    ok(as("zhang.director").post("/api/tasks/" + task + "/delegate", body("userId", VICE, "reason", "请先核实")));
    Response resolve = as(VICE).post("/engine-rest/task/" + task + "/resolve",
        RestClient.variables(Map.of("approved", true, "comment", "建议同意")));
    assertThat(resolve.status()).as(resolve.body()).isEqualTo(204);
    ok(as("zhang.director").post("/api/tasks/" + task + "/transfer", body("userId", VICE, "reason", "由副主任决定")));

    List<CaseEvent> opinions = cases.timeline(key).stream().filter(e -> "delegate-resolved".equals(e.action())).toList();
    assertThat(opinions).extracting(CaseEvent::userId).containsExactly(VICE);
    // Passed back and forth over the engine API (Tasklist's own assignee field): still no new opinion.
    assertThat(as(VICE).post("/engine-rest/task/" + task + "/assignee", body("userId", "zhang.director")).status())
        .isEqualTo(204);
    assertThat(as("zhang.director").post("/engine-rest/task/" + task + "/assignee", body("userId", VICE)).status())
        .isEqualTo(204);
    opinions = cases.timeline(key).stream().filter(e -> "delegate-resolved".equals(e.action())).toList();
    assertThat(opinions).extracting(CaseEvent::userId).containsExactly(VICE);
    complete(VICE, task, Map.of("approved", true, "comment", "同意"));
    assertThat(round(key)).extracting(ApprovalStep::decidedBy).containsExactly(VICE);
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("A director of another community can do nothing with a zaozhi task or case (403/404) and learns nothing of it")
  void strangerCanDoNothing() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    List<Response> answers = List.of(
        as("gao.director").post("/api/tasks/" + task + "/transfer", body("userId", "zhang.director", "reason", "x")),
        as("gao.director").post("/api/tasks/" + task + "/delegate", body("userId", "zhang.director", "reason", "x")),
        as("gao.director").post("/api/tasks/" + task + "/cc", body("userIds", List.of("ma.staff"))),
        as("gao.director").get("/api/tasks/" + task + "/targets?for=cc"),
        as("gao.director").get("/api/tasks/" + task + "/return-targets"),
        returnTask("gao.director", task, "reviseLeave", "x"),
        addSigner("gao.director", task, "ma.staff", "after", null),
        withdraw("gao.director", key, "x"),
        as("gao.director").post("/api/cases/" + key + "/urge", Map.of()),
        as("gao.director").get("/api/cases/" + key + "/sheet"));
    for (Response r : answers) {
      assertThat(r.status()).as(r.body()).isIn(403, 404);
      assertThat(r.body()).doesNotContain("刘洋", "张志华", "事假");
    }
    assertThat(actions(key)).containsExactly("submitted");
    assertConsistent(id, key);
  }

  private static int nextId = 900;

  /** A migrant's move-in to zaozhi today, with a fresh valid identity number. */
  private static Map<String, Object> moveIn() {
    String first17 = "36040319850505" + (nextId++);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("moveType", "move-in");
    v.put("residentType", "migrant");
    v.put("name", "王小明");
    v.put("idNumber", first17 + "10X98765432".charAt(sum % 11));
    v.put("phone", "13907920001");
    v.put("occupation", "个体经营");
    v.put("address", "浔阳区湓城街道造纸社区滨江路 18 号");
    v.put("building", "3 栋");
    v.put("movedOn", cn.shequflow.core.process.Clock.today().toString());
    return v;
  }

  /** Ten days' travel of a person under correction (CC-1: the justice office, then the county). */
  private static Map<String, Object> travel(int days) {
    return cn.shequflow.support.StartForms.travel(cn.shequflow.core.process.Clock.today().plusDays(7), days);
  }

}
