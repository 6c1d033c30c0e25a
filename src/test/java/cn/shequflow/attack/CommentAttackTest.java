package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient.Response;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * AddCommentCmd checks no permission at all; the REST resource only asks that the caller can read
 * the task's history. So a street leader with READ_HISTORY writes comments onto any community's
 * task he does not hold, and onto any other process instance. FAILS today (200).
 */
class CommentAttackTest extends AttackSupport {

  @Test
  @DisplayName("Someone who does not hold a taiping task cannot write a comment onto it (FAILS today)")
  void nonHolderCannotComment() {
    String taiping = start("ma.staff").get("id").asText();
    String task = onlyTask("gao.director", taiping);

    Response r = as("li.leader").post("/engine-rest/task/" + task + "/comment/create", Map.of("message", "x"));

    assertThat(r.status()).as(r.body()).isIn(403, 404);
  }
}
