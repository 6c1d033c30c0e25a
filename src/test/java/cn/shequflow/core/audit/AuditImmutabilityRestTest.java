package cn.shequflow.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 17: an administrator cannot change or remove an audit entry through a route — the product
 * API ({@code /api}), Camunda's REST API ({@code /engine-rest}) or the webapps' API
 * ({@code /camunda/api}). A model an administrator deploys runs code, and can reach the database:
 * that is not prevented but caught, by the chain check.
 */
class AuditImmutabilityRestTest extends RestTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired RequestMappingHandlerMapping mappings;

  private long maxId() {
    Long id = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
    return id == null ? 0 : id;
  }

  @Test
  @DisplayName("Every route of the product under /api/audit only reads (GET)")
  void auditRoutesOnlyRead() {
    List<String> audit = mappings.getHandlerMethods().entrySet().stream()
        .filter(e -> e.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/api/audit")))
        .map(e -> e.getKey().getPatternValues() + " " + e.getKey().getMethodsCondition().getMethods())
        .toList();
    assertThat(audit).hasSize(5);
    mappings.getHandlerMethods().forEach((info, method) -> {
      if (info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/audit"))) {
        assertThat(info.getMethodsCondition().getMethods()).as("%s", info).isEqualTo(Set.of(RequestMethod.GET));
      }
    });
  }

  @Test
  @DisplayName("The administrator's writes to audit-like routes of /engine-rest and /camunda/api are refused, the entries unchanged")
  void engineAndWebappRoutes() {
    assertThat(as("admin").get("/api/audit/entries.xlsx").status()).isEqualTo(200); // an export entry today
    long id = maxId();
    Map<String, Object> entry = jdbc.queryForMap("select * from audit_entry where id = ?", id);
    long count = jdbc.queryForObject("select count(*) from audit_entry where id <= ?", Long.class, id);
    RestClient basic = as("admin");
    WebappSession session = WebappSession.login(port, "admin", "admin");
    String webapp = "/camunda/api/engine/engine/default";
    for (String path : List.of("/engine-rest/audit", "/engine-rest/audit/" + id, "/engine-rest/audit-entry/" + id,
        "/engine-rest/audit/entries/" + id, "/engine-rest/history/audit/" + id)) {
      for (String method : List.of("PUT", "DELETE", "POST", "PATCH")) {
        int status = basic.exchange(method, path, "Content-Type", "application/json").statusCode();
        assertThat(status).as("%s %s", method, path).isBetween(400, 499);
      }
    }
    for (String path : List.of(webapp + "/audit/" + id, webapp + "/audit-entry/" + id,
        "/camunda/api/admin/audit/" + id, "/camunda/api/cockpit/audit/" + id)) {
      assertThat(session.postWithToken(path, "{}", session.csrfToken()).status()).as("POST %s", path).isBetween(400, 499);
      assertThat(session.put(path, "{}").status()).as("PUT %s", path).isBetween(400, 499);
    }
    assertThat(jdbc.queryForMap("select * from audit_entry where id = ?", id)).isEqualTo(entry);
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where id <= ?", Long.class, id)).isEqualTo(count);
    assertThat(as("admin").get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("A model the administrator deployed that removes an entry does not go unnoticed: the check names the broken link")
  void deployedModelIsCaught() throws Exception {
    assertThat(as("admin").get("/api/audit/entries.xlsx").status()).isEqualTo(200); // an export entry today
    long id = maxId();
    Map<String, Object> entry = jdbc.queryForMap("select * from audit_entry where id = ?", id);
    String deployment = deploy("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://shequflow.cn/test">
          <bpmn:process id="erase-audit" isExecutable="true" camunda:historyTimeToLive="P180D">
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="erase"/>
            <bpmn:serviceTask id="erase" camunda:expression="${jdbcTemplate.update('delete from audit_entry where id = %d')}"/>
            <bpmn:sequenceFlow id="f2" sourceRef="erase" targetRef="end"/>
            <bpmn:endEvent id="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id));
    try {
      as("admin").post("/engine-rest/process-definition/key/erase-audit/start", Map.of());
      JsonNode check = as("admin").get("/api/audit/verify").json();
      // Today an expression reaches every Spring bean, so the row is gone; should deployments ever be
      // kept from the database, the log is simply intact. Either way nothing changes quietly.
      if (jdbc.queryForObject("select count(*) from audit_entry where id = ?", Long.class, id) == 0) {
        assertThat(check.get("intact").asBoolean()).as(check.toString()).isFalse();
        assertThat(check.get("firstBroken").get("problem").asText()).isEqualTo("前一条记录被删除、插入或顺序被调换");
      } else {
        assertThat(check.get("intact").asBoolean()).as(check.toString()).isTrue();
      }
    } finally {
      if (jdbc.queryForObject("select count(*) from audit_entry where id = ?", Long.class, id) == 0) {
        jdbc.update("insert into audit_entry (id, chain_day, occurred_at, actor_id, action, outcome, target, business_key,"
            + " detail, client, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entry.get("ID"),
            entry.get("CHAIN_DAY"), entry.get("OCCURRED_AT"), entry.get("ACTOR_ID"), entry.get("ACTION"),
            entry.get("OUTCOME"), entry.get("TARGET"), entry.get("BUSINESS_KEY"), entry.get("DETAIL"),
            entry.get("CLIENT"), entry.get("PREV_HASH"), entry.get("HASH"));
      }
      as("admin").delete("/engine-rest/deployment/" + deployment + "?cascade=true");
    }
    assertThat(as("admin").get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
  }

  private String deploy(String bpmn) throws Exception {
    String boundary = "shequ-boundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nerase-audit\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"erase.bpmn\"; filename=\"erase.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(r.body()).get("id").asText();
  }
}
