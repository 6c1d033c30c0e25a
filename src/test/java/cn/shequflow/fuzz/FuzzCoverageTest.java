package cn.shequflow.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.fuzz.RequestGenerator.Planned;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the fuzz run of {@link OpenApiFuzzTest} (its seed and rounds) sends, for every cause of a
 * server error the issue found on /engine-rest, a request that triggers it. Those causes are now
 * refused with 400, so the fuzz run finds none of them; this test shows that it would, should one
 * come back. A cause the generator stops reaching fails here by name.
 *
 * <p>Plain JUnit over the plan (no server): the same {@link RequestGenerator#plan} the fuzz run sends,
 * for Camunda's document and ids shaped like the run's.
 */
class FuzzCoverageTest {

  static JsonNode camunda;
  static Map<String, List<String>> ids;
  static List<Planned> plan;

  @BeforeAll
  static void planTheRun() throws IOException {
    try (InputStream in = FuzzCoverageTest.class.getResourceAsStream("/openapi.json")) {
      assertThat(in).as("openapi.json of camunda-engine-rest-openapi on the test classpath").isNotNull();
      camunda = new ObjectMapper().readTree(in);
    }
    ids = RequestGenerator.ids("task-1", "instance-1", "leave-request:1:d", "deployment-1", "LV-1");
    plan = RequestGenerator.plan(camunda, null, ids, OpenApiFuzzTest.SEED, OpenApiFuzzTest.ROUNDS, OpenApiFuzzTest.RELEASE,
        OpenApiFuzzTest.DESTRUCTIVE);
  }

  /** The causes of issue 16, each as a request that triggers it. */
  static Map<String, Predicate<Planned>> causes() {
    Map<String, Predicate<Planned>> causes = new LinkedHashMap<>();
    causes.put("empty variable type on PUT /task/{id}/variables/{varName}",
        r -> is(r, "put", "/engine-rest/task/[^/?]+/variables/[^/?]+") && body(r).contains("\"type\":\"\""));
    causes.put("empty variable type in a message correlation",
        r -> is(r, "post", "/engine-rest/message") && body(r).contains("\"type\":\"\""));
    causes.put("empty variable type in a task completion",
        r -> is(r, "post", "/engine-rest/task/[^/?]+/complete") && body(r).contains("\"type\":\"\""));
    causes.put("empty IN list: /history/process-instance?processDefinitionKeyNotIn=",
        r -> is(r, "get", "/engine-rest/history/process-instance") && query(r).equals(Map.of("processDefinitionKeyNotIn", "")));
    causes.put("user operations by deployment and definition together",
        r -> is(r, "get", "/engine-rest/history/user-operation") && query(r).keySet().equals(java.util.Set.of("deploymentId", "processDefinitionId")));
    causes.put("negative paging as the administrator: /user?maxResults=-5",
        r -> admin(r) && is(r, "get", "/engine-rest/user") && query(r).equals(Map.of("maxResults", "-5")));
    causes.put("metrics in an interval of half a second",
        r -> is(r, "get", "/engine-rest/metrics") && query(r).equals(Map.of("interval", "0.5")));
    causes.put("a membership added twice (as the administrator)",
        r -> admin(r) && is(r, "put", "/engine-rest/group/zaozhi-staff/members/liu.staff"));
    causes.put("grants of a user and a group together: /authorization?userIdIn&groupIdIn",
        r -> is(r, "get", "/engine-rest/authorization") && query(r).keySet().equals(java.util.Set.of("userIdIn", "groupIdIn")));
    causes.put("tasks of a candidate user and a candidate group together",
        r -> is(r, "get", "/engine-rest/task") && query(r).keySet().equals(java.util.Set.of("candidateUser", "candidateGroup")));
    causes.put("process definitions of version 0",
        r -> is(r, "get", "/engine-rest/process-definition") && query(r).equals(Map.of("version", "0")));
    causes.put("activity instances canceled and completing a scope",
        r -> is(r, "get", "/engine-rest/history/activity-instance")
            && query(r).equals(Map.of("canceled", "true", "completeScope", "true")));
    causes.put("job retries for no jobs: POST /job/retries {\"retries\":…}",
        r -> is(r, "post", "/engine-rest/job/retries") && json(r).size() == 1 && json(r).has("retries"));
    causes.put("grants: type as text null (/authorization?resourceType=null)",
        r -> is(r, "get", "/engine-rest/authorization") && query(r).equals(Map.of("resourceType", "null")));
    causes.put("deleted variables as text null (/history/variable-instance?includeDeleted=null)",
        r -> is(r, "get", "/engine-rest/history/variable-instance") && query(r).equals(Map.of("includeDeleted", "null")));
    causes.put("a migration instruction without source activities",
        r -> is(r, "post", "/engine-rest/migration/validate") && json(r).path("instructions").path(0).path("sourceActivityIds").isArray()
            && json(r).path("instructions").path(0).path("sourceActivityIds").isEmpty());
    causes.put("a job due date that is an object",
        r -> is(r, "post", "/engine-rest/job") && json(r).path("dueDates").path(0).path("value").isObject());
    causes.put("external tasks locked for no time",
        r -> is(r, "post", "/engine-rest/external-task/fetchAndLock")
            && json(r).path("topics").path(0).path("lockDuration").asLong(1) <= 0
            && json(r).path("topics").path(0).path("lockDuration").isNumber());
    causes.put("a deployment activation time that is no date",
        r -> is(r, "post", "/engine-rest/deployment/create") && body(r).contains("name=\"deployment-activation-time\"\r\n\r\n")
            && !body(r).matches("(?s).*name=\"deployment-activation-time\"\r\n\r\n\\d{4}-.*"));
    return causes;
  }

  @Test
  @DisplayName("The fuzz run sends a request that triggers each server error issue 16 found")
  void everyKnownCauseIsReached() {
    TreeSet<String> missed = new TreeSet<>();
    causes().forEach((cause, trigger) -> {
      if (plan.stream().noneMatch(trigger)) {
        missed.add(cause);
      }
    });
    assertThat(missed).as("causes the fuzz run (seed %d, %d rounds, %d requests) does not reach",
        OpenApiFuzzTest.SEED, OpenApiFuzzTest.ROUNDS, plan.size()).isEmpty();
  }

  @Test
  @DisplayName("The CI run leaves requests of the release run out and sends nothing else")
  void ciRunIsPartOfTheReleaseRun() {
    List<Planned> ci = RequestGenerator.plan(camunda, null, ids, OpenApiFuzzTest.SEED, 1, false, OpenApiFuzzTest.DESTRUCTIVE);
    List<Planned> release = RequestGenerator.plan(camunda, null, ids, OpenApiFuzzTest.SEED, 1, true,
        OpenApiFuzzTest.DESTRUCTIVE);
    java.util.Set<String> whole = new java.util.HashSet<>();
    release.forEach(r -> whole.add(r.user() + " " + r.request().method() + " " + r.request().uri() + " " + r.request().body()));
    List<Planned> other = ci.stream()
        .filter(r -> !whole.contains(r.user() + " " + r.request().method() + " " + r.request().uri() + " " + r.request().body()))
        .toList();
    assertThat(other).as("requests of the CI run the release run does not send").isEmpty();
    assertThat(ci.size()).as("the CI run is smaller").isLessThan(release.size());
  }

  private static boolean admin(Planned r) {
    return "admin".equals(r.user());
  }

  private static boolean is(Planned r, String method, String pathPattern) {
    String uri = r.request().uri();
    int q = uri.indexOf('?');
    return r.request().method().equals(method) && (q < 0 ? uri : uri.substring(0, q)).matches(pathPattern);
  }

  private static String body(Planned r) {
    return r.request().body() == null ? "" : r.request().body();
  }

  private static JsonNode json(Planned r) {
    try {
      JsonNode node = new ObjectMapper().readTree(body(r));
      return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
    } catch (IOException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private static Map<String, String> query(Planned r) {
    String uri = r.request().uri();
    int q = uri.indexOf('?');
    Map<String, String> map = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : uri.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        map.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return map;
  }
}
