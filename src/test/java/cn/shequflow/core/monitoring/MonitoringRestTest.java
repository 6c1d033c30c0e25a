package cn.shequflow.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.TestClock;
import cn.shequflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 22: the load balancer reads a node's readiness without a login and learns UP or DOWN only;
 * health details and metrics (the office's figures among them) are for administrators.
 */
class MonitoringRestTest extends RestTestSupport {

  @Autowired BusinessMetrics metrics;
  @Autowired cn.shequflow.core.calendar.WorkCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  private HttpResponse<String> anonymous(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("Readiness answers anyone with UP and nothing more; health details and metrics need an administrator (401, 403)")
  void probesOpenDetailsForAdministrators() throws Exception {
    HttpResponse<String> ready = anonymous("/actuator/health/readiness");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(anonymous("/actuator/health/liveness").statusCode()).isEqualTo(200);
    for (String path : new String[] {"/actuator/health", "/actuator/health/db", "/actuator/prometheus", "/actuator/metrics",
        "/actuator"}) {
      assertThat(anonymous(path).statusCode()).as(path).isEqualTo(401);
      RestClient.Response staff = as("zhang.director").get(path);
      assertThat(staff.status()).as(path).isEqualTo(403);
      assertThat(staff.body()).contains("只对管理员开放");
    }
    JsonNode health = as("admin").get("/actuator/health").json();
    boolean calendarComplete = !calendar.missingYears(cn.shequflow.core.process.Clock.today())
        .contains(cn.shequflow.core.process.Clock.today().getYear());
    assertThat(health.get("status").asText()).isEqualTo(calendarComplete ? "UP" : "WARNING");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/workCalendar/details/year").asInt()).isEqualTo(cn.shequflow.core.process.Clock.today().getYear());
    assertThat(health.at("/components/jobExecutor/details/enabled").asBoolean()).as("off in tests").isFalse();
    assertThat(health.has("components") && !health.at("/components/mail").isMissingNode()).as("no mail check").isFalse();
    // An administrator logged in to the webapps reads them in the same session.
    assertThat(WebappSession.login(port, "admin", "cockpit").get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Without this year's holiday file the administrators' health warns (WARNING, 200); the node stays ready")
  void noCalendarWarns() throws Exception {
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.of(2041, 3, 2, 10, 0)
        .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
    try {
      HttpResponse<String> ready = anonymous("/actuator/health/readiness");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
      RestClient.Response health = as("admin").get("/actuator/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().get("status").asText()).isEqualTo("WARNING");
      JsonNode calendar = health.json().at("/components/workCalendar");
      assertThat(calendar.get("status").asText()).isEqualTo("WARNING");
      assertThat(calendar.at("/details/missingYears/0").asInt()).isEqualTo(2041);
    } finally {
      TestClock.reset();
    }
  }

  @Test
  @DisplayName("Prometheus carries the office's figures: cases by family and status, the unclaimed backlog by group")
  void officeFiguresInPrometheus() {
    String instance = start("liu.staff", leave(1)).get("id").asText();
    String status = jdbc.queryForObject("select status from biz_case where process_instance_id = ?", String.class, instance);
    metrics.refresh();
    HttpResponse<byte[]> answer = as("admin").download("/actuator/prometheus", "text/plain");
    assertThat(answer.statusCode()).isEqualTo(200);
    String scrape = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
    long leaves = jdbc.queryForObject("select count(*) from biz_case where family = 'leave' and status = ?", Long.class, status);
    assertThat(gauge(scrape, "shequ_cases\\{family=\"leave\",status=\"" + status + "\"\\}")).isEqualTo(leaves).isPositive();
    long backlog = engine.getTaskService().createTaskQuery().taskCandidateGroup("zaozhi-director").taskUnassigned().count();
    assertThat(gauge(scrape, "shequ_tasks_unclaimed\\{group=\"zaozhi-director\"\\}")).isEqualTo(backlog).isPositive();
    assertThat(scrape).contains("shequ_jobs_failed").contains("shequ_tasks_assigned");
  }

  private static long gauge(String scrape, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.E]+)$").matcher(scrape);
    assertThat(m.find()).as(name + " in\n" + scrape.lines().filter(l -> l.startsWith("shequ")).toList()).isTrue();
    return (long) Double.parseDouble(m.group(1));
  }
}
