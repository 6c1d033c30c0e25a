package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.approval.ApprovalMapper;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseEvent;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Clock;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15: people brought into a case — a copy (抄送), an added signer (加签), a transfer (转办), a
 * delegation (委派) — come only from the case's own community and the street roles its family
 * allows (ORG-5). Another community's grid worker or director is refused whichever way he is named,
 * the pickers never offer him, a refusal leaves nothing behind, and a copy or a place on the chain
 * that got through before cannot widen what he reads.
 */
class OutsiderBroughtInAttackTest extends AttackSupport {

  /** taiping's people, and a street role none of leave, expense or resident moves allows. */
  static final List<String> TAIPING = List.of("xu.grid", "gao.director", "ma.staff", "sun.liaison");

  @Autowired JdbcTemplate jdbc;
  @Autowired Cases cases;
  @Autowired ApprovalMapper approvalRows;
  @Autowired IdentityService identity;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  private final List<String[]> strayMemberships = new ArrayList<>();

  @AfterEach
  void removeStrayMemberships() {
    strayMemberships.forEach(m -> identity.deleteMembership(m[0], m[1]));
    strayMemberships.clear();
  }

  // ---- resident move (residence) ----------------------------------------------------------------

  @Test
  @DisplayName("ORG-5: 抄送 of a zaozhi move-in to taiping's grid worker, director or staff is 400 userIds and leaves nothing; the picker offers zaozhi and the street roles of resident moves only")
  void moveInCopiedOnlyWithinItsCommunity() {
    JsonNode pi = fileMoveIn();
    String key = pi.get("businessKey").asText();
    String verify = onlyTask("liu.staff", pi.get("id").asText());

    List<String> offered = targets("liu.staff", verify, "cc");
    assertThat(offered).contains("lin.grid", "zhang.director", "zhou.liaison", "li.leader", "feng.dept")
        .doesNotContainAnyElementsOf(TAIPING)
        .doesNotContain("wei.justice", "jiang.county", "liu.staff");

    for (String outsider : List.of("xu.grid", "gao.director", "ma.staff", "sun.liaison", "wei.justice")) {
      Response r = as("liu.staff").post("/api/tasks/" + verify + "/cc", body("userIds", List.of(outsider), "note", "请看看"));
      assertField(r, "userIds");
      // One outsider among insiders: the whole copy is refused.
      assertField(as("liu.staff").post("/api/tasks/" + verify + "/cc", body("userIds", List.of("lin.grid", outsider))),
          "userIds");
    }
    assertLeftNothing(key, "xu.grid", "gao.director", "ma.staff", "sun.liaison", "wei.justice", "lin.grid");
    assertThat(actions(key)).doesNotContain("cc");
    for (String outsider : TAIPING) {
      assertCannotRead(outsider, key);
    }
    // Within the community it works.
    Response ok = as("liu.staff").post("/api/tasks/" + verify + "/cc", body("userIds", List.of("lin.grid")));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(as("lin.grid").get("/api/cases/" + key).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("ORG-5: 加签 of taiping's grid worker or director on a zaozhi move-in is 400 userId and leaves nothing: the outsider gets no task and cannot decide the verification")
  void moveInSignerOnlyWithinItsCommunity() {
    JsonNode pi = fileMoveIn();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String verify = onlyTask("liu.staff", id);
    int rows = approvalRows.all(key).size();

    for (String outsider : List.of("xu.grid", "gao.director", "sun.liaison", "wei.justice")) {
      for (String position : List.of("before", "after")) {
        Response r = addSigner("liu.staff", verify, outsider, position);
        assertField(r, "userId");
      }
      assertThat(as(outsider).get("/engine-rest/task?processInstanceId=" + id).json()).as(outsider).isEmpty();
    }
    assertThat(approvalRows.all(key)).hasSize(rows);
    assertThat(actions(key)).doesNotContain("add-signer-before", "add-signer-after");
    assertLeftNothing(key, "xu.grid", "gao.director", "sun.liaison", "wei.justice");
    for (String outsider : List.of("xu.grid", "gao.director")) {
      assertCannotRead(outsider, key);
    }
    // The verification stays with zaozhi's staff.
    assertThat(onlyTask("liu.staff", id)).isEqualTo(verify);
  }

  @Test
  @DisplayName("ORG-5: a copy row or an added-signer row of an outsider already in the register does not let him read the case (404 case, timeline, sheet) nor list it under 抄送我的")
  void earlierCopiesAndSignersDoNotWiden() {
    JsonNode pi = fileMoveIn();
    String key = pi.get("businessKey").asText();
    String verify = onlyTask("liu.staff", pi.get("id").asText());
    // What an earlier, laxer rule let through.
    jdbc.update("insert into case_cc (business_key, task_id, task_name, recipient_id, sender_id, sender_name, note, "
        + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", key, verify, "核实", "xu.grid", "liu.staff", "刘洋", "请看看",
        java.sql.Timestamp.valueOf(Clock.now()));
    ApprovalStep current = approvalRows.round(key, cases.get(key).submission()).get(0);
    approvalRows.insert(new ApprovalStep(UUID.randomUUID().toString(), key, current.submission(), current.stepNo() + 1,
        "DIRECTOR", "taiping", null, ApprovalStep.PENDING, null, null, null, null, null, null, "gao.director"));

    for (String outsider : List.of("xu.grid", "gao.director")) {
      assertCannotRead(outsider, key);
    }
    assertThat(as("xu.grid").get("/api/cc").body()).doesNotContain(key);
    // The case's own people still read it.
    assertThat(as("zhang.director").get("/api/cases/" + key).status()).isEqualTo(200);
  }

  // ---- leave ------------------------------------------------------------------------------------

  @Test
  @DisplayName("ORG-5: on a leave, 抄送 and 加签 of another community's people, or of a street office leave does not involve (综治办), are 400 and leave nothing")
  void leaveCopiesAndSigners() {
    JsonNode pi = start("liu.staff");
    String key = pi.get("businessKey").asText();
    String task = onlyTask("zhang.director", pi.get("id").asText());

    assertThat(targets("zhang.director", task, "cc")).contains("he.grid", "li.leader", "zhou.liaison")
        .doesNotContainAnyElementsOf(TAIPING).doesNotContain("feng.dept", "wei.justice");
    for (String outsider : List.of("xu.grid", "gao.director", "sun.liaison", "feng.dept")) {
      assertField(as("zhang.director").post("/api/tasks/" + task + "/cc", body("userIds", List.of(outsider))), "userIds");
      assertField(addSigner("zhang.director", task, outsider, "after"), "userId");
    }
    assertThat(actions(key)).doesNotContain("cc", "add-signer-before", "add-signer-after");
    assertLeftNothing(key, "xu.grid", "gao.director", "sun.liaison", "feng.dept");
    assertCannotRead("gao.director", key);
  }

  @Test
  @DisplayName("ORG-5: 转办 and 委派 of a leave never go outside its community, even to someone Camunda wrongly counts in the directors' group: 400 userId (and 403 over /engine-rest), not offered, nothing left")
  void leaveTransferAndDelegate() {
    JsonNode pi = start("liu.staff");
    String key = pi.get("businessKey").asText();
    String task = onlyTask("zhang.director", pi.get("id").asText());
    strayMembership("xu.grid", "zaozhi-director");
    assertHandOnRefused(key, task, "zhang.director", "xu.grid");
  }

  // ---- expense ----------------------------------------------------------------------------------

  @Test
  @DisplayName("ORG-5: on an expense, 抄送, 加签, 转办 and 委派 to taiping's people or the 综治办 are refused and leave nothing; the social affairs office may be copied")
  void expenseBringsInNoOutsider() {
    JsonNode pi = startExpense();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTask("zhang.director", id);

    assertThat(targets("zhang.director", task, "cc")).contains("huang.bookkeeper", "qian.social")
        .doesNotContainAnyElementsOf(TAIPING).doesNotContain("feng.dept");
    for (String outsider : List.of("xu.grid", "gao.director", "feng.dept")) {
      assertField(as("zhang.director").post("/api/tasks/" + task + "/cc", body("userIds", List.of(outsider))), "userIds");
      assertField(addSigner("zhang.director", task, outsider, "before"), "userId");
    }
    assertThat(actions(key)).doesNotContain("cc", "add-signer-before", "add-signer-after");
    assertLeftNothing(key, "xu.grid", "gao.director", "feng.dept");

    strayMembership("gao.director", "zaozhi-director");
    assertHandOnRefused(key, task, "zhang.director", "gao.director");

    Response ok = as("zhang.director").post("/api/tasks/" + task + "/cc", body("userIds", List.of("qian.social")));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
  }

  @Test
  @DisplayName("ORG-5: a property loan lets the street's 综治办 be copied and added as a signer, as the family declares; taiping's director still not")
  void propertyLoanAllowsItsStreetDepartment() {
    LocalDate today = Clock.today();
    Map<String, Object> loan = new HashMap<>();
    loan.put("item", "折叠桌 10 张");
    loan.put("borrower", "造纸小学");
    loan.put("purpose", "学校运动会使用");
    loan.put("loanFrom", today.toString());
    loan.put("loanUntil", today.plusDays(2).toString());
    JsonNode pi = startProcess("liu.staff", "property-loan", loan);
    String task = onlyTask("zhang.director", pi.get("id").asText());
    assertThat(targets("zhang.director", task, "cc")).contains("feng.dept").doesNotContainAnyElementsOf(TAIPING);
    assertField(addSigner("zhang.director", task, "gao.director", "after"), "userId");
    Response added = addSigner("zhang.director", task, "feng.dept", "after");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Transfer and delegation to {@code outsider}, over /api and /engine-rest, are refused and change nothing. */
  private void assertHandOnRefused(String key, String task, String holder, String outsider) {
    assertThat(targets(holder, task, "transfer")).doesNotContain(outsider);
    assertThat(targets(holder, task, "delegate")).doesNotContain(outsider);
    for (String op : List.of("transfer", "delegate")) {
      assertField(as(holder).post("/api/tasks/" + task + "/" + op, body("userId", outsider, "reason", "请处理")), "userId");
    }
    Response assign = as(holder).post("/engine-rest/task/" + task + "/assignee", body("userId", outsider));
    assertThat(assign.status()).as(assign.body()).isEqualTo(403);
    Response delegate = as(holder).post("/engine-rest/task/" + task + "/delegate", body("userId", outsider));
    assertThat(delegate.status()).as(delegate.body()).isEqualTo(403);

    Task t = taskService.createTaskQuery().taskId(task).singleResult();
    assertThat(t.getAssignee()).isNotEqualTo(outsider);
    assertThat(t.getOwner()).isNotEqualTo(outsider);
    assertThat(historyService.createHistoricIdentityLinkLogQuery().taskId(task).userId(outsider).count())
        .as("no identity link of %s on the task", outsider).isZero();
    assertThat(actions(key)).doesNotContain("transfer", "delegate");
    assertLeftNothing(key, outsider);
  }

  /** No copy row, no notification of the case for any of the people. */
  private void assertLeftNothing(String key, String... people) {
    for (String p : people) {
      assertThat(jdbc.queryForObject("select count(*) from case_cc where business_key = ? and recipient_id = ?",
          Integer.class, key, p)).as("copies of %s to %s", key, p).isZero();
      assertThat(jdbc.queryForObject("select count(*) from notification where business_key = ? and recipient_id = ?",
          Integer.class, key, p)).as("notices of %s to %s", key, p).isZero();
    }
  }

  private void assertCannotRead(String user, String key) {
    for (String path : List.of("", "/timeline", "/sheet")) {
      assertThat(as(user).get("/api/cases/" + key + path).status()).as("%s reads %s%s", user, key, path)
          .isEqualTo(404);
    }
  }

  private void strayMembership(String user, String group) {
    identity.createMembership(user, group);
    strayMemberships.add(new String[] {user, group});
  }

  private List<String> targets(String user, String task, String kind) {
    Response r = as(user).get("/api/tasks/" + task + "/targets?for=" + kind);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().forEach(p -> ids.add(p.get("userId").asText()));
    return ids;
  }

  private Response addSigner(String user, String task, String signer, String position) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("userId", signer);
    b.put("position", position);
    b.put("reason", "请协助审核");
    return as(user).post("/api/tasks/" + task + "/add-signer", b);
  }

  private List<String> actions(String key) {
    return cases.timeline(key).stream().map(CaseEvent::action).toList();
  }

  private JsonNode startProcess(String user, String processKey, Map<String, Object> variables) {
    Response r = as(user).post("/engine-rest/process-definition/key/" + processKey + "/start",
        RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** A zaozhi move-in filed by he.grid; zaozhi's staff verify it. */
  private JsonNode fileMoveIn() {
    Map<String, Object> v = new HashMap<>();
    v.put("moveType", "move-in");
    v.put("residentType", "migrant");
    v.put("name", "王小明");
    v.put("idNumber", nextIdNumber());
    v.put("phone", "13907920001");
    v.put("occupation", "个体经营");
    v.put("address", "浔阳区湓城街道造纸社区滨江路 18 号");
    v.put("building", "3 栋");
    v.put("movedOn", Clock.today().toString());
    return startProcess("he.grid", "resident-move", v);
  }

  /** A 1,280-yuan expense of chen.staff: zaozhi's director, then the social affairs office. */
  private JsonNode startExpense() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("amount", 1280);
    v.put("category", "repairs");
    v.put("purpose", "活动室门锁维修");
    v.put("handler", "陈静");
    v.put("witness", "刘洋");
    return startProcess("chen.staff", "expense-approval", v);
  }

  private static final AtomicInteger NEXT_ID = new AtomicInteger(500);
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  /** A fresh valid identity number (born 5 May 1985 in 浔阳区), distinct from other tests' numbers. */
  private static String nextIdNumber() {
    String first17 = "36040319850505" + String.format("%03d", NEXT_ID.getAndIncrement());
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }
}
