package cn.shequflow.core.security;

import cn.shequflow.support.WebappSession;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.RestClient.Response;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An unknown id is 404, never 500; a real server error stays 500; no body shows SQL or Java internals. */
class UnknownIdsTest extends RestTestSupport {

  /** Each answered 500 before (NullValueException, a wrapped one, or a NullPointerException). */
  static final List<String> UNKNOWN = List.of(
      "/engine-rest/task/does-not-exist/variables",
      "/engine-rest/task/nope/variables/x",
      "/engine-rest/task/nope/localVariables",
      "/engine-rest/task/nope/localVariables/x",
      "/engine-rest/task/nope/deployed-form",
      "/engine-rest/task/nope/rendered-form",
      "/engine-rest/task/nope/identity-links",
      "/engine-rest/process-instance/nope/variables",
      "/engine-rest/process-instance/nope/variables/x",
      "/engine-rest/execution/nope/localVariables",
      "/engine-rest/execution/nope/localVariables/x",
      "/engine-rest/process-definition/nope/statistics");


  static void assertClean(Response r) {
    assertThat(r.body()).doesNotContainIgnoringCase("select ").doesNotContain("###", "ACT_RU_", "ACT_HI_",
        "java.", "org.camunda", "\tat ", "NullPointer", "NullValue");
  }

  @Test
  @DisplayName("Unknown ids: 404 with a Chinese message, for staff and for the administrator")
  void unknownIds() {
    for (String user : List.of("liu.staff", "admin")) {
      for (String path : UNKNOWN) {
        Response r = RestClient.as(port, user).get(path);
        assertThat(r.status()).as("%s %s: %s", user, path, r.body()).isEqualTo(404);
        assertThat(r.json().get("message").asText()).contains("未找到");
        assertClean(r);
      }
    }
    Response drd = RestClient.as(port, "admin").get("/engine-rest/history/decision-requirements-definition/nope/statistics");
    assertThat(drd.status()).as(drd.body()).isEqualTo(404);
    assertClean(drd);
    assertThat(RestClient.as(port, "liu.staff").get("/engine-rest/history/decision-requirements-definition/nope/statistics")
        .status()).as("statistics are not for staff at all").isIn(403, 404);
    Response formVariables = RestClient.as(port, "liu.staff").get("/engine-rest/task/nope/form-variables");
    assertThat(formVariables.status()).as(formVariables.body()).isIn(400, 404);
  }

  @Test
  @DisplayName("Through Tasklist's engine API too: unknown ids 404, refused input 400 naming the field")
  void tasklistRoute() {
    WebappSession tasklist = WebappSession.login(port, "chen.staff", "tasklist");
    for (String path : List.of("/task/does-not-exist/variables", "/process-instance/nope/variables",
        "/execution/nope/localVariables", "/task/nope/deployed-form")) {
      Response r = tasklist.get("/camunda/api/engine/engine/default" + path);
      assertThat(r.status()).as("%s: %s", path, r.body()).isEqualTo(404);
      assertClean(r);
    }
    String start = cn.shequflow.core.process.Clock.today().plusDays(9).toString();
    Response refused = tasklist.post("/camunda/api/engine/engine/default/process-definition/key/leave-request/submit-form",
        "{\"variables\":{\"leaveType\":{\"value\":\"personal\"},\"startDate\":{\"value\":\"" + start
            + "\"},\"endDate\":{\"value\":\"" + start + "\"},\"days\":{\"value\":1.3},\"reason\":{\"value\":\"x\"}}}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("field").asText()).isEqualTo("days");
  }

  @Test
  @DisplayName("An entity that exists is never reported missing; a value too long for its column is 400 (issue 16), with no SQL in its body")
  void realServerErrorStays500() {
    Response r = RestClient.as(port, "admin").post("/engine-rest/task/create",
        Map.of("id", "too-long-name", "name", "名".repeat(5000)));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertClean(r);
    assertThat(engine.getTaskService().createTaskQuery().taskId("too-long-name").count()).isZero();

    Task task = engine.getTaskService().newTask("exists-" + System.nanoTime());
    engine.getTaskService().saveTask(task);
    try {
      assertThat(EngineRestErrors.missingEntity(engine, "task/" + task.getId() + "/variables")).isNull();
      assertThat(EngineRestErrors.missingEntity(engine, "task/nope/variables")).contains("未找到");
      assertThat(EngineRestErrors.missingEntity(engine, "task/create")).isNull();
    } finally {
      engine.getTaskService().deleteTask(task.getId(), true);
    }
  }
}
