package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two people in one candidate group (every real community has several staff; the demo groups have
 * one each, so the administrator adds a second zaozhi director). Claiming a task a colleague has
 * claimed answers 500, and a colleague may decide a task someone else has claimed. Each failed before the fix.
 */
class ClaimConflictAttackTest extends AttackSupport {

  private static final String SECOND = "zhao.director";
  private static final String PASSWORD = "Demo-Pass1!x";

  @BeforeEach
  void secondDirector() {
    if (as("admin").get("/engine-rest/user/" + SECOND + "/profile").status() == 200) {
      return;
    }
    Map<String, Object> profile = new HashMap<>();
    profile.put("id", SECOND);
    profile.put("firstName", "赵");
    profile.put("lastName", "");
    Response created = as("admin").post("/engine-rest/user/create",
        Map.of("profile", profile, "credentials", Map.of("password", PASSWORD)));
    assertThat(created.status()).as(created.body()).isEqualTo(204);
    assertThat(as("admin").put("/engine-rest/group/zaozhi-director/members/" + SECOND, Map.of()).status()).isEqualTo(204);
  }

  @AfterEach
  void removeSecondDirector() {
    as("admin").delete("/engine-rest/group/zaozhi-director/members/" + SECOND);
    as("admin").delete("/engine-rest/user/" + SECOND);
  }

  private String claimedByZhang() {
    String task = onlyTask("zhang.director", start("liu.staff").get("id").asText());
    assertThat(as("zhang.director").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "zhang.director"))
        .status()).isEqualTo(204);
    return task;
  }

  @Test
  @DisplayName("Claiming a task a colleague has claimed is 4xx, not 500 (was 500 TaskAlreadyClaimedException)")
  void claimingAClaimedTask() {
    String task = claimedByZhang();
    Response r = RestClient.as(port, SECOND, PASSWORD).post("/engine-rest/task/" + task + "/claim", Map.of("userId", SECOND));
    assertThat(r.status()).as(r.body()).isBetween(400, 499);
  }

  @Test
  @DisplayName("A colleague cannot decide a task someone else has claimed (was 204)")
  void completingAClaimedTask() {
    String task = claimedByZhang();
    Response r = RestClient.as(port, SECOND, PASSWORD).post("/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", false), "comment", Map.of("value", "抢先驳回"))));
    assertThat(r.status()).as(r.body()).isIn(403, 409);
  }
}
