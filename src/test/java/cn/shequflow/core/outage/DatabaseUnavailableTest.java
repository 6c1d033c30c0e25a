package cn.shequflow.core.outage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Properties;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
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
  static final AtomicBoolean breakNextWrite = new AtomicBoolean();

  @Autowired JdbcTemplate jdbc;

  @TestConfiguration
  static class FailingPool {
    @Bean
    static BeanPostProcessor failingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof HikariDataSource pool) {
            // The pool's physical connections can break under it, as the database's do when it restarts.
            pool.setDataSource(new DriverManagerDataSource(pool.getJdbcUrl()) {
              @Override
              protected Connection getConnectionFromDriverManager(String url, Properties props) throws SQLException {
                return breakable(super.getConnectionFromDriverManager(url, props));
              }
            });
          }
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

    /**
     * A physical connection that breaks as the database's does when it restarts in the middle of a
     * command: while {@link #breakNextWrite} is set, the next statement that writes fails with a
     * communications error (SQL state 08S01, as MariaDB's driver reports it) and the connection is
     * gone. The pool then marks it broken and puts its own closed connection in its place, so the
     * rollback that follows fails with the pool's "Connection is closed" (no SQL state): Spring's
     * {@code TransactionSystemException: JDBC rollback failed}, the error the fault test met.
     * Closing it closes the real one, which rolls back: nothing is written.
     */
    static Connection breakable(Connection real) {
      boolean[] broken = {false};
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            String name = method.getName();
            if (broken[0] && !Set.of("close", "abort", "isClosed", "isValid", "unwrap", "isWrapperFor", "hashCode",
                "equals", "toString").contains(name)) {
              throw new SQLNonTransientConnectionException("(conn=7) Connection is closed", "08003");
            }
            Object result = invoke(method, real, args);
            if (result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql) {
              return breakingStatement(statement, sql, broken);
            }
            return result;
          });
    }

    private static Object breakingStatement(PreparedStatement real, String sql, boolean[] broken) {
      boolean write = sql.stripLeading().toLowerCase(Locale.ROOT).matches("(?s)(insert|update|delete)\\b.*");
      return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
          (proxy, method, args) -> {
            if (write && method.getName().startsWith("execute") && breakNextWrite.compareAndSet(true, false)) {
              broken[0] = true;
              throw new SQLNonTransientConnectionException(
                  "(conn=7) Communications link failure: socket closed by the server", "08S01");
            }
            return invoke(method, real, args);
          });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
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
    breakNextWrite.set(false);
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
  @DisplayName("The connection breaks in the middle of a command (and so its rollback fails): /engine-rest's task completion and /api's 抄送 answer 503 with Retry-After, nothing written; sent again they succeed")
  void connectionBrokenMidCommandIs503() throws Exception {
    String instance = start("liu.staff", leave(1)).get("id").asText();
    String task = onlyTaskId("zhang.director", instance);
    long events = jdbc.queryForObject("select count(*) from case_event", Long.class);
    Map<String, Object> approve = RestClient.variables(Map.of("approved", true, "comment", "同意"));

    // The product API: 抄送 in one Spring transaction whose rollback fails the same way.
    Map<String, Object> copy = Map.of("userIds", java.util.List.of("he.grid"), "note", "请知悉");
    breakNextWrite.set(true);
    var cc = as("zhang.director").exchangeJson("/api/tasks/" + task + "/cc", copy);
    assertThat(breakNextWrite.get()).as("the connection broke during 抄送").isFalse();
    assertThat(cc.statusCode()).as(cc.body()).isEqualTo(503);
    assertThat(cc.body()).contains(DatabaseUnavailable.MESSAGE).doesNotContain("SQL", "JDBC", "java.", "org.");
    assertThat(cc.headers().firstValue("Retry-After")).hasValue(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    assertThat(jdbc.queryForObject("select count(*) from case_event", Long.class)).isEqualTo(events);
    assertThat(as("he.grid").get("/api/cc?size=100").body()).doesNotContain("请知悉");
    RestClient.Response copied = as("zhang.director").post("/api/tasks/" + task + "/cc", copy);
    assertThat(copied.status()).as(copied.body()).isEqualTo(200);
    events = jdbc.queryForObject("select count(*) from case_event", Long.class);

    breakNextWrite.set(true);
    var raw = as("zhang.director").exchangeJson("/engine-rest/task/" + task + "/complete", approve);
    assertThat(breakNextWrite.get()).as("the connection broke during the command").isFalse();
    assertThat(raw.statusCode()).as(raw.body()).isEqualTo(503);
    assertThat(raw.body()).contains(DatabaseUnavailable.MESSAGE).doesNotContain("SQL", "JDBC", "java.", "org.");
    assertThat(raw.headers().firstValue("Retry-After")).hasValue(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));

    // Nothing of the completion was written: the task is open, the timeline unchanged; sent again it succeeds.
    assertThat(onlyTaskId("zhang.director", instance)).isEqualTo(task);
    assertThat(jdbc.queryForObject("select count(*) from case_event", Long.class)).isEqualTo(events);
    RestClient.Response again = as("zhang.director").post("/engine-rest/task/" + task + "/complete", approve);
    assertThat(again.status()).as(again.body()).isIn(200, 204);
  }

  /** Spring's exception when the rollback after {@code application} failed on a connection the pool closed. */
  private static org.springframework.transaction.TransactionSystemException rollbackFailedAfter(Throwable application) {
    var rollback = new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollback.initApplicationException(application);
    return rollback;
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
    // The rollback after a broken connection fails with the pool's bare "Connection is closed": the
    // statement's error (its application exception) decides; a bug's rollback failing stays a 500.
    assertThat(DatabaseUnavailable.causedBy(rollbackFailedAfter(new org.camunda.bpm.engine.ProcessEngineException(
        new SQLNonTransientConnectionException("Communications link failure", "08S01"))))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new org.glassfish.jersey.server.internal.process.MappableException(
        rollbackFailedAfter(new RuntimeException(new SQLException("Socket error", "08S01")))))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(rollbackFailedAfter(new NullPointerException("bug")))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(rollbackFailedAfter(new org.camunda.bpm.engine.ProcessEngineException(
        new SQLException("Duplicate entry", "23000"))))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new org.springframework.transaction.TransactionSystemException(
        "JDBC commit failed", new SQLException("Connection is closed")))).isFalse();
  }
}
