package cn.shequflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database a benchmark runs on (docs/benchmarks.md): a fresh H2 file under target/bench/, or with
 * {@code -Pbench,mariadb} a MariaDB/MySQL database ({@code BENCH_DB_NAME}, default {@code shequ_bench})
 * dropped and made afresh on the server of the MariaDB suite ({@code TEST_DB_*}).
 */
final class BenchDatabase {

  private BenchDatabase() {
  }

  static boolean mariadb() {
    return System.getProperty("spring.profiles.active", "").contains("test-mariadb");
  }

  static String name() {
    return mariadb() ? "mariadb" : "h2";
  }

  /** Points the app at a fresh database of the benchmark. */
  static void register(DynamicPropertyRegistry registry) throws Exception {
    if (mariadb()) {
      String name = System.getenv().getOrDefault("BENCH_DB_NAME", "shequ_bench");
      try (Connection c = server("")) {
        c.createStatement().execute("drop database if exists `" + name + "`");
        c.createStatement().execute("create database `" + name + "` character set utf8mb4 collate utf8mb4_unicode_ci");
      }
      registry.add("TEST_DB_NAME", () -> name);
    } else {
      Files.createDirectories(Path.of("target/bench"));
      String file = "./target/bench/shequ-" + UUID.randomUUID();
      registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
    }
  }

  /**
   * A connection of its own to the benchmark's MariaDB database, with batched statements rewritten
   * into multi-row inserts (for loading data in bulk).
   */
  static Connection bulkConnection() throws SQLException {
    return server(System.getenv().getOrDefault("BENCH_DB_NAME", "shequ_bench") + "?rewriteBatchedStatements=true&");
  }

  /** Work on {@code connection} in one transaction: committed, or rolled back when it throws. */
  interface Work {
    void run() throws SQLException;
  }

  static void inTransaction(Connection connection, Work work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static Connection server(String database) throws SQLException {
    String host = System.getenv().getOrDefault("TEST_DB_HOST", "127.0.0.1");
    String port = System.getenv().getOrDefault("TEST_DB_PORT", "3306");
    String url = "jdbc:mysql://" + host + ":" + port + "/" + database
        + (database.contains("?") ? "" : "?") + "useSSL=false&allowPublicKeyRetrieval=true";
    return DriverManager.getConnection(url, System.getenv().getOrDefault("TEST_DB_USER", "root"),
        System.getenv().getOrDefault("TEST_DB_PASSWORD", ""));
  }
}
