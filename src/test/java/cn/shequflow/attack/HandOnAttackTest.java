package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * TaskHandOnGuard reads the target of AssignTaskCmd from the field "value", but in Camunda 7.24
 * AssignTaskCmd extends AbstractAddIdentityLinkCmd and carries the user in "userId"; "value" is
 * always null. Every "assign to X" is therefore judged as an unclaim, which the current assignee may
 * do, and then runs with the product's rights (Elevation): the assignee of any approval task can
 * hand it to anybody — another community, or the applicant himself. Failed before the fix (the guard read the wrong field).
 */
class HandOnAttackTest extends AttackSupport {

  private String claimedByZhang(String instanceId) {
    String task = onlyTask("zhang.director", instanceId);
    Response claim = as("zhang.director").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "zhang.director"));
    assertThat(claim.status()).as(claim.body()).isEqualTo(204);
    return task;
  }

  @Test
  @DisplayName("The assignee cannot hand a zaozhi approval to taiping's director")
  void assigneeCannotHandApprovalToAnotherCommunity() {
    JsonNode pi = start("liu.staff");
    String id = pi.get("id").asText();
    String task = claimedByZhang(id);

    Response assign = as("zhang.director").post("/engine-rest/task/" + task + "/assignee", Map.of("userId", "gao.director"));

    assertThat(assign.status()).as(assign.body()).isEqualTo(403);
    assertThat(as("gao.director").get("/engine-rest/task?processInstanceId=" + id).json()).isEmpty();
  }

  @Test
  @DisplayName("The applicant never gets, and never decides, his own approval")
  void applicantCannotReceiveOwnApproval() {
    JsonNode pi = start("liu.staff");
    String id = pi.get("id").asText();
    String businessKey = pi.get("businessKey").asText();
    String task = claimedByZhang(id);

    Response assign = as("zhang.director").post("/engine-rest/task/" + task + "/assignee", Map.of("userId", "liu.staff"));
    Response self = as("liu.staff").post("/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", true), "comment", Map.of("value", "自己批准"))));

    assertThat(assign.status()).as(assign.body()).isEqualTo(403);
    assertThat(self.status()).as(self.body()).isIn(403, 404);
    assertThat(as("liu.staff").get("/api/cases/" + businessKey).json().get("status").asText()).isEqualTo("pending");
  }
}
