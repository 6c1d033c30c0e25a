package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.WebappSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: requests a fuzzer built from Camunda's OpenAPI document sent to /engine-rest, answered
 * 5xx or with Java class names. Each is bad input: 4xx naming the parameter, no class name, nothing
 * written. As a staff member and as an administrator (the admin skips the command guards).
 */
class ServerErrorAttackTest extends AttackSupport {

  private static final String REST = "/engine-rest";

  /** A qualified Java class name, a DTO's name or a Java type in a message. */
  static final Pattern JAVA_CLASS = Pattern.compile(
      "\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][\\w$]*|\\b[A-Z]\\w*Dto\\b|java type|Exception:");

  /** 4xx (400 unless said), naming {@code name}, with no Java class name. */
  static void refused(Response r, String name) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).as("names the parameter").contains(name);
    assertThat(JAVA_CLASS.matcher(r.body()).find()).as("no Java class name in %s", r.body()).isFalse();
  }

  // ---- "type": "" on any variable -------------------------------------------------------------

  @ParameterizedTest(name = "as {0}")
  @ValueSource(strings = {"liu.staff", "admin"})
  @DisplayName("A variable with an empty type is 400 naming the variable, on every route that takes variables")
  void emptyVariableType(String user) {
    String task = onlyTask("zhang.director", start("liu.staff").get("id").asText());
    String bad = "{\"value\":1,\"type\":\"\"}";
    refused(as(user).put(REST + "/task/" + task + "/variables/days", json(bad)), "days");
    refused(as(user).postJson(REST + "/condition", "{\"variables\":{\"days\":" + bad + "}}"), "days");
    refused(as(user).postJson(REST + "/message", "{\"messageName\":\"m\",\"processVariables\":{\"days\":" + bad + "}}"), "days");
    refused(as(user).postJson(REST + "/process-definition/key/leave-request/start", "{\"variables\":{\"days\":" + bad + "}}"), "days");
    refused(as(user).postJson(REST + "/task/" + task + "/complete", "{\"variables\":{\"days\":" + bad + "}}"), "days");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).as("task not completed").isEqualTo(1);
  }

  // ---- Empty IN lists and engine SQL quirks ----------------------------------------------------

  @ParameterizedTest(name = "as {0}")
  @ValueSource(strings = {"liu.staff", "admin"})
  @DisplayName("An empty IN list and a combination the engine's SQL cannot run are 400 naming the parameters")
  void engineSqlQuirks(String user) {
    refused(as(user).get(REST + "/history/process-instance?processDefinitionKeyNotIn="), "processDefinitionKeyNotIn");
    refused(as(user).get(REST + "/process-instance?processDefinitionKeyIn="), "processDefinitionKeyIn");
    refused(as(user).postJson(REST + "/history/process-instance", "{\"processDefinitionKeyNotIn\":[]}"),
        "processDefinitionKeyNotIn");
    refused(as(user).get(REST + "/history/user-operation?deploymentId=a&processDefinitionId=b"), "processDefinitionId");
    refused(as(user).get(REST + "/job/count?jobDefinitionId=a&activityId=b"), "activityId");
    refused(as(user).postJson(REST + "/job", "{\"processInstanceId\":\"a\",\"processInstanceIds\":[\"b\"]}"),
        "processInstanceIds");
  }

  @Test
  @DisplayName("Found by the stronger fuzz run: one query's parameters the SQL cannot combine, nested or not; "
      + "conditions and restarts that cannot apply; no exception names in a refusal")
  void strongerFuzzFindings() {
    refused(as("admin").get(REST + "/history/decision-instance?decisionInstanceId=a&decisionInstanceIdIn=a"),
        "decisionInstanceIdIn");
    refused(as("admin").postJson(REST + "/history/decision-instance/delete",
        "{\"historicDecisionInstanceQuery\":{\"decisionInstanceId\":\"a\",\"decisionInstanceIdIn\":[\"a\"]},\"deleteReason\":\"x\"}"),
        "historicDecisionInstanceQuery.decisionInstanceIdIn");
    long jobs = engine.getManagementService().createJobQuery().noRetriesLeft().count();
    refused(as("admin").postJson(REST + "/job/retries",
        "{\"retries\":0,\"jobQuery\":{\"jobId\":\"a\",\"jobIds\":[\"a\"]}}"), "jobQuery.jobIds");
    assertThat(engine.getManagementService().createJobQuery().noRetriesLeft().count()).as("no retries changed").isEqualTo(jobs);
    String definition = start("liu.staff").get("definitionId").asText();
    Response condition = as("admin").postJson(REST + "/condition",
        "{\"processDefinitionId\":\"" + definition + "\",\"variables\":{\"reason\":{\"value\":\"x\",\"type\":\"String\"}}}");
    assertThat(condition.status()).as(condition.body()).isEqualTo(400);
    String running = start("liu.staff").get("id").asText();
    Response restart = as("admin").postJson(REST + "/process-definition/" + definition + "/restart",
        "{\"processInstanceIds\":[\"" + running + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"a\"}]}");
    assertThat(restart.status()).as(restart.body()).isEqualTo(400);
    Response message = as("admin").postJson(REST + "/message", "{\"messageName\":\"nobody-waits\"}");
    assertThat(message.status()).as(message.body()).isEqualTo(400);
    assertThat(JAVA_CLASS.matcher(message.body()).find()).as("no exception name in %s", message.body()).isFalse();
  }

  // ---- Paging, interval, unique constraints ---------------------------------------------------

  @ParameterizedTest(name = "as {0}")
  @ValueSource(strings = {"liu.staff", "admin"})
  @DisplayName("Negative paging is 400 naming it, for administrators too")
  void negativePaging(String user) {
    refused(as(user).get(REST + "/user?maxResults=-5"), "maxResults");
    refused(as(user).get(REST + "/group?firstResult=-1"), "firstResult");
    refused(as(user).postJson(REST + "/task?maxResults=-2", "{}"), "maxResults");
  }

  @Test
  @DisplayName("Metrics with an interval that is not a positive whole number of seconds are 400 naming interval")
  void metricsInterval() {
    refused(as("admin").get(REST + "/metrics?interval=0.5"), "interval");
    refused(as("admin").get(REST + "/metrics?interval=0"), "interval");
  }

  @Test
  @DisplayName("Adding a member twice is a 4xx in Chinese, and the membership stays single")
  void memberTwice() {
    Response r = as("admin").put(REST + "/group/camunda-admin/members/admin", java.util.Map.of());
    assertThat(r.status()).as(r.body()).isBetween(400, 409);
    assertThat(JAVA_CLASS.matcher(r.body()).find()).as(r.body()).isFalse();
    assertThat(r.body()).doesNotContain("persistence layer");
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).userId("admin").count())
        .isEqualTo(1);
  }

  // ---- Combinations the engine refuses as 500 --------------------------------------------------

  @ParameterizedTest(name = "as {0}")
  @ValueSource(strings = {"liu.staff", "admin"})
  @DisplayName("Combinations the engine refuses are 400 naming the parameter, not 500")
  void invalidCombinations(String user) {
    refused(as(user).get(REST + "/authorization?userIdIn=a&groupIdIn=b"), "group");
    refused(as(user).get(REST + "/task?candidateUser=a&candidateGroup=b"), "candidateGroup");
    refused(as(user).get(REST + "/process-definition?version=0"), "version");
    // The engine calls completeScope "scopeComplete".
    refused(as(user).get(REST + "/history/activity-instance?canceled=true&completeScope=true"), "scopeComplete");
  }

  @Test
  @DisplayName("Admin: retries without jobs, a group on a GLOBAL grant, a lock of no duration are 400 and write nothing")
  void adminCombinations() {
    refused(as("admin").postJson(REST + "/job/retries", "{\"retries\":1}"), "job");
    long authorizations = engine.getAuthorizationService().createAuthorizationQuery().count();
    refused(as("admin").postJson(REST + "/authorization/create",
        "{\"type\":0,\"permissions\":[\"READ\"],\"groupId\":\"g1\",\"resourceType\":0,\"resourceId\":\"x\"}"), "groupId");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(authorizations);
    refused(as("admin").postJson(REST + "/external-task/fetchAndLock",
        "{\"workerId\":\"w\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"t\",\"lockDuration\":0}]}"), "lockDuration");
  }

  // ---- Null messages, parse errors -------------------------------------------------------------

  @ParameterizedTest(name = "as {0}")
  @ValueSource(strings = {"liu.staff", "admin"})
  @DisplayName("Values the REST layer cannot read are 400 naming the parameter, not 500")
  void unreadableValues(String user) {
    refused(as(user).get(REST + "/authorization?resourceType=null"), "resourceType");
    refused(as(user).get(REST + "/history/variable-instance?includeDeleted=null"), "includeDeleted");
    refused(as(user).postJson(REST + "/migration/validate", "{\"sourceProcessDefinitionId\":\"a\","
        + "\"targetProcessDefinitionId\":\"b\",\"instructions\":[{\"sourceActivityIds\":[],\"targetActivityIds\":[\"x\"]}]}"),
        "sourceActivityIds");
    refused(as(user).postJson(REST + "/job", "{\"dueDates\":[{\"operator\":\"gt\",\"value\":{}}]}"), "dueDates");
    refused(as(user).get(REST + "/task?maxResults=abc"), "maxResults");
    refused(as(user).get(REST + "/task?created=abc"), "created");
  }

  @ParameterizedTest(name = "as {0}")
  @ValueSource(strings = {"liu.staff", "admin"})
  @DisplayName("A deployment with an activation time that is not a date is 400 naming it, and nothing is deployed")
  void deploymentActivationTime(String user) {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    Response r = multipart(user, REST + "/deployment/create", "deployment-activation-time", "notadate");
    refused(r, "deployment-activation-time");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"foo\":1}", "{\"businessKey\":{}}", "[1]", "\"abc\"", "{\"variables\":5}", "{bad"})
  @DisplayName("A body the JSON reader cannot map is a plain Chinese 400 without class names")
  void jsonParseErrors(String body) {
    Response r = as("liu.staff").postJson(REST + "/process-definition/key/leave-request/start", body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(JAVA_CLASS.matcher(r.body()).find()).as(r.body()).isFalse();
    assertThat(r.json().path("message").asText()).as("a Chinese message").matches(".*[\\u4e00-\\u9fff].*");
  }

  // ---- Tasklist's and Cockpit's API ------------------------------------------------------------

  @Test
  @DisplayName("Tasklist's and Cockpit's API answer the same bad input with 400, not 500")
  void webappApis() {
    WebappSession tasklist = WebappSession.login(port, "liu.staff", "tasklist");
    String api = "/camunda/api/engine/engine/default";
    assertWebapp(tasklist.get(api + "/task?candidateUser=a&candidateGroup=b"), "candidateGroup");
    assertWebapp(tasklist.get(api + "/history/process-instance?processDefinitionKeyNotIn="), "processDefinitionKeyNotIn");
    assertWebapp(tasklist.post(api + "/process-definition/key/leave-request/start",
        "{\"variables\":{\"days\":{\"value\":1,\"type\":\"\"}}}"), "days");
    WebappSession cockpit = WebappSession.login(port, "admin", "cockpit");
    assertWebapp(cockpit.get(api + "/user?maxResults=-5"), "maxResults");
    assertWebapp(cockpit.post("/camunda/api/cockpit/plugin/base/default/process-instance?maxResults=-5", "{}"),
        "maxResults");
  }

  private static void assertWebapp(Response r, String name) {
    refused(r, name);
  }

  private static Object json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Object.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response multipart(String user, String path, String field, String value) {
    String boundary = "----shequ" + System.nanoTime();
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " targetNamespace=\"t\"><process id=\"fuzz\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nfuzz\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"fuzz.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
