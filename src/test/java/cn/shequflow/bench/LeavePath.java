package cn.shequflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The leave path of the benchmarks over REST, 5 calls per case (docs/benchmarks.md), shared by
 * {@link LeaveBenchmark} (the app in the same JVM) and {@link CompareClient} (a server started
 * apart: the product at two commits and the plain Camunda baseline). It asserts that each call
 * answers as the path expects. The plain baseline gets the very same requests: it ignores the
 * Authorization header (no REST authentication) and its process reads the same variables.
 */
final class LeavePath implements FamilyPath {

  static final String[] CALLS = {"1 start", "2 director lists tasks", "3 director approves",
      "4 applicant lists tasks", "5 applicant reports back"};
  /** Applicant and the director who approves: zaozhi's staff to zhang.director, taiping's to gao.director. */
  static final String[][] PEOPLE = {{"liu.staff", "zhang.director"}, {"chen.staff", "zhang.director"},
      {"ma.staff", "gao.director"}};

  private final String baseUrl;
  private final Supplier<LocalDate> today;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * @param baseUrl the server, e.g. http://localhost:8080
   * @param today the server's today (the product's clock in the same JVM, else the date in China)
   */
  LeavePath(String baseUrl, Supplier<LocalDate> today) {
    this.baseUrl = baseUrl;
    this.today = today;
  }

  @Override
  public String name() {
    return "leave";
  }

  @Override
  public String title() {
    return "leave, start -> the director approves -> report back (5 REST calls per case)";
  }

  @Override
  public String[] calls() {
    return CALLS;
  }

  /** One case: start, the director lists and approves, the applicant lists and reports back. */
  @Override
  public void runCase(int who, int n, Map<String, List<Long>> latencies) throws Exception {
    String applicant = PEOPLE[who % PEOPLE.length][0];
    String director = PEOPLE[who % PEOPLE.length][1];
    LocalDate day = today.get();
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("leaveType", "personal");
    start.put("startDate", day.toString());
    start.put("endDate", day.toString());
    start.put("days", 1);
    start.put("reason", "家中有事需要处理" + n);
    JsonNode instance = call(latencies, CALLS[0], applicant, "POST",
        "/engine-rest/process-definition/key/leave-request/start", variables(start), 200);
    String pi = instance.get("id").asText();
    JsonNode tasks = call(latencies, CALLS[1], director, "GET", "/engine-rest/task?processInstanceId=" + pi, null, 200);
    assertThat(tasks).as("the director's tasks in %s", pi).hasSize(1);
    call(latencies, CALLS[2], director, "POST", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
        variables(Map.of("approved", true, "comment", "同意")), 204);
    JsonNode mine = call(latencies, CALLS[3], applicant, "GET", "/engine-rest/task?processInstanceId=" + pi, null, 200);
    assertThat(mine).as("the applicant's tasks in %s", pi).hasSize(1);
    assertThat(mine.get(0).get("taskDefinitionKey").asText()).isEqualTo("reportBack");
    call(latencies, CALLS[4], applicant, "POST", "/engine-rest/task/" + mine.get(0).get("id").asText() + "/complete",
        variables(Map.of("returnedOn", today.get().toString())), 204);
  }

  static Map<String, Object> variables(Map<String, ?> values) {
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return Map.of("variables", vars);
  }

  JsonNode call(Map<String, List<Long>> latencies, String name, String user, String method, String path, Object body,
      int expected) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header(BenchConfiguration.CALL_HEADER, name)
        .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
    }
    long t0 = System.nanoTime();
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    long elapsed = System.nanoTime() - t0;
    if (latencies != null) {
      latencies.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add(elapsed);
    }
    assertThat(response.statusCode()).as("%s as %s: %s", name, user, response.body()).isEqualTo(expected);
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }

  /** The p-th percentile of the latencies, in milliseconds (nearest rank). */
  static double pct(List<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    long[] sorted;
    synchronized (nanos) {
      sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
