package cn.shequflow.core.outage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Issue 22: while the database cannot be reached (a restart, the pool timing out) every API answers
 * 503 with a Chinese message and Retry-After, not 500, and the refused call wrote nothing. Its own
 * context: the pool here can be switched to hand out no connection, as Hikari does when the
 * database is down.
 */
@Import(DatabaseUnavailableTest.FailingPool.class)
class DatabaseUnavailableTest extends RestTestSupport {

  static volatile boolean down;

  @Autowired JdbcTemplate jdbc;

  @TestConfiguration
  static class FailingPool {
    @Bean
    static BeanPostProcessor failingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource) ? new DelegatingDataSource(ds) {
            @Override
            public Connection getConnection() throws SQLException {
              check();
              return super.getConnection();
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
              check();
              return super.getConnection(user, password);
            }
          } : bean;
        }
      };
    }

    static void check() throws SQLException {
      if (down) {
        throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms.");
      }
    }
  }

  @AfterEach
  void up() {
    down = false;
  }

  private static void assertUnavailable(RestClient.Response r, String what) {
    assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(503);
    assertThat(r.body()).as(what).contains(DatabaseUnavailable.MESSAGE).doesNotContain("SQL", "Hikari", "java.");
  }

  @Test
  @DisplayName("Database unreachable: /engine-rest, the webapps' engine API (session) and /api answer 503 with Retry-After; the refused start wrote nothing")
  void unreachableDatabaseIs503AndWritesNothing() throws Exception {
    String key = "LV-" + cn.shequflow.core.process.Clock.today().getYear() + "-777001";
    // Logged in once while the database is up (the Basic login is then cached): the engine's own command fails.
    assertThat(as("liu.staff").get("/engine-rest/task").status()).isEqualTo(200);
    long cases = jdbc.queryForObject("select count(*) from biz_case", Long.class);
    long events = jdbc.queryForObject("select count(*) from case_event", Long.class);
    cn.shequflow.support.WebappSession tasklist = cn.shequflow.support.WebappSession.login(port, "liu.staff", "tasklist");
    down = true;
    // The webapps' session is kept in the database: loading it fails first, answered the same way.
    assertUnavailable(tasklist.get("/camunda/api/engine/engine/default/task"), "webapp engine API");
    assertUnavailable(tasklist.post("/camunda/api/engine/engine/default/process-definition/key/leave-request/start",
        "{\"businessKey\":\"" + key + "\"}"), "webapp start");
    RestClient.Response start = as("liu.staff").post("/engine-rest/process-definition/key/leave-request/start",
        Map.of("businessKey", key, "variables", RestClient.variables(leave(1)).get("variables")));
    assertUnavailable(start, "engine start");
    assertUnavailable(as("liu.staff").get("/engine-rest/task"), "engine task list");
    assertUnavailable(as("liu.staff").get("/api/cases/mine"), "product API");
    // A person not yet logged in: the login itself needs the database.
    assertUnavailable(as("chen.staff").get("/engine-rest/task"), "login needing the database");
    var raw = as("liu.staff").exchange("GET", "/engine-rest/task");
    assertThat(raw.statusCode()).isEqualTo(503);
    assertThat(raw.headers().firstValue("Retry-After")).hasValue(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    down = false;
    // Nothing was written by the refused start; the same request now succeeds.
    assertThat(jdbc.queryForObject("select count(*) from biz_case", Long.class)).isEqualTo(cases);
    assertThat(jdbc.queryForObject("select count(*) from case_event", Long.class)).isEqualTo(events);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    assertThat(as("liu.staff").get("/engine-rest/task").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Only an unreachable database is 'unavailable': a refused value or a plain error is not")
  void whatCountsAsUnavailable() {
    assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLTransientConnectionException("timeout")))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new org.camunda.bpm.engine.ProcessEngineException(
        new SQLException("Communications link failure", "08S01")))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new org.springframework.transaction.CannotCreateTransactionException("x"))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("Duplicate entry", "23000"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("x"))).isFalse();
  }
}
