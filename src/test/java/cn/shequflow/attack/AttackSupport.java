package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared steps of the attack tests: a one-day staff leave and the task of its approver. */
abstract class AttackSupport extends RestTestSupport {

  static Map<String, Object> leave() {
    LocalDate start = cn.shequflow.core.process.Clock.today().plusDays(7);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("leaveType", "personal");
    v.put("startDate", start.toString());
    v.put("endDate", start.toString());
    v.put("days", 1);
    v.put("reason", "家中有事");
    return v;
  }

  JsonNode start(String user) {
    Response r = as(user).post("/engine-rest/process-definition/key/leave-request/start", RestClient.variables(leave()));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  String onlyTask(String user, String instanceId) {
    Response r = as(user).get("/engine-rest/task?processInstanceId=" + instanceId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).as("tasks of %s for %s", instanceId, user).hasSize(1);
    return r.json().get(0).get("id").asText();
  }
}
