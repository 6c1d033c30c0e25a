package cn.shequflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of tests that drive the running app over HTTP. Camunda's REST API and webapps find their
 * engine by name in the static {@link ProcessEngines} registry, and every Spring test context
 * builds its own engine called "default": the one built last wins. So before each test this
 * context's engine is put back in the registry, and the server answers from the same database the
 * test's own beans read.
 *
 * <p>These tests run on the machine's clock (the app's {@link cn.shequflow.core.process.Clock}):
 * they read "today" from that same clock, never from a second one, and are tagged {@code clock}
 * so that CI runs them again with the machine clock moved ({@code mvn test -Pmoved-clock}).
 */
@Tag("clock")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RestTestSupport {

  @LocalServerPort protected int port;
  @Autowired protected ProcessEngine engine;

  @BeforeEach
  void serveThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }

  protected RestClient as(String user) {
    return RestClient.as(port, user);
  }

  /** A personal-leave request of {@code days} starting a week from today. */
  protected static Map<String, Object> leave(double days) {
    return StartForms.leave(cn.shequflow.core.process.Clock.today().plusDays(7), days, "孩子生病需要照顾");
  }

  /** Starts leave-request over REST as {@code user}; the started instance (200 asserted). */
  protected JsonNode start(String user, Map<String, Object> variables) {
    RestClient.Response r = as(user).post("/engine-rest/process-definition/key/leave-request/start",
        RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** The tasks {@code user} sees in the instance, through the engine REST API. */
  protected List<JsonNode> tasksOf(String user, String processInstanceId) {
    RestClient.Response r = as(user).get("/engine-rest/task?processInstanceId=" + processInstanceId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.json().forEach(list::add);
    return list;
  }

  /** The id of the one task {@code user} sees in the instance (asserted). */
  protected String onlyTaskId(String user, String processInstanceId) {
    List<JsonNode> t = tasksOf(user, processInstanceId);
    assertThat(t).as("tasks %s sees in %s", user, processInstanceId).hasSize(1);
    return t.get(0).get("id").asText();
  }

  /** A 1×1 PNG, for attachments a test needs only to exist. */
  protected static final byte[] TINY_PNG = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  /**
   * {@code user} adds a file of {@code kind} to the case on his task (POST /api/cases/{key}/files, 201
   * asserted): the file the policy of required attachments asks for (e.g. rule voucherInvoice before
   * bookVoucher), as the bookkeeper attaches the invoice's photo in Tasklist.
   */
  protected void attach(String user, String businessKey, String taskId, String kind) {
    RestClient.Response r = as(user).postMultipart("/api/cases/" + businessKey + "/files",
        RestClient.Part.file("file", kind + ".png", "image/png", TINY_PNG), RestClient.Part.text("taskId", taskId),
        RestClient.Part.text("kind", kind));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /** A JSON body from name/value pairs, in order. */
  protected static Map<String, Object> body(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** A 400 that names {@code field}. */
  protected static void assertField(RestClient.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo(field);
  }
}
