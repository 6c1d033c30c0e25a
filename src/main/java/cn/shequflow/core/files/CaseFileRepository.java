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
