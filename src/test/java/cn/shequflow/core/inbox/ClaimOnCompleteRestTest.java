package cn.shequflow.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import cn.shequflow.residence.ResidentIds;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18, 认领并办理: a person who completes an unclaimed task of his post (Tasklist's 完成, REST
 * {@code complete} or {@code submit-form}) claims it in the same command — no separate claim on the
 * way to a decision, and history names him. The claim keeps its rules: a party to the case (回避)
 * or a person of another community (ORG-5) is refused, and a refusal writes nothing.
 */
class ClaimOnCompleteRestTest extends RestTestSupport {

  @Autowired JdbcTemplate jdbc;

  /**
   * What a refusal must leave as it was: the task, its history, the operation log, the timeline and
   * the audit log's successes (a refusal leaves only its own "refused" row; the administrator's
   * reads of this check are audited and not counted).
   */
  record Trace(String assignee, int historyAssignments, int operations, int timeline, long audited) {}

  Trace trace(String taskId, String businessKey) {
    JsonNode task = as("admin").get("/engine-rest/task/" + taskId).json();
    int links = as("admin").get("/engine-rest/history/identity-link-log?taskId=" + taskId + "&type=assignee").json().size();
    int ops = as("admin").get("/engine-rest/history/user-operation?taskId=" + taskId).json().size();
    int timeline = as("admin").get("/api/cases/" + businessKey + "/timeline").json().size();
    long audited = jdbc.queryForObject("select count(*) from audit_entry where outcome = 'ok' and actor_id <> 'admin'", Long.class);
    return new Trace(task.get("assignee").isNull() ? null : task.get("assignee").asText(), links, ops, timeline, audited);
  }

  static Map<String, Object> approve(String comment) {
    return RestClient.variables(Map.of("approved", true, "comment", comment));
  }

  @Test
  @DisplayName("认领并办理: the director submits the unclaimed leave approval of his post in one request; history and the timeline name him")
  void oneStep() {
    JsonNode instance = start("liu.staff", leave(1));
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", pid);
    assertThat(as("admin").get("/engine-rest/task/" + taskId).json().get("assignee").isNull()).isTrue();

    Response done = as("zhang.director").post("/engine-rest/task/" + taskId + "/submit-form", approve("情况属实，同意。"));
    assertThat(done.status()).as(done.body()).isEqualTo(204);

    JsonNode history = as("admin").get("/engine-rest/history/task?taskId=" + taskId).json().get(0);
    assertThat(history.get("assignee").asText()).isEqualTo("zhang.director");
    assertThat(history.get("deleteReason").asText()).isEqualTo("completed");
    JsonNode ops = as("admin").get("/engine-rest/history/user-operation?taskId=" + taskId + "&operationType=Claim").json();
    assertThat(ops).as("the claim is logged as Camunda's own claim").isNotEmpty();
    assertThat(ops.get(0).get("userId").asText()).isEqualTo("zhang.director");
    JsonNode decision = null;
    for (JsonNode e : as("liu.staff").get("/api/cases/" + key + "/timeline").json()) {
      if ("approve".equals(e.get("action").asText())) {
        decision = e;
      }
    }
    assertThat(decision).isNotNull();
    assertThat(decision.get("userId").asText()).isEqualTo("zhang.director");
    assertThat(decision.get("comment").asText()).isEqualTo("情况属实，同意。");
    assertThat(tasksOf("liu.staff", pid)).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("reportBack");
    assertThat(as("zhang.director").get("/api/tasks/done").body()).contains(key);
  }

  @Test
  @DisplayName("认领并办理 by REST complete works the same; a task claimed by someone else is still 409 for the others")
  void completeAndClaimedByOther() {
    JsonNode instance = start("chen.staff", leave(1));
    String taskId = onlyTaskId("zhang.director", instance.get("id").asText());
    Response done = as("zhang.director").post("/engine-rest/task/" + taskId + "/complete", approve("同意。"));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(as("admin").get("/engine-rest/history/task?taskId=" + taskId).json().get(0).get("assignee").asText())
        .isEqualTo("zhang.director");
  }

  @Test
  @DisplayName("回避, 认领并办理: huang.bookkeeper (also staff, a candidate) cannot claim her own filing's verification by completing it; nothing is written")
  void partyRefusedWritesNothing() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("moveType", "move-in");
    v.put("residentType", "registered");
    v.put("name", "王小明");
    v.put("idNumber", ResidentIds.next());
    v.put("phone", "13907920001");
    v.put("occupation", "个体经营");
    v.put("address", "浔阳区湓城街道造纸社区滨江路 18 号");
    v.put("building", "3 栋");
    v.put("movedOn", Clock.today().toString());
    Response started = as("huang.bookkeeper").post("/engine-rest/process-definition/key/resident-move/start",
        RestClient.variables(v));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String key = started.json().get("businessKey").asText();
    String verify = onlyTaskId("huang.bookkeeper", started.json().get("id").asText());
    Trace before = trace(verify, key);

    Response complete = as("huang.bookkeeper").post("/engine-rest/task/" + verify + "/submit-form",
        approve("核实无误"));
    assertThat(complete.status()).as(complete.body()).isEqualTo(403);
    assertThat(complete.json().get("message").asText()).contains("回避");
    assertThat(trace(verify, key)).isEqualTo(before);
    assertThat(before.assignee()).isNull();
  }

  @Test
  @DisplayName("ORG-5, 认领并办理: taiping's director cannot take zaozhi's leave approval by completing it; nothing is written")
  void otherCommunityRefusedWritesNothing() {
    JsonNode instance = start("liu.staff", leave(1));
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", instance.get("id").asText());
    Trace before = trace(taskId, key);

    Response complete = as("gao.director").post("/engine-rest/task/" + taskId + "/submit-form", approve("同意。"));
    assertThat(complete.status()).as(complete.body()).isIn(403, 404);
    assertThat(trace(taskId, key)).isEqualTo(before);
    assertThat(before.assignee()).isNull();
  }
}
