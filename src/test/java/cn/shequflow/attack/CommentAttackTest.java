package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient.Response;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * AddCommentCmd checks no permission at all; the REST resource only asks that the caller can read
 * the task's history. So a street leader with READ_HISTORY writes comments onto any community's
 * task he does not hold, and onto any other process instance. Failed before the fix (200).
 */
class CommentAttackTest extends AttackSupport {

  @Test
  @DisplayName("Someone who does not hold a taiping task cannot write a comment onto it (was 200)")
  void nonHolderCannotComment() {
    String taiping = start("ma.staff").get("id").asText();
    String task = onlyTask("gao.director", taiping);

    Response r = as("li.leader").post("/engine-rest/task/" + task + "/comment/create", Map.of("message", "x"));

    // The REST resource reports the engine's refusal as 400 "Not enough parameters submitted".
    assertThat(r.status()).as(r.body()).isIn(400, 403, 404);
    assertThat(as("admin").get("/engine-rest/task/" + task + "/comment").json()).as("no comment written").isEmpty();
  }
}
