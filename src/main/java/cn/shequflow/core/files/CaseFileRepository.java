package cn.shequflow.core.files;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code case_file}: the facts of each file of a case (the bytes are in the {@link FileStore}). */
@Repository
public class CaseFileRepository {

  private static final String COLUMNS = "id, business_key, task_id, task_name, kind, file_name, content_type, "
      + "size_bytes, sha256, storage, storage_key, thumbnail_key, latitude, longitude, uploaded_by, uploaded_by_name, "
      + "uploaded_at, deleted_at, deleted_by";

  private final JdbcTemplate jdbc;

  public CaseFileRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the row; its new id. */
  public long insert(CaseFile f) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement s = connection.prepareStatement("insert into case_file (business_key, task_id, task_name, kind, "
          + "file_name, content_type, size_bytes, sha256, storage, storage_key, thumbnail_key, latitude, longitude, "
          + "uploaded_by, uploaded_by_name, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS);
      int i = 1;
      s.setString(i++, f.businessKey());
      s.setString(i++, f.taskId());
      s.setString(i++, f.taskName());
      s.setString(i++, f.kind());
      s.setString(i++, f.fileName());
      s.setString(i++, f.contentType());
      s.setLong(i++, f.sizeBytes());
      s.setString(i++, f.sha256());
      s.setString(i++, f.storage());
      s.setString(i++, f.storageKey());
      s.setString(i++, f.thumbnailKey());
      s.setBigDecimal(i++, f.latitude());
      s.setBigDecimal(i++, f.longitude());
      s.setString(i++, f.uploadedBy());
      s.setString(i++, f.uploadedByName());
      s.setTimestamp(i, Timestamp.valueOf(f.uploadedAt()));
      return s;
    }, keys);
    return keys.getKeyList().isEmpty() || keys.getKeyList().get(0).isEmpty() ? 0
        : ((Number) keys.getKeyList().get(0).values().iterator().next()).longValue();
  }

  public CaseFile find(long id) {
    List<CaseFile> rows = jdbc.query("select " + COLUMNS + " from case_file where id = ?", CaseFileRepository::row, id);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** The files of a case that are not deleted, oldest first. */
  public List<CaseFile> ofCase(String businessKey) {
    return jdbc.query("select " + COLUMNS + " from case_file where business_key = ? and deleted_at is null "
        + "order by uploaded_at, id", CaseFileRepository::row, businessKey);
  }

  /** The files of a case that are not deleted. */
  public long count(String businessKey) {
    return jdbc.queryForObject("select count(*) from case_file where business_key = ? and deleted_at is null",
        Long.class, businessKey);
  }

  /** The files of a kind on a case that are not deleted (the policy of required attachments). */
  public long countOfKind(String businessKey, String kind) {
    return jdbc.queryForObject("select count(*) from case_file where business_key = ? and kind = ? "
        + "and deleted_at is null", Long.class, businessKey, kind);
  }

  /** Marks the file deleted (soft delete); false if it was deleted already. */
  public boolean markDeleted(long id, String userId, java.time.LocalDateTime at) {
    return jdbc.update("update case_file set deleted_at = ?, deleted_by = ? where id = ? and deleted_at is null",
        Timestamp.valueOf(at), userId, id) == 1;
  }

  /**
   * The files (deleted or not) of closed cases whose process instance has left both the runtime and
   * the history: Camunda's history cleanup removed it after its {@code historyTimeToLive} (or an
   * administrator deleted it with its history). By id, after {@code afterId}, at most {@code limit}.
   */
  public List<CaseFile> ofCasesWithoutHistory(long afterId, int limit) {
    return jdbc.query("select " + prefixed("f") + " from case_file f join biz_case c on c.business_key = f.business_key "
        + "where f.id > ? and c.closed_at is not null "
        + "and not exists (select 1 from ACT_HI_PROCINST h where h.ID_ = c.process_instance_id) "
        + "and not exists (select 1 from ACT_RU_EXECUTION e where e.PROC_INST_ID_ = c.process_instance_id) "
        + "order by f.id limit ?", CaseFileRepository::row, afterId, limit);
  }

  /**
   * Deleted files whose bytes are still in the store, deleted at or before {@code before}; by id, after
   * {@code afterId}, at most {@code limit}.
   */
  public List<CaseFile> deletedNotPurged(java.time.LocalDateTime before, long afterId, int limit) {
    return jdbc.query("select " + COLUMNS + " from case_file where id > ? and deleted_at is not null "
        + "and deleted_at <= ? and purged_at is null order by id limit ?", CaseFileRepository::row, afterId,
        Timestamp.valueOf(before), limit);
  }

  /**
   * Every file of a case (deleted or not), its rows locked until the transaction ends: a second node
   * purging the same case waits, then finds what the first left (nothing).
   */
  public List<CaseFile> lockAllOfCase(String businessKey) {
    return jdbc.query("select " + COLUMNS + " from case_file where business_key = ? order by id for update",
        CaseFileRepository::row, businessKey);
  }

  /** Removes the row; false if it was gone already (another node removed it). */
  public boolean remove(long id) {
    return jdbc.update("delete from case_file where id = ?", id) == 1;
  }

  /** Records that the bytes of a deleted file are gone; false if that was recorded already. */
  public boolean markPurged(long id, java.time.LocalDateTime at) {
    return jdbc.update("update case_file set purged_at = ? where id = ? and purged_at is null",
        Timestamp.valueOf(at), id) == 1;
  }

  private static String prefixed(String alias) {
    return java.util.Arrays.stream(COLUMNS.split(", ")).map(c -> alias + "." + c)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static CaseFile row(ResultSet rs, int i) throws SQLException {
    Timestamp at = rs.getTimestamp("uploaded_at");
    Timestamp deleted = rs.getTimestamp("deleted_at");
    return new CaseFile(rs.getLong("id"), rs.getString("business_key"), rs.getString("task_id"),
        rs.getString("task_name"), rs.getString("kind"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage"), rs.getString("storage_key"),
        rs.getString("thumbnail_key"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
        rs.getString("uploaded_by"), rs.getString("uploaded_by_name"), at == null ? null : at.toLocalDateTime(),
        deleted == null ? null : deleted.toLocalDateTime(), rs.getString("deleted_by"));
  }
}
