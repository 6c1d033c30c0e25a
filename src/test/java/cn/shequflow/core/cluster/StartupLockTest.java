package cn.shequflow.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two nodes starting at the same moment on one database write the start-up data one after the
 * other (issue 22). Without the lock the slower node failed on a duplicate grant
 * ({@code ACT_UNIQ_AUTH_GROUP}) and did not start; {@code ops/fault-test} starts two nodes at once
 * on an empty MariaDB and shows it. Here: on MySQL/MariaDB ({@code mvn test -Pmariadb}) the second
 * holder waits until the first gives the lock back; on H2 (one process) there is nothing to take.
 */
class StartupLockTest {

  private static boolean onMariaDb() {
    return System.getProperty("spring.profiles.active", "").contains("test-mariadb");
  }

  private static DataSource dataSource() {
    if (!onMariaDb()) {
      return new DriverManagerDataSource("jdbc:h2:mem:startup-lock;DB_CLOSE_DELAY=-1", "sa", "");
    }
    String env = System.getenv().getOrDefault("TEST_DB_NAME", "shequ_test");
    return new DriverManagerDataSource("jdbc:mysql://" + System.getenv().getOrDefault("TEST_DB_HOST", "127.0.0.1") + ":"
        + System.getenv().getOrDefault("TEST_DB_PORT", "3306") + "/" + env
        + "?useSSL=false&allowPublicKeyRetrieval=true&createDatabaseIfNotExist=true",
        System.getenv().getOrDefault("TEST_DB_USER", "root"), System.getenv().getOrDefault("TEST_DB_PASSWORD", ""));
  }

  @Test
  void secondStartWaitsForTheFirst() throws Exception {
    DataSource dataSource = dataSource();
    StartupLock first = new StartupLock(dataSource, Duration.ofSeconds(30));
    StartupLock second = new StartupLock(dataSource, Duration.ofSeconds(1));
    first.acquire();
    try {
      if (!onMariaDb()) {
        second.acquire(); // H2: nothing to wait for
        second.release();
        return;
      }
      // The second node gives up after its wait while the first still starts ...
      assertThatThrownBy(second::acquire).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("start-up lock");
      // ... and goes on as soon as the first gives the lock back.
      StartupLock patient = new StartupLock(dataSource, Duration.ofSeconds(30));
      CompletableFuture<Void> waiting = CompletableFuture.runAsync(patient::acquire);
      Thread.sleep(500);
      assertThat(waiting).isNotDone();
      first.release();
      waiting.get(10, TimeUnit.SECONDS);
      patient.release();
    } finally {
      first.release();
    }
  }

  @Test
  void aLockIsGivenBackWithItsConnection() {
    StartupLock lock = new StartupLock(dataSource(), Duration.ofSeconds(2));
    lock.acquire();
    lock.acquire(); // held already: nothing more
    lock.release();
    lock.release(); // not held: nothing
    StartupLock again = new StartupLock(dataSource(), Duration.ofSeconds(2));
    again.acquire();
    again.release();
  }
}
