package cn.shequflow.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.ShequFlowApplication;
import cn.shequflow.core.security.TasklistFilters;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.WebappSession;
import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.welcome.Welcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 22: a second node of the same build on the same database, as behind a load balancer
 * without sticky sessions. A person logged in on one node goes on working on the other, with the
 * same CSRF token, and after the first node is gone; the second node's start-up creates nothing
 * twice (deployments, organisation, grants, filters).
 */
class SecondNodeTest extends RestTestSupport {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  private static final List<String> STARTUP_TABLES = List.of("ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "ACT_RE_DECISION_DEF",
      "ACT_ID_USER", "ACT_ID_GROUP", "ACT_ID_MEMBERSHIP", "ACT_RU_AUTHORIZATION", "ACT_RU_FILTER", "org_person",
      "org_role_assignment");

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    STARTUP_TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
    return counts;
  }

  private ConfigurableApplicationContext secondNode() {
    String url = ((HikariDataSource) dataSource).getJdbcUrl();
    return new SpringApplicationBuilder(ShequFlowApplication.class)
        .run("--server.port=0", "--spring.datasource.url=" + url); // above the profile's own database
  }

  @Test
  @DisplayName("A session (login and CSRF token) started on one node works on the other, also after the first node is gone; the second start-up creates nothing twice")
  void sessionFollowsTheRequestToAnyNode() {
    Map<String, Long> before = counts();
    WebappSession onFirst = WebappSession.login(port, "liu.staff", "tasklist");
    String token = onFirst.csrfToken();
    assertThat(onFirst.get("/api/cases/mine").status()).isEqualTo(200);
    WebappSession onSecondOnly;
    // Two nodes in one test JVM share the webapps' static registries, which a node's start and stop
    // overwrite: put this node's back afterwards (two real nodes are two JVMs).
    var cockpit = Cockpit.getRuntimeDelegate();
    var tasklist = Tasklist.getRuntimeDelegate();
    var admin = Admin.getRuntimeDelegate();
    var welcome = Welcome.getRuntimeDelegate();
    try (ConfigurableApplicationContext second = secondNode()) {
      assertThat(counts()).as("the second node's start-up created nothing").isEqualTo(before);
      int secondPort = ((ServletWebServerApplicationContext) second).getWebServer().getPort();
      WebappSession onSecond = onFirst.at(secondPort);

      RestClient.Response me = onSecond.get("/camunda/api/admin/auth/user/default");
      assertThat(me.status()).as(me.body()).isEqualTo(200);
      assertThat(me.json().get("userId").asText()).isEqualTo("liu.staff");
      assertThat(onSecond.get("/api/cases/mine").status()).as("the product API in the same session").isEqualTo(200);
      // A POST carries the CSRF token the first node handed out; without it the second node refuses
      // (and Camunda ends the session as it refuses).
      String todo = engine.getFilterService().createTaskFilterQuery().filterName(TasklistFilters.TODO).singleResult().getId();
      String count = "/camunda/api/engine/engine/default/filter/" + todo + "/count";
      RestClient.Response counted = onSecond.postWithToken(count, "{}", token);
      assertThat(counted.status()).as(counted.body()).isEqualTo(200);
      assertThat(onSecond.postWithToken(count, "{}", null).status()).isEqualTo(403);

      // Someone logs in on the second node, which then goes down: the first node knows the session.
      onSecondOnly = WebappSession.login(secondPort, "zhang.director", "tasklist");
    } finally {
      ProcessEngines.registerProcessEngine(engine); // the second node's engine closed with it
      Cockpit.setCockpitRuntimeDelegate(cockpit);
      Tasklist.setTasklistRuntimeDelegate(tasklist);
      Admin.setAdminRuntimeDelegate(admin);
      Welcome.setRuntimeDelegate(welcome);
    }
    RestClient.Response me = onSecondOnly.at(port).get("/camunda/api/admin/auth/user/default");
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().get("userId").asText()).isEqualTo("zhang.director");
    assertThat(onSecondOnly.at(port).get("/api/tasks/done").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("A client with HTTP Basic (REST API, product API) keeps no session in the database")
  void basicClientsAreStateless() {
    long sessions = jdbc.queryForObject("select count(*) from SPRING_SESSION", Long.class);
    assertThat(as("zhang.director").get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    assertThat(as("liu.staff").get("/api/cases/mine").status()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION", Long.class)).isEqualTo(sessions);
  }
}
