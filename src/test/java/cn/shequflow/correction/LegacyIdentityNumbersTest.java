package cn.shequflow.correction;

import static cn.shequflow.support.IdentityNumberAssertions.masked;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.privacy.LegacyIdentityNumbers;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, data written before the one masking policy: a database of an earlier version holds whole
 * identity numbers in the engine's variables and history. {@link LegacyIdentityNumbers} (run once by the
 * Flyway migration V25) masks them all with {@code PersonalData.mask}; nothing else changes, and a
 * second run changes nothing.
 */
class LegacyIdentityNumbersTest extends RestTestSupport {

  static final String TRAVEL_ID = "360403198503121234";
  static final String RESIDENCE_ID = "360402199001014568";
  /** Digits that are not an identity number (a bank card with no such birth date, a phone, a 20-digit invoice). */
  static final String OTHER_NUMBERS = "银行卡 622202100112345678，电话 13907920001，发票 12345678901234567890";

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  private String file(String path, Map<String, Object> v) {
    Response r = as("wei.justice").post(path, RestClient.variables(v));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  /** What an earlier version wrote: the variable {@code idNumber} whole in the runtime, its history and every detail. */
  private void writeTheOldWay(String whole) {
    // An earlier version kept the engine's full history, with a detail row for every variable change
    // (ACT_HI_DETAIL); LeanFullHistory writes none, so the rows such a version left are made here.
    int details = 0;
    for (String varinst : jdbc.queryForList("select ID_ from ACT_HI_VARINST where NAME_ = 'idNumber' and TEXT_ = ?",
        String.class, masked(whole))) {
      details += jdbc.update("insert into ACT_HI_DETAIL (ID_, TYPE_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, "
          + "PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, VAR_INST_ID_, NAME_, VAR_TYPE_, REV_, TIME_, TEXT_, "
          + "SEQUENCE_COUNTER_, INITIAL_) select ?, 'VariableUpdate', PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, "
          + "PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, ID_, NAME_, VAR_TYPE_, 0, CREATE_TIME_, TEXT_, 1, true "
          + "from ACT_HI_VARINST where ID_ = ?", UUID.randomUUID().toString(), varinst);
    }
    assertThat(details).as("detail rows of the idNumber variables as an earlier version wrote them").isPositive();
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      int rows = jdbc.update("update " + table + " set TEXT_ = ? where NAME_ = 'idNumber' and TEXT_ = ?", whole,
          masked(whole));
      assertThat(rows).as("%s holds the masked idNumber to make whole", table).isPositive();
    }
  }

  /** A copy of a row of {@code table} with some columns changed: rows the way the engine writes them. */
  private void copyRow(String table, String id, Map<String, Object> changes) {
    Map<String, Object> row = new LinkedHashMap<>(jdbc.queryForMap("select * from " + table + " where ID_ = ?", id));
    Map<String, Object> upper = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    upper.putAll(row);
    changes.forEach((column, value) -> {
      assertThat(upper).as("%s has a column %s", table, column).containsKey(column);
      upper.put(column, value);
    });
    List<String> columns = new ArrayList<>(upper.keySet());
    jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") values ("
        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", columns.stream().map(upper::get).toArray());
  }

