package cn.shequflow.core.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks the whole identity numbers that a database written before issue 15 still holds in the engine's
 * own tables, with the one masking policy ({@link PersonalData#mask}); run once by the Flyway Java
 * migration {@code db.migration.V25__mask_identity_numbers_in_engine}. Since issue 15 the engine never
 * receives a whole number of a process {@link PersonalData#VARIABLES} lists; before it, the variable
 * {@code idNumber} of {@code resident-move} and of the correction families held it whole, in the
 * runtime ({@code ACT_RU_VARIABLE}) and in history ({@code ACT_HI_VARINST}, and in {@code ACT_HI_DETAIL}
 * every value it ever had).
 *
 * <ol>
 *   <li>The variables {@link PersonalData#VARIABLES} names, in those three tables: the text value
 *       masked, whatever it is (also an old 15-digit number).</li>
 *   <li>Every other text value of those tables and of the user operation log ({@code ACT_HI_OP_LOG}:
 *       old and new values), and the byte arrays of variables ({@code ACT_GE_BYTEARRAY} rows that a
 *       variable row points to: serialized objects, JSON, long texts): each valid 18-character
 *       identity number in it masked ({@link PersonalData#maskNumbersIn}). The mask has the length of
 *       the number, so a serialized value stays readable. Deployments' resources (models, forms) are
 *       never touched.</li>
 * </ol>
 *
 * <p>Idempotent: a masked value is left as it is, so a second run changes no row. Independent of the
 * order of Flyway and the engine's own schema creation at start-up: a table that does not exist yet
 * belongs to a new database, holds nothing to mask and is skipped. Tables are read in pages by primary key, so a large history needs no large memory.
 */
public final class LegacyIdentityNumbers {

  private static final int PAGE = 500;
  /** Byte arrays may be megabytes each: a smaller page keeps the memory of one page small. */
  private static final int BYTE_ARRAY_PAGE = 50;
  static final List<String> VARIABLE_TABLES = List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL");
  static final String OP_LOG = "ACT_HI_OP_LOG";
  static final String BYTE_ARRAY = "ACT_GE_BYTEARRAY";

  private LegacyIdentityNumbers() {}

  /** Masks every whole number left in the engine's tables; the rows changed, by table (only those with changes). */
  public static Map<String, Integer> maskAll(Connection db) throws SQLException {
    // Given a connection in auto-commit (Flyway runs V25 outside a transaction), each page is committed
    // on its own, so a large history needs no large transaction; a rerun after a failure is safe
    // (idempotent). Given one inside a transaction, the caller commits.
    boolean pages = db.getAutoCommit();
    if (pages) {
      db.setAutoCommit(false);
    }
    try {
      return maskAllPaged(db, pages);
    } catch (SQLException | RuntimeException e) {
      if (pages) {
        db.rollback();
      }
      throw e;
    } finally {
      if (pages) {
        db.setAutoCommit(true);
      }
    }
  }

  private static Map<String, Integer> maskAllPaged(Connection db, boolean commitPages) throws SQLException {
    Map<String, Integer> changed = new LinkedHashMap<>();
    Set<String> tables = existing(db);
    for (String table : VARIABLE_TABLES) {
      if (tables.contains(table)) {
        add(changed, table, maskNamedVariables(db, table, tables.contains("ACT_RE_PROCDEF"), commitPages));
        add(changed, table, maskTexts(db, table, List.of("TEXT_", "TEXT2_"), commitPages));
      }
    }
    if (tables.contains(OP_LOG)) {
      add(changed, OP_LOG, maskTexts(db, OP_LOG, List.of("ORG_VALUE_", "NEW_VALUE_"), commitPages));
    }
    if (tables.contains(BYTE_ARRAY)) {
      List<String> owners = VARIABLE_TABLES.stream().filter(tables::contains).toList();
      if (!owners.isEmpty()) {
        add(changed, BYTE_ARRAY, maskVariableByteArrays(db, owners, commitPages));
      }
    }
    return changed;
  }

  private static void add(Map<String, Integer> changed, String table, int rows) {
    if (rows > 0) {
      changed.merge(table, rows, Integer::sum);
    }
  }

  /** The engine tables among those this class reads that exist, upper case. */
  private static Set<String> existing(Connection db) throws SQLException {
    DatabaseMetaData meta = db.getMetaData();
    Set<String> found = new java.util.HashSet<>();
    try (ResultSet rs = meta.getTables(db.getCatalog(), db.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        found.add(rs.getString("TABLE_NAME").toUpperCase());
      }
    }
    return found;
  }

  /** Step 1: the variables the policy names, masked whatever their value. */
  private static int maskNamedVariables(Connection db, String table, boolean definitions, boolean commit)
      throws SQLException {
    // ACT_RU_VARIABLE knows its process by definition id; history rows also carry the key.
    String byKey = table.equals("ACT_RU_VARIABLE") ? "" : "PROC_DEF_KEY_ = ? or ";
    if (!definitions && byKey.isEmpty()) {
      return 0;
    }
    String process = "(" + byKey + (definitions ? "PROC_DEF_ID_ in (select ID_ from ACT_RE_PROCDEF where KEY_ = ?)" : "1 = 0")
        + ")";
    int changed = 0;
    for (Map.Entry<String, Set<String>> family : PersonalData.VARIABLES.entrySet()) {
      for (String name : family.getValue()) {
        List<String[]> updates = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("select ID_, TEXT_ from " + table + " where NAME_ = ? and "
            + process + " and TEXT_ is not null and TEXT_ not like '%*%'")) {
          int i = 1;
          select.setString(i++, name);
          if (!byKey.isEmpty()) {
            select.setString(i++, family.getKey());
          }
          if (definitions) {
            select.setString(i, family.getKey());
          }
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              String text = rs.getString(2);
              String masked = PersonalData.mask(text);
              if (!masked.equals(text)) {
                updates.add(new String[] {rs.getString(1), masked});
              }
            }
          }
        }
        try (PreparedStatement update = db.prepareStatement("update " + table + " set TEXT_ = ? where ID_ = ?")) {
          for (String[] u : updates) {
            update.setString(1, u[1]);
            update.setString(2, u[0]);
            changed += update.executeUpdate();
          }
        }
        commitPage(db, commit);
      }
    }
    return changed;
  }

  /** Step 2: every valid number in the given text columns of {@code table}, page by page. */
  private static int maskTexts(Connection db, String table, List<String> columns, boolean commit) throws SQLException {
    String notNull = String.join(" or ", columns.stream().map(c -> c + " is not null").toList());
    String sql = "select ID_, " + String.join(", ", columns) + " from " + table + " where ID_ > ? and (" + notNull
        + ") order by ID_";
    String set = String.join(", ", columns.stream().map(c -> c + " = ?").toList());
    int changed = 0;
    String after = "";
    while (true) {
      List<String[]> updates = new ArrayList<>();
      int read = 0;
      try (PreparedStatement select = db.prepareStatement(sql)) {
        select.setMaxRows(PAGE);
        select.setString(1, after);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            read++;
            after = rs.getString(1);
            String[] row = new String[columns.size() + 1];
            boolean differs = false;
            for (int c = 0; c < columns.size(); c++) {
              String text = rs.getString(c + 2);
              row[c] = PersonalData.maskNumbersIn(text);
              differs |= row[c] != null && !row[c].equals(text);
            }
            row[columns.size()] = after;
            if (differs) {
              updates.add(row);
            }
          }
        }
      }
      try (PreparedStatement update = db.prepareStatement("update " + table + " set " + set + " where ID_ = ?")) {
        for (String[] row : updates) {
          for (int c = 0; c < row.length; c++) {
            update.setString(c + 1, row[c]);
          }
          changed += update.executeUpdate();
        }
      }
      commitPage(db, commit);
      if (read < PAGE) {
        return changed;
      }
    }
  }

  /** Step 2 for byte arrays of variables: each read as ISO-8859-1 (byte for byte), so only ASCII digits can match. */
  private static int maskVariableByteArrays(Connection db, List<String> owners, boolean commit) throws SQLException {
    String ofVariables = String.join(" union ",
        owners.stream().map(t -> "select BYTEARRAY_ID_ from " + t + " where BYTEARRAY_ID_ is not null").toList());
    String sql = "select ID_, BYTES_ from " + BYTE_ARRAY + " where ID_ > ? and ID_ in (" + ofVariables + ") order by ID_";
    int changed = 0;
    String after = "";
    while (true) {
      Map<String, byte[]> updates = new LinkedHashMap<>();
      int read = 0;
      try (PreparedStatement select = db.prepareStatement(sql)) {
        select.setMaxRows(BYTE_ARRAY_PAGE);
        select.setString(1, after);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            read++;
            after = rs.getString(1);
            byte[] bytes = rs.getBytes(2);
            if (bytes == null) {
              continue;
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            String masked = PersonalData.maskNumbersIn(text);
            if (!masked.equals(text)) {
              updates.put(after, masked.getBytes(StandardCharsets.ISO_8859_1));
            }
          }
        }
      }
      try (PreparedStatement update = db.prepareStatement("update " + BYTE_ARRAY + " set BYTES_ = ? where ID_ = ?")) {
        for (Map.Entry<String, byte[]> u : updates.entrySet()) {
          update.setBytes(1, u.getValue());
          update.setString(2, u.getKey());
          changed += update.executeUpdate();
        }
      }
      commitPage(db, commit);
      if (read < BYTE_ARRAY_PAGE) {
        return changed;
      }
    }
  }

  private static void commitPage(Connection db, boolean commit) throws SQLException {
    if (commit) {
      db.commit();
    }
  }
}
