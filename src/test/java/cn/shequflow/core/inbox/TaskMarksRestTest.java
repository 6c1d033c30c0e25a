package cn.shequflow.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.ApprovalOperationsTestSupport;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An urged or returned task is marked in its holder's list (issue 18): GET /api/tasks/marks. */
class TaskMarksRestTest extends ApprovalOperationsTestSupport {

  private JsonNode marks(String user, String taskId) {
    Response r = as(user).get("/api/tasks/marks?taskId=" + taskId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  @DisplayName("催办 marks the director's task with who urged and why; the task of a return shows the reason")
  void urgedAndReturned() {
    JsonNode pi = startProcess("liu.staff", "leave-request", leave(1));
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    assertThat(marks("zhang.director", task)).as("nothing to mark yet").isEmpty();

    assertThat(as("liu.staff").post("/api/cases/" + key + "/urge", Map.of("note", "下周一出发")).status()).isEqualTo(200);
    JsonNode urged = marks("zhang.director", task);
    assertThat(urged).hasSize(1);
    assertThat(urged.get(0).get("taskId").asText()).isEqualTo(task);
    assertThat(urged.get(0).get("urgedBy").asText()).isNotBlank();
    assertThat(urged.get(0).get("urgeNote").asText()).isEqualTo("下周一出发");
    assertThat(urged.get(0).get("returned").asBoolean()).isFalse();
    assertThat(marks("gao.director", task)).as("a task the caller cannot read is left out").isEmpty();

    // The timeline keeps times to the second (MySQL): the return comes a little later than the urge.
    org.camunda.bpm.engine.impl.util.ClockUtil.offset(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis() + 2000);
    assertThat(returnTask("zhang.director", task, "reviseLeave", "请补充交接安排").status()).isEqualTo(200);
    String revise = onlyTaskId("liu.staff", id);
    JsonNode returned = marks("liu.staff", revise);
    assertThat(returned).hasSize(1);
    assertThat(returned.get(0).get("returned").asBoolean()).isTrue();
    assertThat(returned.get(0).get("returnReason").asText()).contains("请补充交接安排");
    assertThat(returned.get(0).get("urgedAt").isNull()).as("the urge was for the director's task").isTrue();
  }

  @Test
  @DisplayName("IN-3, IN-5: an incident's task carries its light in words (正常) and an emergency stands out as 紧急; "
      + "the form reads the light in words, not GREEN")
  void incidentBadges() {
    Map<String, Object> routine = cn.shequflow.incident.IncidentRestTest.report();
    JsonNode pi = startProcess("he.grid", "incident-report", routine);
    String task = onlyTaskId("zhang.director", pi.get("id").asText());
    JsonNode mark = marks("zhang.director", task);
    assertThat(mark).hasSize(1);
    assertThat(mark.get(0).get("badges").toString()).isEqualTo("[{\"kind\":\"green\",\"label\":\"正常\"}]");
    Response form = as("zhang.director").get("/engine-rest/task/" + task + "/form-variables");
    assertThat(form.json().at("/slaLabel/value").asText()).isEqualTo("正常");

    Map<String, Object> emergency = cn.shequflow.incident.IncidentRestTest.report();
    emergency.put("severity", "emergency");
    JsonNode urgent = startProcess("he.grid", "incident-report", emergency);
    List<JsonNode> open = tasksOf("he.grid", urgent.get("id").asText());
    open.addAll(tasksOf("zhang.director", urgent.get("id").asText()));
    assertThat(open).isNotEmpty();
    String user = tasksOf("zhang.director", urgent.get("id").asText()).isEmpty() ? "he.grid" : "zhang.director";
    JsonNode urgentMark = marks(user, open.get(0).get("id").asText());
    assertThat(urgentMark.get(0).get("badges").get(0).get("label").asText()).isEqualTo("紧急");
  }

  @Test
  @DisplayName("Too many or malformed task ids: 400 naming taskId")
  void badIds() {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      q.append(i == 0 ? "?" : "&").append("taskId=t").append(i);
    }
    Response many = as("liu.staff").get("/api/tasks/marks" + q);
    assertThat(many.status()).isEqualTo(400);
    assertThat(many.json().get("field").asText()).isEqualTo("taskId");
    Response blank = as("liu.staff").get("/api/tasks/marks?taskId=%20");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().get("field").asText()).isEqualTo("taskId");
  }
}
