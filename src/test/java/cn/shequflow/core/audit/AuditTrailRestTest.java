package cn.shequflow.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.security.PasswordRules;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.TableRows;
import cn.shequflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log over the running app (issue 17): what is recorded (logins, wrong passwords, password
 * changes, refusals, administrators' changes to groups, grants and filters, approval operations,
 * exports), that only administrators read it, and that no route of the product changes it.
 */
class AuditTrailRestTest extends RestTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired IdentityService identity;

  private List<Map<String, Object>> entries(String actor, String action) {
    return jdbc.queryForList("select * from audit_entry where actor_id = ? and action = ? order by id", actor, action);
  }

  private long maxId() {
    Long id = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
    return id == null ? 0 : id;
  }

  private Map<String, Long> rowCounts() throws Exception {
    return TableRows.counts(dataSource);
  }

  private Response refusedVariableWrite(String user, String instanceId) {
    return as(user).put("/engine-rest/process-instance/" + instanceId + "/variables/days",
        Map.of("value", 30, "type", "Integer"));
  }

  @Test
  @DisplayName("A refusal leaves one row, its audit entry (who, which command, why), and nothing else")
  void refusalIsAuditedAndWritesNothingElse() throws Exception {
    JsonNode pi = start("liu.staff", leave(1));
    String instanceId = pi.get("id").asText();
    assertThat(refusedVariableWrite("liu.staff", instanceId).status()).isEqualTo(403); // today's chain exists now

    Map<String, Long> before = rowCounts();
    long last = maxId();
    Response refused = refusedVariableWrite("liu.staff", instanceId);
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    Map<String, Long> after = rowCounts();

    Map<String, Long> expected = new TreeMap<>(before);
    expected.put("audit_entry", before.get("audit_entry") + 1);
    assertThat(after).isEqualTo(expected);

    Map<String, Object> entry = jdbc.queryForMap("select * from audit_entry where id > ?", last);
    assertThat(entry.get("ACTOR_ID")).isEqualTo("liu.staff");
    assertThat(entry.get("ACTION")).isEqualTo(AuditAction.REFUSED.code);
    assertThat(entry.get("OUTCOME")).isEqualTo(AuditEntry.REFUSED);
    assertThat((String) entry.get("TARGET")).contains("Variable");
    assertThat((String) entry.get("DETAIL")).isEqualTo(refused.json().get("message").asText());
  }

  @Test
  @DisplayName("A login to Tasklist is an entry; a wrong password on the REST API is a failed login entry")
  void loginsAndFailedLogins() {
    long last = maxId();
    WebappSession.login(port, "chen.staff", "tasklist");
    List<Map<String, Object>> logins = jdbc.queryForList(
        "select * from audit_entry where id > ? and action = ? and actor_id = ?", last, AuditAction.LOGIN.code, "chen.staff");
    assertThat(logins).hasSize(1);
    assertThat(logins.get(0).get("DETAIL")).isEqualTo("tasklist");
    assertThat(logins.get(0).get("CLIENT")).isNotNull();

    try {
      assertThat(RestClient.as(port, "xu.grid", "wrong-password").get("/engine-rest/task/count").status()).isEqualTo(401);
      List<Map<String, Object>> failed = jdbc.queryForList(
          "select * from audit_entry where id > ? and action = ?", last, AuditAction.LOGIN_FAILED.code);
      assertThat(failed).hasSize(1);
      assertThat(failed.get(0).get("ACTOR_ID")).isEqualTo("xu.grid");
      assertThat(failed.get(0).get("OUTCOME")).isEqualTo(AuditEntry.FAILED);
      assertThat(failed.get(0).get("DETAIL")).isEqualTo("/engine-rest/task/count");
      assertThat(failed.toString()).doesNotContain("wrong-password");
    } finally {
      identity.unlockUser("xu.grid");
    }
    assertThat(as("xu.grid").get("/engine-rest/task/count").status())
        .as("a successful Basic request is not a login entry").isEqualTo(200);
    assertThat(jdbc.queryForList("select * from audit_entry where id > ? and actor_id = 'xu.grid' and action = ?",
        last, AuditAction.LOGIN.code)).isEmpty();
  }

  @Test
  @DisplayName("A person changing their own password is an entry (the password itself is never recorded)")
  void passwordChange() {
    long last = maxId();
    String strong = "Shequ-Audit-2026!";
    try {
      Response r = as("ma.staff").put("/engine-rest/user/ma.staff/credentials",
          Map.of("password", strong, "authenticatedUserPassword", "demo"));
      assertThat(r.status()).as(r.body()).isEqualTo(204);
      List<Map<String, Object>> changed = jdbc.queryForList("select * from audit_entry where id > ? and action = ?",
          last, AuditAction.PASSWORD_CHANGED.code);
      assertThat(changed).hasSize(1);
      assertThat(changed.get(0).get("ACTOR_ID")).isEqualTo("ma.staff");
      assertThat(changed.get(0).get("TARGET")).isEqualTo("ma.staff");
      assertThat(changed.toString()).doesNotContain(strong);
    } finally {
      User user = identity.createUserQuery().userId("ma.staff").singleResult();
      user.setPassword("demo");
      PasswordRules.saveSeededUser(identity, user);
    }
  }

  @Test
  @DisplayName("An administrator's new group, grant and filter, and the group's removal, are entries")
  void administratorsChanges() {
    long last = maxId();
    RestClient admin = as("admin");
    assertThat(admin.post("/engine-rest/group/create", Map.of("id", "audit-test-group", "name", "审计测试组", "type", "x"))
        .status()).isEqualTo(204);
    Response grant = admin.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("ACCESS"),
        "groupId", "audit-test-group", "resourceType", 0, "resourceId", "tasklist"));
    assertThat(grant.status()).as(grant.body()).isEqualTo(200);
    Response filter = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "审计测试筛选",
        "query", Map.of()));
    assertThat(filter.status()).as(filter.body()).isEqualTo(200);
    assertThat(admin.delete("/engine-rest/authorization/" + grant.json().get("id").asText()).status()).isEqualTo(204);
    assertThat(admin.delete("/engine-rest/filter/" + filter.json().get("id").asText()).status()).isEqualTo(204);
    assertThat(admin.delete("/engine-rest/group/audit-test-group").status()).isEqualTo(204);

    List<String> actions = jdbc.queryForList(
        "select action from audit_entry where id > ? and actor_id = 'admin' order by id", String.class, last);
    assertThat(actions).containsSubsequence(AuditAction.GROUP_SAVED.code, AuditAction.GRANT_SAVED.code,
        AuditAction.FILTER_SAVED.code, AuditAction.GRANT_DELETED.code, AuditAction.FILTER_DELETED.code,
        AuditAction.GROUP_DELETED.code);
    assertThat(jdbc.queryForObject("select target from audit_entry where id > ? and action = ?", String.class,
        last, AuditAction.GRANT_SAVED.code)).contains("group audit-test-group");
  }

  @Test
  @DisplayName("Submitting and deciding a case are audit entries with its business key, in the same transaction")
  void caseOperations() {
    JsonNode pi = start("liu.staff", leave(1));
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", pi.get("id").asText());
    Response done = as("zhang.director").post("/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意，身份证 11010519491231002X")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);

    List<Map<String, Object>> ops = jdbc.queryForList(
        "select * from audit_entry where business_key = ? and action = ? order by id", key, AuditAction.CASE_OPERATION.code);
    assertThat(ops).extracting(m -> m.get("ACTOR_ID") + " " + m.get("TARGET"))
        .containsExactly("liu.staff submitted", "zhang.director approve");
    assertThat(ops.toString()).as("comments are not copied").doesNotContain("11010519491231002X").doesNotContain("同意，");
  }

  @Test
  @DisplayName("Identity numbers in an entry are masked by the one policy: region and check digit, no birth date or sex digit")
  void masking() {
    assertThat(AuditLog.mask("查看 11010519491231002X 的档案")).isEqualTo("查看 110105***********X 的档案");
    assertThat(AuditLog.mask("110105491231002")).doesNotContain("491231");
    assertThat(AuditLog.mask("LV-2026-000001")).isEqualTo("LV-2026-000001");
  }

  @Test
  @DisplayName("No one below administrator reads the audit log: 403 on every audit route")
  void onlyAdministrators() {
    for (String path : List.of("/api/audit/entries", "/api/audit/entries.xlsx", "/api/audit/verify",
        "/api/audit/anchors", "/api/audit/actions")) {
      for (String user : List.of("liu.staff", "zhang.director", "wang.principal")) {
        assertThat(as(user).get(path).status()).as("%s %s", user, path).isEqualTo(403);
      }
      assertThat(RestClient.anonymous(port).get(path).status()).as(path).isEqualTo(401);
      assertThat(as("admin").get(path).status()).as("admin " + path).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("An administrator cannot change or remove an audit entry by any route of the product")
  void noRouteChangesTheLog() {
    assertThat(as("admin").get("/api/audit/entries.xlsx").status()).isEqualTo(200); // an export entry today
    long id = maxId();
    Map<String, Object> entry = jdbc.queryForMap("select * from audit_entry where id = ?", id);
    long count = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    RestClient admin = as("admin");
    for (String path : List.of("/api/audit/entries", "/api/audit/entries/" + id, "/api/audit/entries/" + id + "/delete",
        "/api/audit", "/api/audit/anchors", "/api/audit/verify")) {
      for (String method : List.of("PUT", "DELETE", "POST", "PATCH")) {
        int status = admin.exchange(method, path, "Content-Type", "application/json").statusCode();
        assertThat(status).as("%s %s", method, path).isBetween(400, 499);
      }
    }
    assertThat(jdbc.queryForMap("select * from audit_entry where id = ?", id)).isEqualTo(entry);
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where id <= ?", Long.class, id)).isEqualTo(count);
    assertThat(as("admin").get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("The .xlsx export opens with Apache POI, holds the filtered entries, and is itself recorded")
  void xlsxExport() throws Exception {
    refusedVariableWrite("gao.director", start("ma.staff", leave(1)).get("id").asText());
    List<Map<String, Object>> mine = entries("gao.director", AuditAction.REFUSED.code);
    assertThat(mine).isNotEmpty();

    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/audit/entries.xlsx?actor=gao.director&action=refused"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("审计日志");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("序号");
      assertThat(sheet.getLastRowNum()).isEqualTo(mine.size());
      Row first = sheet.getRow(1);
      assertThat((long) first.getCell(0).getNumericCellValue()).isEqualTo(((Number) mine.get(0).get("ID")).longValue());
      assertThat(first.getCell(2).getStringCellValue()).isEqualTo("高峰（gao.director）");
      assertThat(first.getCell(3).getStringCellValue()).isEqualTo("操作被拒绝");
      assertThat(first.getCell(4).getStringCellValue()).isEqualTo("拒绝");
      assertThat(first.getCell(9).getStringCellValue()).isEqualTo(mine.get(0).get("HASH"));
    }
    assertThat(entries("admin", AuditAction.EXPORT.code)).last()
        .satisfies(e -> assertThat((String) e.get("DETAIL")).startsWith(mine.size() + " 条"));
  }

  @Test
  @DisplayName("The audit page's list filters by person, action, period and case, newest first; bad filters are 400 naming the field")
  void listWithFilters() {
    JsonNode pi = start("chen.staff", leave(1));
    String key = pi.get("businessKey").asText();
    String today = cn.shequflow.core.process.Clock.today().toString();
    Response r = as("admin").get("/api/audit/entries?actor=chen.staff&action=case-operation&from=" + today + "&to="
        + today + "&case=" + key);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("total").asLong()).isEqualTo(1);
    JsonNode item = r.json().get("items").get(0);
    assertThat(item.get("businessKey").asText()).isEqualTo(key);
    assertThat(item.get("actionLabel").asText()).isEqualTo("审批操作");

    Response bad = as("admin").get("/api/audit/entries?action=nonsense");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("action");
    Response badDate = as("admin").get("/api/audit/entries?from=yesterday");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.json().get("field").asText()).isEqualTo("from");
  }

  @Test
  @DisplayName("The administrators' audit page is served, in Chinese, and reads the log with the webapps' login")
  void auditPage() {
    Response page = RestClient.anonymous(port).get("/audit/index.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("审计日志").contains("audit.js").contains("导出 Excel");
    assertThat(RestClient.anonymous(port).get("/audit/audit.js").status()).isEqualTo(200);

    WebappSession admin = WebappSession.login(port, "admin", "admin");
    assertThat(admin.get("/api/audit/entries?actor=admin&action=login").json().get("total").asLong()).isPositive();
    assertThat(WebappSession.login(port, "li.leader", "tasklist").get("/api/audit/entries").status()).isEqualTo(403);
  }
}
