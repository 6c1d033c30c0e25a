package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Camunda checks no permission on jobs without a process definition ("standalone" jobs): the
 * history-cleanup job is listed to every staff member, who may suspend it, zero its retries or
 * move it to 2099, so history is never cleaned. Failed before the fix.
 */
class StandaloneJobAttackTest extends AttackSupport {

  @Test
  @DisplayName("A staff member cannot suspend or reschedule the history-cleanup job")
  void staffCannotStopHistoryCleanup() {
    JsonNode jobs = as("admin").get("/engine-rest/history/cleanup/jobs").json();
    assumeThat(jobs.size()).as("history cleanup job scheduled").isPositive();
    String job = jobs.get(0).get("id").asText();

    Response suspend = as("ma.staff").put("/engine-rest/job/" + job + "/suspended", Map.of("suspended", true));
    Response due = as("ma.staff").put("/engine-rest/job/" + job + "/duedate", Map.of("duedate", "2099-01-01T00:00:00.000+0800"));
    Response retries = as("ma.staff").put("/engine-rest/job/" + job + "/retries", Map.of("retries", 0));

    assertThat(suspend.status()).as(suspend.body()).isEqualTo(403);
    assertThat(due.status()).as(due.body()).isEqualTo(403);
    assertThat(retries.status()).as(retries.body()).isEqualTo(403);
  }
}
