package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequflow.core.organisation.OrganisationMapper;
import cn.shequflow.support.ApprovalOperationsTestSupport;
import cn.shequflow.support.ExtraDirector;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The routes a task holder can call beside the product's own 转办/委派 (issue 18: 认领并办理, 委派 below
 * the owner), over /engine-rest and Tasklist's API: Camunda's own {@code resolve}, {@code delegate}
 * and {@code assignee}. Each must keep the rules the product's operations keep — a task is handed on
 * by the person who holds it, a delegation keeps the decision with the person who delegates (ORG-2),
 * the applicant's own task stays his — and a refusal changes nothing (the task, its history and
 * operation log, the timeline, the notices, the audit log's successes).
 */
class TaskHolderAttackTest extends ApprovalOperationsTestSupport {

  /** A second director of zaozhi: a colleague in the same candidate group. */
  static final String VICE = "vice2.zaozhi";

  @Autowired IdentityService identity;
  @Autowired OrganisationMapper people;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void vice() {
    new ExtraDirector(identity, people, jdbc).add(VICE, "孙", "zaozhi", true);
  }

  @AfterEach
  void noVice() {
    new ExtraDirector(identity, people, jdbc).remove(VICE);
  }

  /** What a refusal must leave as it was. */
  record Trace(String assignee, String owner, String delegation, long links, long operations, List<String> timeline,
      int notices, long audited, String status) {}