  /** Column changes for {@link #copyRow}, null values allowed. */
  private static Map<String, Object> columns(Object... nameValue) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put((String) nameValue[i], nameValue[i + 1]);
    }
    return m;
  }

  private static byte[] javaSerialized(Object value) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(out)) {
      o.writeObject(value);
    }
    return out.toByteArray();
  }

  /** Every value of every engine table (ACT_*), byte arrays included, one text per row, sorted. */
  private Map<String, List<String>> engineTables() throws Exception {
    Map<String, List<String>> content = new TreeMap<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          if (rs.getString("TABLE_NAME").toUpperCase().startsWith("ACT_")) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      for (String table : tables) {
        List<String> rows = new ArrayList<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              Object v = rs.getObject(i);
              if (v instanceof java.sql.Blob || v instanceof byte[]) {
                byte[] b = rs.getBytes(i);
                // as bytes (Latin-1, byte for byte) and as UTF-8 text: a number shows either way
                row.append(new String(b, StandardCharsets.ISO_8859_1)).append('|').append(Base64.getEncoder().encodeToString(b));
              } else if (v instanceof java.sql.Clob) {
                row.append(rs.getString(i));
              } else {
                row.append(v);
              }
              row.append('\u0001');
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        content.put(table.toUpperCase(), rows);
      }
    }
    return content;
  }

  private static List<String> rowsContaining(Map<String, List<String>> tables, String text) {
    List<String> found = new ArrayList<>();
    tables.forEach((table, rows) -> rows.stream().filter(r -> r.contains(text)).forEach(r -> found.add(table + ": " + r)));
    return found;
  }

  private Map<String, Integer> cleanUp() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      return LegacyIdentityNumbers.maskAll(c);
    }
  }

  @Test
  @DisplayName("Whole identity numbers an earlier version left in ACT_RU_VARIABLE, ACT_HI_VARINST, ACT_HI_DETAIL, "
      + "ACT_HI_OP_LOG and variables' byte arrays are masked by the one policy; other numbers stay; a second run changes nothing")
  void masksWhatAnEarlierVersionWrote() throws Exception {
    String travel = file(CorrectionRestTest.TRAVEL, CorrectionRestTest.travel(5));
    file(CorrectionRestTest.RESIDENCE, CorrectionRestTest.residence(CorrectionRestTest.today().plusMonths(1).plusDays(1)));
    writeTheOldWay(TRAVEL_ID);
    writeTheOldWay(RESIDENCE_ID);

    // Other places an earlier version or a client could have put a whole number: a text variable, the
    // operation log, a serialized Java object and a JSON value kept as byte arrays.
    String detail = jdbc.queryForObject("select min(ID_) from ACT_HI_DETAIL where NAME_ = 'idNumber' and PROC_INST_ID_ = ?",
        String.class, travel);
    String note = "王某（身份证 " + TRAVEL_ID + "）外出，" + OTHER_NUMBERS;
    copyRow("ACT_HI_DETAIL", detail, Map.of("ID_", UUID.randomUUID().toString(), "NAME_", "note", "TEXT_", note));
    String opLog = jdbc.queryForObject("select min(ID_) from ACT_HI_OP_LOG", String.class);
    assertThat(opLog).as("starting a case wrote to the operation log").isNotNull();
    copyRow("ACT_HI_OP_LOG", opLog, Map.of("ID_", UUID.randomUUID().toString(), "PROPERTY_", "idNumber", "ORG_VALUE_",
        RESIDENCE_ID, "NEW_VALUE_", TRAVEL_ID));
    String resource = jdbc.queryForObject("select min(ID_) from ACT_GE_BYTEARRAY", String.class);
    String serializedId = UUID.randomUUID().toString();
    HashMap<String, String> person = new HashMap<>(Map.of("personName", "王某", "idNumber", TRAVEL_ID, "card", "622202100112345678"));
    copyRow("ACT_GE_BYTEARRAY", resource, columns("ID_", serializedId, "NAME_", "legacyPerson", "BYTES_",
        javaSerialized(person), "DEPLOYMENT_ID_", null, "TYPE_", 3));
    String varinst = jdbc.queryForObject("select ID_ from ACT_HI_VARINST where NAME_ = 'idNumber' and PROC_INST_ID_ = ?",
        String.class, travel);
    copyRow("ACT_HI_VARINST", varinst, Map.of("ID_", UUID.randomUUID().toString(), "NAME_", "legacyPerson", "VAR_TYPE_",
        "object", "TEXT_", "java.util.HashMap", "TEXT2_", "application/x-java-serialized-object", "BYTEARRAY_ID_",
        serializedId));
    String jsonId = UUID.randomUUID().toString();
    String json = "{\"personName\":\"李某\",\"idNumber\":\"" + RESIDENCE_ID + "\"}";
    copyRow("ACT_GE_BYTEARRAY", resource, columns("ID_", jsonId, "NAME_", "legacyJson", "BYTES_",
        json.getBytes(StandardCharsets.UTF_8), "DEPLOYMENT_ID_", null, "TYPE_", 3));
    copyRow("ACT_HI_DETAIL", detail, Map.of("ID_", UUID.randomUUID().toString(), "NAME_", "legacyJson", "VAR_TYPE_",
        "object", "TEXT_", "java.util.LinkedHashMap", "TEXT2_", "application/json", "BYTEARRAY_ID_", jsonId));

    Map<String, List<String>> before = engineTables();
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_OP_LOG", "ACT_GE_BYTEARRAY")) {
      assertThat(rowsContaining(Map.of(table, before.get(table)), TRAVEL_ID)).as("%s holds the whole number before", table)
          .isNotEmpty();
    }

    Map<String, Integer> changed = cleanUp();

    assertThat(changed).containsOnlyKeys("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_OP_LOG",
        "ACT_GE_BYTEARRAY");
    Map<String, List<String>> after = engineTables();
    for (String whole : List.of(TRAVEL_ID, RESIDENCE_ID)) {
      assertThat(rowsContaining(after, whole)).as("rows of the engine's tables with %s whole", whole).isEmpty();
      assertThat(rowsContaining(after, whole.substring(6, 14))).as("rows with the birth date of %s", whole).isEmpty();
      for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
        assertThat(rowsContaining(Map.of(table, after.get(table)), masked(whole))).as("%s keeps the mask", table)
            .isNotEmpty();
      }
    }
    assertThat(jdbc.queryForObject("select TEXT_ from ACT_HI_DETAIL where NAME_ = 'note'", String.class))
        .as("only the identity number is masked; the other digits stay")
        .isEqualTo("王某（身份证 " + masked(TRAVEL_ID) + "）外出，" + OTHER_NUMBERS);
    byte[] serialized = jdbc.queryForObject("select BYTES_ from ACT_GE_BYTEARRAY where ID_ = ?", byte[].class, serializedId);
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
      assertThat(in.readObject()).as("the serialized object still reads, with the mask")
          .isEqualTo(Map.of("personName", "王某", "idNumber", masked(TRAVEL_ID), "card", "622202100112345678"));
    }
    assertThat(new String(jdbc.queryForObject("select BYTES_ from ACT_GE_BYTEARRAY where ID_ = ?", byte[].class, jsonId),
        StandardCharsets.UTF_8)).isEqualTo(json.replace(RESIDENCE_ID, masked(RESIDENCE_ID)));

    Response variables = as("admin").get("/engine-rest/history/variable-instance?variableName=idNumber&processInstanceId=" + travel);
    assertThat(variables.status()).isEqualTo(200);
    assertThat(variables.json().get(0).get("value").asText()).as("the engine reads the masked value").isEqualTo(masked(TRAVEL_ID));

    assertThat(cleanUp()).as("a second run changes nothing").isEmpty();
    assertThat(engineTables()).as("a second run leaves every row as it was").isEqualTo(after);
  }

  @Test
  @DisplayName("On a database without the engine's tables (a new one, migrated before the engine creates them) it does nothing")
  void newDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:legacy-" + UUID.randomUUID(), "sa", "")) {
      assertThat(LegacyIdentityNumbers.maskAll(c)).isEmpty();
    }
  }
}
