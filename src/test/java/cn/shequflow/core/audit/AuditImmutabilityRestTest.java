package cn.shequflow.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.guard.Refusals;
import cn.shequflow.core.sandbox.ModelCheck;
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
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheDeployer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 17: an administrator cannot change or remove an audit entry through a route — the product
 * API ({@code /api}), Camunda's REST API ({@code /engine-rest}) or the webapps' API
 * ({@code /camunda/api}). Nor through a model he deploys: its expressions reach only the beans the
 * shipped models use, never the engine or the database ({@code cn.shequflow.core.sandbox}).
 */
class AuditImmutabilityRestTest extends RestTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings; // not Actuator's

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

  private static String model(String processId, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://shequflow.cn/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P180D">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processId, body);
  }

  /** A service task that deletes the audit entry {@code id} through the {@code jdbcTemplate} bean. */
  private static String jdbcModel(long id) {
    return model("erase-audit", """
        <bpmn:startEvent id="start"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="erase"/>
        <bpmn:serviceTask id="erase" camunda:expression="${jdbcTemplate.update('delete from audit_entry where id = %d')}"/>
        <bpmn:sequenceFlow id="f2" sourceRef="erase" targetRef="end"/>
        <bpmn:endEvent id="end"/>""".formatted(id));
  }

  /** A start listener that reaches the database from {@code execution} through the engine. */
  private static String engineModel(long id) {
    return model("reach-engine", """
        <bpmn:startEvent id="begin">
          <bpmn:extensionElements>
            <camunda:executionListener event="start" expression="${execution.processEngine.processEngineConfiguration.dataSource.connection.createStatement().executeUpdate('delete from audit_entry where id = %d')}"/>
          </bpmn:extensionElements>
        </bpmn:startEvent>
        <bpmn:sequenceFlow id="f1" sourceRef="begin" targetRef="end"/>
        <bpmn:endEvent id="end"/>""".formatted(id));
  }

  private long deployments() {
    return engine.getRepositoryService().createDeploymentQuery().count();
  }

  private long entries(String action) {
    return jdbc.queryForObject("select count(*) from audit_entry where action = ?", Long.class, action);
  }

  @Test
  @DisplayName("issue 17: a model whose expression reaches another bean or the engine is refused at deployment (400 naming the element), nothing written but the refusal's entry")
  void deployedModelIsRefused() throws Exception {
    assertThat(as("admin").get("/api/audit/entries.xlsx").status()).isEqualTo(200); // an export entry today
    long id = maxId();
    Map<String, Object> entry = jdbc.queryForMap("select * from audit_entry where id = ?", id);
    Map<String, String> models = Map.of("erase", jdbcModel(id), "begin", engineModel(id));
    for (Map.Entry<String, String> model : models.entrySet()) {
      String element = model.getKey();
      long deployments = deployments();
      long deployed = entries("deployed");
      long refused = entries("refused");
      HttpResponse<String> r = post(model.getValue());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("field").asText()).isEqualTo(element);
      assertThat(body.get("message").asText()).as(r.body()).startsWith("模型未部署").contains(element)
          .contains(element.equals("erase") ? "jdbcTemplate" : "execution");
      assertThat(deployments()).as("no deployment written").isEqualTo(deployments);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKeyIn("erase-audit", "reach-engine").count()).isZero();
      assertThat(entries("deployed")).as("no entry of a deployment").isEqualTo(deployed);
      assertThat(entries("refused")).as("the refusal is an entry").isEqualTo(refused + 1);
      Map<String, Object> last = jdbc.queryForMap("select * from audit_entry where id = (select max(id) from audit_entry)");
      assertThat(last.get("ACTOR_ID")).isEqualTo("admin");
      assertThat(last.get("OUTCOME")).isEqualTo("refused");
      assertThat(last.get("TARGET")).isEqualTo("DeployCmd");
      assertThat((String) last.get("DETAIL")).contains(element);
    }
    assertThat(jdbc.queryForMap("select * from audit_entry where id = ?", id)).isEqualTo(entry);
    assertThat(as("admin").get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("issue 17: should such a model slip past the deployment check, it fails at runtime and deletes nothing (403, recorded)")
  void runtimeSandboxIsTheBackstop() throws Exception {
    assertThat(as("admin").get("/api/audit/entries.xlsx").status()).isEqualTo(200); // an export entry today
    long id = maxId();
    Map<String, Object> entry = jdbc.queryForMap("select * from audit_entry where id = ?", id);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    CacheDeployer cache = Refusals.field(configuration.getDeploymentCache(), "cacheDeployer");
    List<Deployer> deployers = Refusals.field(cache, "deployers");
    // As if the check had missed these models: the engine's deployers without it, for this test only.
    cache.setDeployers(deployers.stream().filter(d -> !(d instanceof ModelCheck)).toList());
    List<String> deployed = new java.util.ArrayList<>();
    try {
      for (String bpmn : List.of(jdbcModel(id), engineModel(id))) {
        deployed.add(engine.getRepositoryService().createDeployment().name("slipped")
            .addString("slipped.bpmn", bpmn).deploy().getId());
      }
    } finally {
      cache.setDeployers(deployers);
    }
    try {
      for (String key : List.of("erase-audit", "reach-engine")) {
        long refused = entries("refused");
        RestClient.Response r = as("admin").post("/engine-rest/process-definition/key/" + key + "/start", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().get("message").asText()).contains("系统不允许的对象")
            .contains(key.equals("erase-audit") ? "jdbcTemplate" : "processEngine");
        assertThat(entries("refused")).isEqualTo(refused + 1);
        assertThat(jdbc.queryForMap("select * from audit_entry where id = ?", id)).isEqualTo(entry);
      }
    } finally {
      deployed.forEach(d -> engine.getRepositoryService().deleteDeployment(d, true));
    }
    assertThat(as("admin").get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("issue 17: a Tasklist filter whose query reaches beyond the allowed objects is refused when saved (400 naming query, no row, recorded); currentUser() is kept")
  void filterExpressionIsRefusedWhenSaved() {
    long filters = engine.getFilterService().createFilterQuery().count();
    long id = maxId();
    Map<String, Object> entry = jdbc.queryForMap("select * from audit_entry where id = ?", id);
    for (String expression : List.of("${jdbcTemplate.update('delete from audit_entry')}", "${processEngine.getIdentityService()}",
        "${execution.getClass()}")) {
      long refused = entries("refused");
      for (Map<String, Object> query : List.of(Map.<String, Object>of("assigneeExpression", expression),
          Map.<String, Object>of("orQueries", List.of(Map.of("candidateUserExpression", expression)))))  {
        RestClient.Response r = as("admin").post("/engine-rest/filter/create",
            Map.of("resourceType", "Task", "name", "越权过滤器", "query", query));
        assertField(r, "query");
        assertThat(r.json().get("message").asText()).contains("表达式不被允许");
      }
      assertThat(entries("refused")).as("each refusal is an entry").isEqualTo(refused + 2);
    }
    assertThat(engine.getFilterService().createFilterQuery().count()).as("no filter saved").isEqualTo(filters);
    assertThat(jdbc.queryForMap("select * from audit_entry where id = ?", id)).isEqualTo(entry);

    RestClient.Response kept = as("admin").post("/engine-rest/filter/create",
        Map.of("resourceType", "Task", "name", "我的事项", "query", Map.of("assigneeExpression", "${currentUser()}")));
    assertThat(kept.status()).as(kept.body()).isEqualTo(200);
    engine.getFilterService().deleteFilter(kept.json().get("id").asText());

    // Tasklist's date filters call methods on what dateTime() returns: saved, and they run.
    RestClient.Response dueSoon = as("admin").post("/engine-rest/filter/create", Map.of("resourceType", "Task",
        "name", "两天内到期", "query", Map.of("dueBeforeExpression", "${dateTime().plusDays(2).toDate()}")));
    assertThat(dueSoon.status()).as(dueSoon.body()).isEqualTo(200);
    RestClient.Response count = as("admin").post("/engine-rest/filter/" + dueSoon.json().get("id").asText() + "/count",
        Map.of());
    assertThat(count.status()).as(count.body()).isEqualTo(200);
    engine.getFilterService().deleteFilter(dueSoon.json().get("id").asText());
    // …but not the class of it, nor a setter on a result (Joda-Time's static setDefault changes the whole JVM).
    String zone = org.joda.time.DateTimeZone.getDefault().getID();
    for (String expression : List.of("${dateTime().getClass()}",
        "${dateTime().getZone().setDefault(dateTime().getZone().forID('Pacific/Kiritimati'))}")) {
      assertField(as("admin").post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "越权过滤器",
          "query", Map.of("dueBeforeExpression", expression))), "query");
    }
    // A static method through an instance passes the save check by name but not the run: refused, nothing changed.
    RestClient.Response staticCall = as("admin").post("/engine-rest/filter/create", Map.of("resourceType", "Task",
        "name", "静态方法", "query", Map.of("dueBeforeExpression", "${dateTime().getZone().forID('UTC').toString()}")));
    if (staticCall.status() == 200) {
      String saved = staticCall.json().get("id").asText();
      try {
        assertThat(as("admin").post("/engine-rest/filter/" + saved + "/count", Map.of()).status()).isEqualTo(403);
      } finally {
        engine.getFilterService().deleteFilter(saved);
      }
    } else {
      assertField(staticCall, "query");
    }
    assertThat(org.joda.time.DateTimeZone.getDefault().getID()).isEqualTo(zone);
  }

  @Test
  @DisplayName("issue 17 review: no expression in a person's query, an 'or' branch or the query extending a saved filter (400, nothing learnt); the saved 待办 still runs")
  void noExpressionInAdhocQueries() {
    String todo = engine.getFilterService().createTaskFilterQuery()
        .filterName(cn.shequflow.core.security.TasklistFilters.TODO).singleResult().getId();
    String probe = "${cases.get(\"CT-2026-000001\").subject().startsWith(\"外出\") ? currentUser() : \"\".getClass()}";
    Map<String, Object> or = Map.of("orQueries", List.of(Map.of("assigneeExpression", probe)));
    for (String route : List.of("/engine-rest/filter/" + todo + "/count", "/engine-rest/filter/" + todo + "/list",
        "/engine-rest/task")) {
      RestClient.Response r = as("he.grid").post(route, or);
      assertField(r, "query");
      assertThat(r.json().get("message").asText()).contains("不允许使用表达式");
    }
    RestClient.Response plain = as("he.grid").post("/engine-rest/filter/" + todo + "/count", Map.of());
    assertThat(plain.status()).as(plain.body()).isEqualTo(200);
  }

  @Test
  @DisplayName("issue 17: the shipped models' expressions still run: a leave request is filed and reaches its approver")
  void shippedModelsRun() {
    JsonNode instance = start("liu.staff", leave(1));
    assertThat(tasksOf("zhang.director", instance.get("id").asText())).hasSize(1);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder().build();

  private HttpResponse<String> post(String bpmn) throws Exception {
    String boundary = "shequ-boundary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nerase-audit\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"erase.bpmn\"; filename=\"erase.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
