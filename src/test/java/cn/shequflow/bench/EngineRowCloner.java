package cn.shequflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the engine's runtime rows of one waiting process instance (its executions, tasks, candidate
 * links, variables with their byte arrays, and the authorizations on them) many times, for the scale
 * benchmark's inbox of 100,000 open tasks. Every id of the template's rows is given a suffix wherever
 * it appears, so each copy is a consistent instance of its own. Test code only.
 */
final class EngineRowCloner {

  private final Connection connection;
  private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
  private final Set<String> ids = new HashSet<>();

  EngineRowCloner(Connection connection, String processInstanceId) throws SQLException {
    this.connection = connection;
    read("ACT_RU_EXECUTION", "PROC_INST_ID_ = ?", processInstanceId);
    read("ACT_RU_TASK", "PROC_INST_ID_ = ?", processInstanceId);
    read("ACT_RU_IDENTITYLINK", "TASK_ID_ in (select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?)", processInstanceId);
    read("ACT_RU_VARIABLE", "PROC_INST_ID_ = ?", processInstanceId);
    read("ACT_GE_BYTEARRAY", "ID_ in (select BYTEARRAY_ID_ from ACT_RU_VARIABLE where PROC_INST_ID_ = ?)",
        processInstanceId);
    read("ACT_RU_AUTHORIZATION", "RESOURCE_ID_ = ? or RESOURCE_ID_ in (select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?)",
        processInstanceId, processInstanceId);
    rows.values().forEach(list -> list.forEach(r -> ids.add(String.valueOf(r.get("ID_")))));
  }

  /**
   * Also copies the instance's jobs (its timers, {@code ACT_RU_JOB}) and the product's rows of its case
   * (the register and the family's tables, by business key, and the head of its timeline chain), with
   * the business key suffixed like an id,
   * so that each copy is a case whose timer the job executor can run (the timers benchmark).
   */
  EngineRowCloner withJobsAndCase(String processInstanceId, String businessKey) throws SQLException {
    read("ACT_RU_JOB", "PROCESS_INSTANCE_ID_ = ?", processInstanceId);
    for (String table : CaseCloner.TABLES) {
      read(table, "business_key = ?", businessKey);
    }
    // The head of the case's timeline chain: a case with a timeline has one, and without it each
    // copy's first event would create it (a gap-locking insert the product never does there).
    String chain = "case:" + businessKey;
    read("chain_head", "chain_id = ?", chain);
    ids.add(chain);
    rows.values().forEach(list -> list.forEach(r -> {
      if (r.get("ID_") != null) {
        ids.add(String.valueOf(r.get("ID_")));
      }
      if (r.get("ID") instanceof String id) {
        ids.add(id);
      }
    }));
    ids.add(businessKey);
    return this;
  }

  /** The rows of one table of the template (column names upper case). */
  List<Map<String, Object>> rows(String table) {
    return rows.getOrDefault(table, List.of());
  }

  private void read(String table, String where, String... params) throws SQLException {
    List<Map<String, Object>> list = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("select * from " + table + " where " + where)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            if (md.isAutoIncrement(i)) {
              continue;
            }
            row.put(md.getColumnName(i).toUpperCase(), rs.getObject(i));
          }
          list.add(row);
        }
      }
    }
    rows.put(table, list);
  }

  /** The id of copy {@code n}: suffixed, and cut in front of the suffix to stay within 36 characters (the product's ids). */
  static String copyId(String id, int n) {
    String suffix = "-" + n;
    return (id.length() + suffix.length() > 36 ? id.substring(0, 36 - suffix.length()) : id) + suffix;
  }

  /** The number of rows one copy writes. */
  int rowsPerCopy() {
    return rows.values().stream().mapToInt(List::size).sum();
  }

  /** Writes copies {@code from} to {@code to} (exclusive) in one transaction. */
  void write(int from, int to) throws SQLException {
    BenchDatabase.inTransaction(connection, () -> {
      for (var table : rows.entrySet()) {
        if (table.getValue().isEmpty()) {
          continue;
        }
        List<String> columns = new ArrayList<>(table.getValue().get(0).keySet());
        try (PreparedStatement ps = connection.prepareStatement("insert into " + table.getKey() + " ("
            + String.join(", ", columns) + ") values (" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
            + ")")) {
          for (int n = from; n < to; n++) {
            for (Map<String, Object> row : table.getValue()) {
              int i = 1;
              for (String column : columns) {
                Object v = row.get(column);
                ps.setObject(i++, v instanceof String s && ids.contains(s) ? copyId(s, n) : v);
              }
              ps.addBatch();
            }
          }
          ps.executeBatch();
        }
      }
    });
  }
}
