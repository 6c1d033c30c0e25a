package cn.shequflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fills the product's tables with a year of a large street's cases for the scale benchmark, fast: it
 * copies the rows of a few real cases (filed through the API, so every row is what the product
 * writes) with JDBC batches. Each copy gets its own business key and process instance id (none runs
 * in the engine), a community, and every date moved back by a number of days, so that the copies
 * spread over the past year. Test code only.
 */
final class CaseCloner {

  /** The tables of a case, parents first; each has a {@code business_key} column. */
  static final List<String> TABLES = List.of("biz_case", "approval_step", "case_event", "case_deadline",
      "leave_request", "expense_request", "property_loan", "incident");

  /** One template case: the rows of each table, column name to value (auto-increment columns left out). */
  record Template(String businessKey, Map<String, List<Map<String, Object>>> rows) {
  }

  /** One copy to make: of which template, with which key, community and days back. */
  record Copy(Template template, String businessKey, String communityId, String communityName, int daysBack) {
  }

  private final Connection connection;

  CaseCloner(Connection connection) {
    this.connection = connection;
  }

  Template read(String businessKey) throws SQLException {
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    for (String table : TABLES) {
      List<Map<String, Object>> list = new ArrayList<>();
      try (PreparedStatement ps = connection.prepareStatement("select * from " + table + " where business_key = ?")) {
        ps.setString(1, businessKey);
        try (ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              if (!md.isAutoIncrement(i)) {
                row.put(md.getColumnName(i).toLowerCase(), rs.getObject(i));
              }
            }
            list.add(row);
          }
        }
      }
      rows.put(table, list);
    }
    if (rows.get("biz_case").isEmpty()) {
      throw new IllegalStateException("no case " + businessKey);
    }
    return new Template(businessKey, rows);
  }

  /** Writes the copies in one transaction per call (the caller passes batches of a few thousand). */
  void write(List<Copy> copies) throws SQLException {
    BenchDatabase.inTransaction(connection, () -> {
      for (String table : TABLES) {
        Map<String, PreparedStatement> statements = new LinkedHashMap<>();
        try {
          for (Copy copy : copies) {
            for (Map<String, Object> row : copy.template().rows().get(table)) {
              String columns = String.join(", ", row.keySet());
              PreparedStatement ps = statements.get(columns);
              if (ps == null) {
                ps = connection.prepareStatement("insert into " + table + " (" + columns + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")");
                statements.put(columns, ps);
              }
              int i = 1;
              for (var column : row.entrySet()) {
                ps.setObject(i++, value(copy, column.getKey(), column.getValue()));
              }
              ps.addBatch();
            }
          }
          for (PreparedStatement ps : statements.values()) {
            ps.executeBatch();
          }
        } finally {
          for (PreparedStatement ps : statements.values()) {
            ps.close();
          }
        }
      }
    });
  }

  static Object value(Copy copy, String column, Object value) {
    return switch (column) {
      case "business_key" -> copy.businessKey();
      case "process_instance_id" -> "scale-" + copy.businessKey();
      case "id" -> value instanceof String ? UUID.randomUUID().toString() : value;
      case "community_id" -> value == null ? null : copy.communityId();
      case "community_name" -> value == null ? null : copy.communityName();
      default -> moved(value, copy.daysBack());
    };
  }

  static Object moved(Object value, int daysBack) {
    if (value instanceof Timestamp t) {
      return Timestamp.valueOf(t.toLocalDateTime().minusDays(daysBack));
    }
    if (value instanceof java.sql.Date d) {
      return java.sql.Date.valueOf(d.toLocalDate().minusDays(daysBack));
    }
    if (value instanceof LocalDateTime t) {
      return t.minusDays(daysBack);
    }
    if (value instanceof LocalDate d) {
      return d.minusDays(daysBack);
    }
    return value;
  }
}
