package cn.shequflow.core.files;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default store: the bytes in {@code file_blob} (V26: LONGBLOB, a BLOB on H2), written in the
 * caller's transaction, so a refused or failed upload leaves nothing and a backup of the database is
 * a backup of the files.
 */
public class DatabaseFileStore implements FileStore {

  private final JdbcTemplate jdbc;

  public DatabaseFileStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public void put(String key, byte[] content) {
    jdbc.update("insert into file_blob (storage_key, content) values (?, ?)", FileStore.checked(key), content);
  }

  @Override
  public byte[] get(String key) {
    List<byte[]> content = jdbc.query("select content from file_blob where storage_key = ?",
        (rs, i) -> rs.getBytes(1), FileStore.checked(key));
    if (content.isEmpty()) {
      throw new MissingContentException(key);
    }
    return content.get(0);
  }

  @Override
  public boolean exists(String key) {
    return jdbc.queryForObject("select count(*) from file_blob where storage_key = ?", Long.class,
        FileStore.checked(key)) > 0;
  }

  @Override
  public void delete(String key) {
    jdbc.update("delete from file_blob where storage_key = ?", FileStore.checked(key));
  }
}
