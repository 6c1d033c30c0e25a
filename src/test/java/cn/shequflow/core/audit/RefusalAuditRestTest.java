package cn.shequflow.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.TableRows;
import cn.shequflow.support.WebappSession;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17: refusals by the product's own routes (403 from /api: the administrators' routes, the
 * community scope, the inbox operations) and CSRF refusals (the product API's and the webapps') are
 * audit entries: who, which route, why. Each is the one row its refusal leaves; a successful read
 * writes nothing to the log.
 */
class RefusalAuditRestTest extends RestTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  private long maxId() {
    Long id = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
    return id == null ? 0 : id;
  }

  private List<Map<String, Object>> since(long id) {
    return jdbc.queryForList("select * from audit_entry where id > ? order by id", id);
  }

  /** A refusal leaves exactly one row, its audit entry (who, route, the message the person read). */
  private Map<String, Object> assertRefusalAudited(String actor, String target, Supplier<Response> refusal)
      throws Exception {
    assertThat(as("he.grid").get("/api/residents?communityId=taiping").status()).isEqualTo(403); // today's chain exists
    Map<String, Long> before = TableRows.counts(dataSource);
    long last = maxId();
    Response refused = refusal.get();
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(TableRows.counts(dataSource)).as(target).isEqualTo(TableRows.plus(before, "audit_entry", 1));
    Map<String, Object> entry = since(last).get(0);
    if (actor != null) {
      assertThat(entry.get("ACTOR_ID")).isEqualTo(actor);
    }
    assertThat(entry.get("ACTION")).isEqualTo(AuditAction.REFUSED.code);
    assertThat(entry.get("OUTCOME")).isEqualTo(AuditEntry.REFUSED);
    assertThat(entry.get("TARGET")).isEqualTo(target);
    assertThat((String) entry.get("DETAIL")).isNotBlank();
    if (target.contains(" /api/")) {
      assertThat(entry.get("DETAIL")).as("the reason the person read").isEqualTo(refused.json().get("message").asText());
    }
    return entry;
  }

  @Test
  @DisplayName("403 from /api (community scope, administrators' routes) is an entry with the person, the route and the reason; nothing else is written")
  void apiRefusals() throws Exception {
    assertRefusalAudited("he.grid", "GET /api/residents", () -> as("he.grid").get("/api/residents?communityId=taiping"));
    String representatives = "/api/organisation/representatives";
    assertRefusalAudited("liu.staff", "GET " + representatives, () -> as("liu.staff").get(representatives));
    assertRefusalAudited("liu.staff", "GET /api/privacy/reveals", () -> as("liu.staff").get("/api/privacy/reveals"));
  }

  @Test
  @DisplayName("An inbox operation refused by the product (not the task's holder) is one entry, never two")
  void inboxRefusalOnce() throws Exception {
    String task = onlyTaskId("zhang.director", start("liu.staff", leave(1)).get("id").asText());
    String path = "/api/tasks/" + task + "/transfer";
    Map<String, Object> body = body("userId", "chen.staff", "reason", "转给陈静");
    assertRefusalAudited("he.grid", "POST " + path, () -> as("he.grid").post(path, body));
  }

  @Test
  @DisplayName("Successful reads on /api and /engine-rest write nothing to the log (HTTP Basic is no login entry)")
  void successfulReadsWriteNothing() {
    String key = start("chen.staff", leave(1)).get("businessKey").asText();
    long last = maxId();
    for (String path : List.of("/api/residents", "/api/cases/" + key, "/api/cases/" + key + "/timeline",
        "/api/notifications", "/engine-rest/task/count")) {
      assertThat(as("chen.staff").get(path).status()).as(path).isEqualTo(200);
    }
    assertThat(as("admin").get("/api/audit/entries").status()).isEqualTo(200);
    assertThat(since(last)).isEmpty();
  }

  @Test
  @DisplayName("A CSRF refusal of the product API on the webapps' session is an entry naming the person")
  void csrfRefusals() throws Exception {
    String key = start("chen.staff", leave(1)).get("businessKey").asText();
    String withdraw = "/api/cases/" + key + "/withdraw";
    WebappSession noToken = WebappSession.login(port, "chen.staff", "tasklist");
    assertThat((String) assertRefusalAudited("chen.staff", "POST " + withdraw,
        () -> noToken.postWithToken(withdraw, "{}", null)).get("DETAIL")).contains("CSRF");
    WebappSession forged = WebappSession.login(port, "chen.staff", "tasklist");
    assertThat((String) assertRefusalAudited("chen.staff", "POST " + withdraw,
        () -> forged.postWithToken(withdraw, "{}", "forged")).get("DETAIL")).contains("CSRF");
  }

  @Test
  @DisplayName("A CSRF refusal of the webapps' own API (/camunda/api) on a valid session is an entry naming the logged-in person; the task stays unclaimed")
  void webappApiCsrfRefusals() throws Exception {
    String task = onlyTaskId("zhang.director", start("liu.staff", leave(1)).get("id").asText());
    String claim = "/camunda/api/engine/engine/default/task/" + task + "/claim";
    String body = "{\"userId\":\"zhang.director\"}";
    WebappSession noToken = WebappSession.login(port, "zhang.director", "tasklist");
    Map<String, Object> missing = assertRefusalAudited("zhang.director", "POST " + claim,
        () -> noToken.postWithToken(claim, body, null));
    assertThat((String) missing.get("DETAIL")).contains("CSRF");
    WebappSession forged = WebappSession.login(port, "zhang.director", "tasklist");
    Map<String, Object> wrong = assertRefusalAudited("zhang.director", "POST " + claim,
        () -> forged.postWithToken(claim, body, "forged-" + forged.csrfToken()));
    assertThat((String) wrong.get("DETAIL")).contains("CSRF");
    // Cockpit's instance query (a POST) with a wrong token, by a street leader logged in to Cockpit.
    WebappSession cockpit = WebappSession.login(port, "li.leader", "cockpit");
    String instances = "/camunda/api/engine/engine/default/process-instance";
    assertRefusalAudited("li.leader", "POST " + instances, () -> cockpit.postWithToken(instances, "{}", "wrong"));
    assertThat(as("zhang.director").get("/engine-rest/task/" + task).json().get("assignee").isNull())
        .as("the refused claim changed nothing").isTrue();
    // With a session's own token the same request goes through: the refusal was the token's, not the person's.
    assertThat(WebappSession.login(port, "zhang.director", "tasklist").post(claim, body).status()).isEqualTo(204);
  }
}
