package cn.shequflow.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows in every table of the schema (the engine's and the product's): to see what a request wrote.
 * The shared sessions (Spring Session's tables) are left out: a request that is refused may still
 * end its session, as Camunda's CSRF check does, and a session is no record of the office.
 */
public final class TableRows {

  private TableRows() {}

  public static Map<String, Long> counts(DataSource dataSource) throws SQLException {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String q = meta.getIdentifierQuoteString().strip();
      try (ResultSet tables = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
        while (tables.next()) {
          String table = tables.getString("TABLE_NAME");
          if (table.toLowerCase().startsWith("spring_session")) {
            continue;
          }
          counts.put(table.toLowerCase(), jdbc.queryForObject("select count(*) from " + q + table + q, Long.class));
        }
      }
    }
    return counts;
  }

  /** {@code before} with {@code table} grown by {@code added} rows. */
  public static Map<String, Long> plus(Map<String, Long> before, String table, long added) {
    Map<String, Long> expected = new TreeMap<>(before);
    expected.put(table, before.getOrDefault(table, 0L) + added);
    return expected;
  }
}
