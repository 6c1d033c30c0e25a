package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.incident.IncidentRestTest;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A grid worker tried to stop the escalation of his own community's incident by executing its timer
 * job by hand: each call was refused with 403, yet each counted as a job failure (retries 3 → 0, an
 * engine incident, no escalation), and he could read the failure's stack trace. A refused command
 * changes nothing, on every job route. Failed before the fix.
 */
class JobRefusalAttackTest extends AttackSupport {

  /** What a job looks like to the administrator: retries, suspension, due date, its log and incidents. */
  private String state(String jobId, String processInstanceId) {
    JsonNode job = as("admin").get("/engine-rest/job/" + jobId).json();
    long log = as("admin").get("/engine-rest/history/job-log/count?jobId=" + jobId).json().get("count").asLong();
    long incidents = as("admin").get("/engine-rest/incident/count?processInstanceId=" + processInstanceId).json()
        .get("count").asLong();
    return "retries=" + job.get("retries") + " suspended=" + job.get("suspended") + " due=" + job.get("dueDate")
        + " exception=" + job.get("exceptionMessage") + " log=" + log + " incidents=" + incidents;
  }

  @Test
  @DisplayName("A grid worker's refused job commands use no retry, log no failure and raise no incident")
  void refusedJobCommandsChangeNothing() {
    Response started = as("he.grid").post(IncidentRestTest.START, RestClient.variables(IncidentRestTest.report()));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().get("id").asText();
    JsonNode jobs = as("admin").get("/engine-rest/job?processInstanceId=" + pid).json();
    assertThat(jobs.size()).as("the escalation timer").isPositive();
    String jobId = jobs.get(0).get("id").asText();
    String before = state(jobId, pid);

    List<Response> refused = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refused.add(as("he.grid").post("/engine-rest/job/" + jobId + "/execute", Map.of()));
    }
    refused.add(as("he.grid").put("/engine-rest/job/" + jobId + "/retries", Map.of("retries", 0)));
    refused.add(as("he.grid").put("/engine-rest/job/" + jobId + "/suspended", Map.of("suspended", true)));
    refused.add(as("he.grid").put("/engine-rest/job/" + jobId + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0800")));
    refused.add(as("he.grid").post("/engine-rest/job/" + jobId + "/duedate/recalculate", Map.of()));
    refused.add(as("he.grid").put("/engine-rest/job/suspended", Map.of("processInstanceId", pid, "suspended", true)));
    refused.add(as("he.grid").post("/engine-rest/job/retries", Map.of("jobIds", List.of(jobId), "retries", 0)));
    refused.add(as("he.grid").put("/engine-rest/job-definition/" + jobs.get(0).get("jobDefinitionId").asText()
        + "/retries", Map.of("retries", 0)));
    for (Response r : refused) {
      assertThat(r.status()).as(r.body()).isIn(403, 404);
    }
    assertThat(state(jobId, pid)).isEqualTo(before);
    assertThat(as("admin").get("/engine-rest/history/job-log?jobId=" + jobId + "&failureLog=true").json()).isEmpty();

    // The stack trace of a job's failure is for the administrator only.
    assertThat(as("he.grid").get("/engine-rest/job/" + jobId + "/stacktrace").status()).isIn(403, 404);
    JsonNode log = as("admin").get("/engine-rest/history/job-log?jobId=" + jobId).json();
    assertThat(log.size()).isPositive();
    String logId = log.get(0).get("id").asText();
    assertThat(as("he.grid").get("/engine-rest/history/job-log/" + logId + "/stacktrace").status()).isIn(403, 404);
  }
}