  Trace trace(String taskId, String key) {
    Task t = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(t).as("task %s still open", taskId).isNotNull();
    long links = historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).count();
    long ops = historyService.createUserOperationLogQuery().taskId(taskId).count();
    int notices = jdbc.queryForObject("select count(*) from notification where business_key = ?", Integer.class, key);
    long audited = jdbc.queryForObject("select count(*) from audit_entry where outcome = 'ok' and action <> 'login'",
        Long.class);
    return new Trace(t.getAssignee(), t.getOwner(), String.valueOf(t.getDelegationState()), links, ops, actions(key),
        notices, audited, caseOf(key).status());
  }

  JsonNode leave() {
    return startProcess("liu.staff", "leave-request", AttackSupport.leave());
  }

  Response post(String user, String path, Object body) {
    return as(user).post(path, body);
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("LV-4: the applicant cannot drop his own report-back (销假) task with REST resolve; it stays his, nothing is written")
  void resolveOwnTaskWithoutDelegation() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    approve("zhang.director", id);
    String reportBack = onlyTaskId("liu.staff", id);
    Trace before = trace(reportBack, key);
    assertThat(before.assignee()).isEqualTo("liu.staff");

    String returnedOn = AttackSupport.leave().get("endDate").toString();
    Response resolve = post("liu.staff", "/engine-rest/task/" + reportBack + "/resolve",
        RestClient.variables(Map.of("returnedOn", returnedOn)));
    assertThat(resolve.status()).as(resolve.body()).isEqualTo(409);
    assertThat(resolve.json().get("message").asText()).containsPattern("\\p{IsHan}");
    WebappSession session = WebappSession.login(port, "liu.staff", "tasklist");
    Response webapp = session.post("/camunda/api/engine/engine/default/task/" + reportBack + "/resolve",
        "{\"variables\":{\"returnedOn\":{\"value\":\"" + returnedOn + "\"}}}");
    assertThat(webapp.status()).as(webapp.body()).isEqualTo(409);

    assertThat(trace(reportBack, key)).isEqualTo(before);
    assertThat(onlyTaskId("liu.staff", id)).isEqualTo(reportBack);
  }

  @Test
  @DisplayName("ORG-2/回避: a director who claimed an approval cannot resolve it (a hidden unclaim that leaves his 'yes' for the next one); 409, nothing written")
  void resolveClaimedApprovalWithoutDelegation() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    assertThat(post("zhang.director", "/engine-rest/task/" + task + "/claim", Map.of("userId", "zhang.director")).status())
        .isEqualTo(204);
    Trace before = trace(task, key);

    Response resolve = post("zhang.director", "/engine-rest/task/" + task + "/resolve",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(resolve.status()).as(resolve.body()).isEqualTo(409);
    assertThat(trace(task, key)).isEqualTo(before);
    assertThat(runtime.getVariableLocal(taskService.createTaskQuery().taskId(task).singleResult().getExecutionId(),
        "approved")).isNull();
  }

  @Test
  @DisplayName("ORG-2: 委派 over /engine-rest of a task nobody has claimed keeps the decision with the person who delegates (or is refused and writes nothing)")
  void engineDelegationOfUnclaimedTask() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    Trace before = trace(task, key);

    Response delegate = post("zhang.director", "/engine-rest/task/" + task + "/delegate", Map.of("userId", "chen.staff"));
    if (delegate.status() != 204) {
      assertThat(delegate.status()).as(delegate.body()).isEqualTo(409);
      assertThat(delegate.json().get("message").asText()).containsPattern("\\p{IsHan}");
      assertThat(trace(task, key)).isEqualTo(before);
      return;
    }
    Task t = taskService.createTaskQuery().taskId(task).singleResult();
    assertThat(t.getOwner()).as("the person who delegates gets it back and decides").isEqualTo("zhang.director");
  }

  @Test
  @DisplayName("ORG-2: a colleague of the same post cannot take (assign to himself) or delegate a task another has claimed, over /engine-rest or Tasklist's API; 409, nothing written")
  void colleagueCannotTakeClaimedTask() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    assertThat(post("zhang.director", "/engine-rest/task/" + task + "/claim", Map.of("userId", "zhang.director")).status())
        .isEqualTo(204);
    Trace before = trace(task, key);

    for (Response r : List.of(
        post(VICE, "/engine-rest/task/" + task + "/assignee", Map.of("userId", VICE)),
        post(VICE, "/engine-rest/task/" + task + "/delegate", Map.of("userId", "chen.staff")),
        post(VICE, "/engine-rest/task/" + task + "/delegate", Map.of("userId", VICE)))) {
      assertThat(r.status()).as(r.body()).isEqualTo(409);
      assertThat(r.json().get("message").asText()).containsPattern("\\p{IsHan}");
    }
    WebappSession session = WebappSession.login(port, VICE, "tasklist");
    Response webapp = session.post("/camunda/api/engine/engine/default/task/" + task + "/assignee",
        "{\"userId\":\"" + VICE + "\"}");
    assertThat(webapp.status()).as(webapp.body()).isEqualTo(409);
    assertThat(trace(task, key)).isEqualTo(before);
    assertThat(post(VICE, "/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", false, "comment", "抢先驳回"))).status()).isEqualTo(409);
    assertThat(trace(task, key)).isEqualTo(before);
  }

  @Test
  @DisplayName("ORG-2: making oneself the owner of a task nobody has claimed (or giving it another owner) is refused, so an 'owner' cannot later take a colleague's claimed task; nothing written")
  void ownerIsNoBackDoor() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    Trace before = trace(task, key);
    // The vice director makes himself the owner while the task waits unclaimed in the group.
    Response selfOwner = post(VICE, "/engine-rest/task/" + task + "/identity-links", Map.of("userId", VICE, "type", "owner"));
    assertThat(selfOwner.status()).as(selfOwner.body()).isBetween(403, 409);
    assertThat(selfOwner.json().get("message").asText()).containsPattern("\\p{IsHan}");
    assertThat(trace(task, key)).isEqualTo(before);

    // The director claims it; the vice director cannot become its owner now either, nor take it.
    assertThat(post("zhang.director", "/engine-rest/task/" + task + "/claim", Map.of("userId", "zhang.director")).status())
        .isEqualTo(204);
    Trace claimed = trace(task, key);
    for (Response r : List.of(
        post(VICE, "/engine-rest/task/" + task + "/identity-links", Map.of("userId", VICE, "type", "owner")),
        post(VICE, "/engine-rest/task/" + task + "/assignee", Map.of("userId", VICE)))) {
      assertThat(r.status()).as(r.body()).isBetween(403, 409);
    }
    // Nor does the holder give the task an owner other than himself (that owner could then take it).
    Response other = post("zhang.director", "/engine-rest/task/" + task + "/identity-links", Map.of("userId", VICE, "type", "owner"));
    assertThat(other.status()).as(other.body()).isBetween(403, 409);
    assertThat(trace(task, key)).isEqualTo(claimed);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("zhang.director");

    // The same rule holds for Java callers (TaskService#setOwner, which no REST route reaches).
    identity.setAuthentication(VICE, List.of("zaozhi-director", "shequ-users"));
    try {
      assertThatThrownBy(() -> taskService.setOwner(task, VICE)).isInstanceOf(RuntimeException.class);
    } finally {
      identity.clearAuthentication();
    }
    identity.setAuthentication("zhang.director", List.of("zaozhi-director", "shequ-users"));
    try {
      assertThatThrownBy(() -> taskService.setOwner(task, VICE)).isInstanceOf(RuntimeException.class);
      taskService.setOwner(task, "zhang.director"); // his own claimed task: allowed
    } finally {
      identity.clearAuthentication();
    }
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getOwner()).isEqualTo("zhang.director");
  }

  @Test
  @DisplayName("ORG-2: 委派 over /engine-rest to oneself is refused like the product's 委派 (不能交给自己); nothing written")
  void delegateToOneself() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    assertThat(post("zhang.director", "/engine-rest/task/" + task + "/claim", Map.of("userId", "zhang.director")).status())
        .isEqualTo(204);
    Trace before = trace(task, key);
    Response r = post("zhang.director", "/engine-rest/task/" + task + "/delegate", Map.of("userId", "zhang.director"));
    assertThat(r.status()).as(r.body()).isBetween(400, 409);
    assertThat(trace(task, key)).isEqualTo(before);
  }

  @Test
  @DisplayName("ORG-5/回避, 认领并办理: no one of another post, another community or the street takes a director's task by completing it, by any API; nothing written")
  void claimOnCompleteOfAnotherPost() {
    JsonNode pi = leave();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    Trace before = trace(task, key);
    Map<String, Object> yes = RestClient.variables(Map.of("approved", true, "comment", "同意"));
    for (String user : List.of("chen.staff", "he.grid", "zhou.liaison", "qian.social", "wang.principal", "gao.director",
        "liu.staff")) {
      for (String op : List.of("complete", "submit-form", "resolve")) {
        Response r = post(user, "/engine-rest/task/" + task + "/" + op, yes);
        assertThat(r.status()).as(user + " " + op + ": " + r.body()).isIn(403, 404, 409);
      }
      WebappSession session = WebappSession.login(port, user, "tasklist");
      Response webapp = session.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
          "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"同意\"}}}");
      assertThat(webapp.status()).as(user + " webapp: " + webapp.body()).isIn(403, 404, 409);
    }
    assertThat(trace(task, key)).isEqualTo(before);
  }
}
