package cn.shequflow.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.WebappSession;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the product API ({@code /api/*}) accepts the Camunda webapps' login session, so a
 * Tasklist plugin can call it from the browser; unsafe methods need the webapps' CSRF token; HTTP
 * Basic works as before.
 */
class SessionAuthRestTest extends RestTestSupport {

  @Test
  @DisplayName("a Tasklist session reads /api as its user; another user's session does not see the case")
  void sessionReadsAsItsUser() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();

    WebappSession liu = WebappSession.login(port, "liu.staff", "tasklist");
    Response own = liu.get("/api/cases/" + key);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().get("applicantId").asText()).isEqualTo("liu.staff");
    assertThat(liu.get("/api/cases/" + key + "/timeline").status()).isEqualTo(200);

    WebappSession ma = WebappSession.login(port, "ma.staff", "tasklist");
    assertThat(ma.get("/api/cases/" + key).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("no session and no credentials: 401; after logout: 401")
  void withoutLogin() {
    assertThat(RestClient.anonymous(port).get("/api/notifications").status()).isEqualTo(401);
    WebappSession liu = WebappSession.login(port, "liu.staff", "tasklist");
    assertThat(liu.get("/api/notifications").status()).isEqualTo(200);
    liu.logout();
    assertThat(liu.get("/api/notifications").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("an Authorization header beside the session is what counts (Basic unchanged)")
  void basicWins() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    WebappSession liu = WebappSession.login(port, "liu.staff", "tasklist");
    String wrong = "Basic " + Base64.getEncoder().encodeToString("nobody.here:demo".getBytes(StandardCharsets.UTF_8));
    assertThat(liu.get("/api/cases/" + key, "Authorization", wrong).status()).isEqualTo(401);
    String ma = "Basic " + Base64.getEncoder().encodeToString("ma.staff:demo".getBytes(StandardCharsets.UTF_8));
    assertThat(liu.get("/api/cases/" + key, "Authorization", ma).status()).isEqualTo(404);
    assertThat(as("liu.staff").get("/api/cases/" + key).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("unsafe methods on a session need the webapps' X-XSRF-TOKEN: missing or wrong is 403 and nothing happens")
  void csrf() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    WebappSession liu = WebappSession.login(port, "liu.staff", "tasklist");
    String body = "{\"note\":\"请尽快审批\"}";

    Response none = liu.postWithToken("/api/cases/" + key + "/urge", body, null);
    assertThat(none.status()).as(none.body()).isEqualTo(403);
    assertThat(none.body()).contains("CSRF");
    Response wrong = liu.postWithToken("/api/cases/" + key + "/urge", body, "not-the-token");
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(timelineActions(key)).doesNotContain("urged");

    Response ok = liu.postWithToken("/api/cases/" + key + "/urge", body, liu.csrfToken());
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(timelineActions(key)).contains("\"urge\"", "刘洋");
    // Basic needs no CSRF token (no browser session is involved)
    assertThat(as("li.leader").post("/api/cases/" + key + "/urge", java.util.Map.of()).status()).isEqualTo(429);
  }

  private String timelineActions(String key) {
    return as("liu.staff").get("/api/cases/" + key + "/timeline").body();
  }
}
