package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, the inbox operations as an attacker would try them: copying a case lends no powers
 * over its tasks; the operations never hand a task to the applicant or across communities; a
 * browser session cannot be ridden without the webapps' CSRF token.
 */
class InboxAttackTest extends AttackSupport {

  @Test
  @DisplayName("A person copied (抄送) sees the case but cannot claim, complete, transfer or copy its task")
  void copyGivesNoPowers() {
    JsonNode pi = start("liu.staff");
    String task = onlyTask("zhang.director", pi.get("id").asText());
    Response cc = as("zhang.director").post("/api/tasks/" + task + "/cc", Map.of("userIds", List.of("he.grid")));
    assertThat(cc.status()).as(cc.body()).isEqualTo(200);
    assertThat(as("he.grid").get("/api/cases/" + pi.get("businessKey").asText()).status()).isEqualTo(200);

    assertThat(as("he.grid").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "he.grid")).status())
        .isIn(403, 404);
    assertThat(as("he.grid").post("/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意"))).status()).isIn(403, 404);
    assertThat(as("he.grid").post("/api/tasks/" + task + "/transfer", Map.of("userId", "lin.grid", "reason", "x"))
        .status()).isEqualTo(403);
    assertThat(as("he.grid").post("/api/tasks/" + task + "/cc", Map.of("userIds", List.of("lin.grid"))).status())
        .isEqualTo(403);
    assertThat(as("he.grid").post("/api/tasks/" + task + "/delegate", Map.of("userId", "lin.grid", "reason", "x"))
        .status()).isEqualTo(403);
  }

  @Test
  @DisplayName("转办/委派 never hand an approval to the applicant or to another community's director (400 userId)")
  void noHandOnToApplicantOrElsewhere() {
    JsonNode pi = start("liu.staff");
    String task = onlyTask("zhang.director", pi.get("id").asText());
    for (String op : List.of("transfer", "delegate")) {
      for (String target : List.of("liu.staff", "gao.director", "admin")) {
        Response r = as("zhang.director").post("/api/tasks/" + task + "/" + op, Map.of("userId", target, "reason", "x"));
        assertThat(r.status()).as(op + " to " + target + ": " + r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("userId");
      }
    }
    assertThat(as("liu.staff").get("/engine-rest/task?processInstanceId=" + pi.get("id").asText()).json()).isEmpty();
  }

  @Test
  @DisplayName("A logged-in Tasklist session cannot be made to transfer without the CSRF token (cross-site request)")
  void sessionNeedsToken() {
    JsonNode pi = start("liu.staff");
    String task = onlyTask("zhang.director", pi.get("id").asText());
    WebappSession zhang = WebappSession.login(port, "zhang.director", "tasklist");
    Response forged = zhang.postWithToken("/api/tasks/" + task + "/cc", "{\"userIds\":[\"he.grid\"]}", null);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(as("he.grid").get("/api/cases/" + pi.get("businessKey").asText()).status()).isEqualTo(404);
    Response real = zhang.postWithToken("/api/tasks/" + task + "/cc", "{\"userIds\":[\"he.grid\"]}", zhang.csrfToken());
    assertThat(real.status()).as(real.body()).isEqualTo(200);
  }
}
