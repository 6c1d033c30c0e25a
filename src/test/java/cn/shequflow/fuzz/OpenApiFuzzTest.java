package cn.shequflow.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.fuzz.RequestGenerator.Operation;
import cn.shequflow.fuzz.RequestGenerator.Request;
import cn.shequflow.support.RestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue 16: every operation of Camunda's OpenAPI document ({@code /engine-rest}, from
 * {@code camunda-engine-rest-openapi}) and of ours ({@code /api}, from {@code /v3/api-docs}), called
 * with generated requests (odd path, query and body values) as a staff member and as an
 * administrator. No answer may be a server error, and no error may name a Java class.
 *
 * <p>Its own Spring context and in-memory H2 database (the administrator changes things), closed
 * after the class. Fixed seed; {@code -Dshequ.fuzz.rounds=N} (default 2, about two minutes) and
 * {@code -Dshequ.fuzz.seed=S} for a longer release run: {@code mvn test -Dtest=OpenApiFuzzTest
 * -Dshequ.fuzz.rounds=20}. Findings are written to {@code target/fuzz-report.txt}.
 */
@Tag("fuzz")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:shequ-fuzz-${random.uuid};DB_CLOSE_DELAY=-1",
    "spring.datasource.username=sa",
    "spring.datasource.password=",
    "camunda.bpm.database.type=h2",
    "shequ.fuzz.context=own"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OpenApiFuzzTest {

  static final long SEED = Long.getLong("shequ.fuzz.seed", 16L);
  static final int ROUNDS = Integer.getInteger("shequ.fuzz.rounds", 2);

  /** A qualified Java class name, a DTO's name or a Java type in an error's body. */
  static final Pattern JAVA_CLASS = Pattern.compile(
      "\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][\\w$]*|\\b[A-Z]\\w*Dto\\b|java type|Exception:");

  /**
   * Operations not sent as the administrator: they would delete the demo users, groups, memberships,
   * grants or the deployed processes the rest of the run needs, or change the demo users' passwords.
   */
  static final Set<String> DESTRUCTIVE = Set.of(
      "DELETE /engine-rest/user/{id}", "PUT /engine-rest/user/{id}/credentials", "PUT /engine-rest/user/{id}/profile",
      "DELETE /engine-rest/group/{id}", "DELETE /engine-rest/group/{id}/members/{userId}", "PUT /engine-rest/group/{id}",
      "DELETE /engine-rest/authorization/{id}", "PUT /engine-rest/authorization/{id}",
      "DELETE /engine-rest/deployment/{id}", "DELETE /engine-rest/process-definition/{id}",
      "DELETE /engine-rest/process-definition/key/{key}", "DELETE /engine-rest/process-definition/key/{key}/tenant-id/{tenant-id}",
      "DELETE /engine-rest/filter/{id}", "PUT /engine-rest/filter/{id}");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void serveThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }

  @Test
  @DisplayName("No generated request to /engine-rest or /api answers 5xx or names a Java class, as staff or admin")
  void noServerErrorsNoClassNames() throws IOException {
    JsonNode camunda;
    try (InputStream in = getClass().getResourceAsStream("/openapi.json")) {
      assertThat(in).as("openapi.json of camunda-engine-rest-openapi on the test classpath").isNotNull();
      camunda = json.readTree(in);
    }
    RestClient.Response docs = RestClient.as(port, "admin").get("/v3/api-docs");
    assertThat(docs.status()).as(docs.body()).isEqualTo(200);
    JsonNode ours = docs.json();

    Map<String, List<String>> ids = ids();
    List<Operation> operations = new ArrayList<>(RequestGenerator.operations(camunda, "/engine-rest"));
    int camundaOperations = operations.size();
    operations.addAll(RequestGenerator.operations(ours, ""));
    assertThat(camundaOperations).as("Camunda's operations").isGreaterThan(300);
    assertThat(operations.size() - camundaOperations).as("our /api operations").isGreaterThan(10);

    Random random = new Random(SEED);
    RequestGenerator camundaRequests = new RequestGenerator(camunda, ids, random);
    RequestGenerator ourRequests = new RequestGenerator(ours, ids, random);
    Map<String, String> findings = new TreeMap<>();
    int sent = 0;
    long started = System.nanoTime();
    for (int round = 0; round < ROUNDS; round++) {
      for (Operation op : operations) {
        for (String user : List.of("liu.staff", "admin")) {
          if ("admin".equals(user) && DESTRUCTIVE.contains(op.name())) {
            continue;
          }
          RequestGenerator generator = op.base().isEmpty() ? ourRequests : camundaRequests;
          List<Request> requests = new ArrayList<>(generator.sweep(op, round));
          requests.add(generator.generate(op));
          for (Request request : requests) {
            HttpResponse<String> response = send(user, request);
            sent++;
            String finding = finding(response);
            if (finding != null) {
              findings.putIfAbsent(op.name() + " as " + user + " → " + finding, request.toString());
            }
          }
        }
      }
    }
    StringBuilder report = new StringBuilder("Fuzz run: seed " + SEED + ", " + ROUNDS + " rounds, " + operations.size()
        + " operations, " + sent + " requests, " + (System.nanoTime() - started) / 1_000_000_000 + " s, "
        + findings.size() + " findings\n");
    findings.forEach((k, v) -> report.append(k).append("\n    ").append(v).append('\n'));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/fuzz-report.txt"), report, StandardCharsets.UTF_8);
    assertThat(findings).as(report.toString()).isEmpty();
  }

  /** What is wrong with an answer: a server error or a Java class name in an error body; null if nothing. */
  private String finding(HttpResponse<String> response) {
    if (response == null) {
      return "no answer within 30 s";
    }
    String body = response.body() == null ? "" : response.body();
    String type = "";
    try {
      type = json.readTree(body).path("type").asText("");
    } catch (IOException | RuntimeException e) {
      // not JSON
    }
    if (response.statusCode() >= 500) {
      return response.statusCode() + " " + type + ": " + cut(body);
    }
    if (response.statusCode() >= 400) {
      var m = JAVA_CLASS.matcher(body);
      if (m.find()) {
        return response.statusCode() + " names " + m.group() + ": " + cut(body);
      }
    }
    return null;
  }

  private static String cut(String body) {
    String line = body.replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private HttpResponse<String> send(String user, Request request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.uri()))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    HttpRequest.BodyPublisher body = request.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    builder.method(request.method().toUpperCase(), body);
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return null;
    } catch (IOException e) {
      throw new IllegalStateException(request.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A running leave request with its approval task, and the ids the generator puts into paths. */
  private Map<String, List<String>> ids() {
    LocalDate start = cn.shequflow.core.process.Clock.today().plusDays(7);
    Map<String, Object> leave = new LinkedHashMap<>();
    leave.put("leaveType", "personal");
    leave.put("startDate", start.toString());
    leave.put("endDate", start.toString());
    leave.put("days", 1);
    leave.put("reason", "家中有事");
    RestClient.Response started = RestClient.as(port, "liu.staff")
        .post("/engine-rest/process-definition/key/leave-request/start", RestClient.variables(leave));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().get("id").asText();
    String definition = started.json().get("definitionId").asText();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    String deployment = engine.getRepositoryService().getProcessDefinition(definition).getDeploymentId();
    String businessKey = started.json().path("businessKey").asText("x");

    Map<String, List<String>> ids = new LinkedHashMap<>();
    ids.put("task", List.of(task));
    ids.put("taskId", List.of(task));
    ids.put("process-instance", List.of(instance));
    ids.put("processInstanceId", List.of(instance));
    ids.put("execution", List.of(instance));
    ids.put("process-definition", List.of(definition));
    ids.put("processDefinitionId", List.of(definition));
    ids.put("deployment", List.of(deployment));
    ids.put("deploymentId", List.of(deployment));
    ids.put("key", List.of("leave-request", "leave-approvers"));
    ids.put("businessKey", List.of(businessKey));
    ids.put("user", List.of("liu.staff", "fuzz.user"));
    ids.put("userId", List.of("liu.staff", "fuzz.user"));
    ids.put("group", List.of("zaozhi-staff", "fuzz-group"));
    ids.put("groupId", List.of("zaozhi-staff", "fuzz-group"));
    ids.put("varName", List.of("days", "reason"));
    ids.put("tenant-id", List.of("t"));
    ids.put("*", List.of(instance, task, definition, "leave-request", "liu.staff", "x"));
    return ids;
  }
}
