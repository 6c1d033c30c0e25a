package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.RestClient.Response;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A process's task cannot be deleted on its own: 403 for people below admin, 400 for the administrator. */
class ProcessTaskDeletionTest extends RestTestSupport {

  @Autowired TaskService tasks;

  @Test
  @DisplayName("DELETE /engine-rest/task/{id} of a leave approval: 403 / 400, never 500; the task stays")
  void deleteProcessTask() {
    LocalDate start = cn.shequflow.core.process.Clock.today().plusDays(12);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("leaveType", "personal");
    v.put("startDate", start.toString());
    v.put("endDate", start.toString());
    v.put("days", 1);
    v.put("reason", "体检");
    Response started = RestClient.as(port, "he.grid").post("/engine-rest/process-definition/key/leave-request/start",
        RestClient.variables(v));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().get("id").asText();
    String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();

    for (String user : List.of("zhang.director", "he.grid", "gao.director")) {
      Response r = RestClient.as(port, user).delete("/engine-rest/task/" + taskId);
      assertThat(r.status()).as("%s: %s", user, r.body()).isEqualTo(403);
      assertThat(r.json().get("message").asText()).contains("流程中的任务不能删除");
    }
    Response admin = RestClient.as(port, "admin").delete("/engine-rest/task/" + taskId);
    assertThat(admin.status()).as(admin.body()).isEqualTo(400);
    assertThat(admin.json().get("message").asText()).contains("属于正在进行的流程");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }
}
