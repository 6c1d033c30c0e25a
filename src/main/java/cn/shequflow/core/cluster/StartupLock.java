package cn.shequflow.core.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One start-up at a time on a shared MySQL/MariaDB database (issue 22). Two nodes started at the
 * same moment on an empty database both wrote the start-up data (users, groups, grants, filters):
 * the slower one failed on {@code Duplicate entry … for key 'ACT_UNIQ_AUTH_GROUP'} and did not start
 * (found by {@code ops/fault-test}). So a node takes a named lock of the database server before its
 * engine is built (schema creation, deployments) and {@code StartupData} gives it back once the
 * start-up data is written; a second node waits for it (at most {@code shequ.cluster.startup-wait},
 * then it stops with a message naming the lock).
 * <p>
 * The lock ({@code GET_LOCK}, named after the database) belongs to one connection: a node killed
 * during its start-up releases it with the connection, nothing is left to clean up. On H2 (one
 * process owns the file) there is nothing to take.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
  static final String NAME = "concat('shequ_flow_startup.', database())";

  private final DataSource dataSource;
  private final Duration wait;
  private Connection held;

  public StartupLock(DataSource dataSource, @Value("${shequ.cluster.startup-wait:PT10M}") Duration wait) {
    this.dataSource = dataSource;
    this.wait = wait;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  /** Takes the lock, waiting while another node starts; does nothing if already held or on H2. */
  public synchronized void acquire() {
    if (held != null) {
      return;
    }
    try {
      Connection connection = dataSource.getConnection();
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
      if (!product.contains("mysql") && !product.contains("mariadb")) {
        connection.close();
        return;
      }
      long started = System.nanoTime();
      try (PreparedStatement s = connection.prepareStatement("select get_lock(" + NAME + ", ?)")) {
        s.setLong(1, Math.max(1, wait.toSeconds()));
        try (ResultSet r = s.executeQuery()) {
          r.next();
          if (r.getInt(1) != 1) {
            connection.close();
            throw new IllegalStateException("Another node has held the start-up lock (GET_LOCK "
                + NAME + ") for more than " + wait + "; is one hanging in its start-up?");
          }
        }
      }
      long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
      if (waited > 1000) {
        log.info("Waited {} ms for another node's start-up to finish", waited);
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Start-up lock not taken", e);
    }
  }

  /** Gives the lock back (after the start-up data); does nothing if not held. */
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held; PreparedStatement s = connection.prepareStatement("select release_lock(" + NAME + ")")) {
      s.executeQuery().close();
    } catch (SQLException e) {
      log.warn("Start-up lock not released cleanly (closing its connection releases it): {}", e.getMessage());
    } finally {
      held = null;
    }
  }
}
