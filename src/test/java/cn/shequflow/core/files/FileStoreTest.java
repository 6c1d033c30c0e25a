package cn.shequflow.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19: the one storage interface, the same behaviour from each store: the database store (on
 * H2, with the table of the V26 migration) and the file-system store.
 */
class FileStoreTest {

  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** What every store must do. */
  private void contract(FileStore store) {
    String key = FileStore.newKey();
    assertThat(key).matches("[0-9a-f-]{36}");
    store.put(key, bytes("你好，附件"));
    assertThat(store.get(key)).isEqualTo(bytes("你好，附件"));
    assertThat(store.exists(key)).isTrue();
    String other = FileStore.newKey();
    store.put(other, new byte[0]);
    assertThat(store.get(other)).isEmpty();
    store.delete(key);
    assertThat(store.exists(key)).isFalse();
    assertThatThrownBy(() -> store.get(key)).isInstanceOf(FileStore.MissingContentException.class);
    store.delete(key); // deleting twice is harmless
    assertThatThrownBy(() -> store.put("../../etc/passwd", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get("a/b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("The file-system store keeps each file under its key in the configured directory, nothing outside it")
  void fileSystem() throws IOException {
    FileSystemFileStore store = new FileSystemFileStore(dir.resolve("files"));
    contract(store);
    String key = FileStore.newKey();
    store.put(key, bytes("abc"));
    try (var files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).contains(key);
    }
    assertThat(store.name()).isEqualTo("filesystem");
  }

  @Test
  @DisplayName("The database store keeps the bytes in file_blob (V26, BLOB on H2 and MariaDB); a rolled-back upload leaves no bytes")
  void database() throws IOException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:files-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    String migration = new String(getClass().getResourceAsStream("/db/migration/V26__case_files.sql").readAllBytes(),
        StandardCharsets.UTF_8);
    // Only the blob table: case_file refers to the case register of earlier migrations.
    String blobTable = migration.substring(migration.indexOf("create table file_blob"));
    jdbc.execute(blobTable.substring(0, blobTable.indexOf(';')));
    DatabaseFileStore store = new DatabaseFileStore(jdbc);
    contract(store);
    assertThat(store.name()).isEqualTo("database");

    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    String key = FileStore.newKey();
    tx.executeWithoutResult(s -> {
      store.put(key, bytes("rolled back"));
      s.setRollbackOnly();
    });
    assertThat(store.exists(key)).isFalse();
  }

  @Test
  @DisplayName("shequ.files.store selects the store: database by default, filesystem with its directory; anything else stops the start-up")
  void configuration() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:cfg-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    FileSettings settings = new FileSettings();
    assertThat(new FilesConfiguration().fileStore(settings, jdbc)).isInstanceOf(DatabaseFileStore.class);
    settings.setStore("filesystem");
    settings.setDirectory(dir.resolve("configured"));
    FileStore store = new FilesConfiguration().fileStore(settings, jdbc);
    assertThat(store).isInstanceOf(FileSystemFileStore.class);
    String key = FileStore.newKey();
    store.put(key, bytes("x"));
    assertThat(Files.exists(dir.resolve("configured").resolve(key.substring(0, 2)).resolve(key))).isTrue();
    settings.setStore("s3");
    assertThatThrownBy(() -> new FilesConfiguration().fileStore(settings, jdbc))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("shequ.files.store");
  }

  @Test
  @DisplayName("A file written by the file-system store inside a transaction that rolls back is removed again")
  void fileSystemRollback() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:fs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    FileSystemFileStore store = new FileSystemFileStore(dir.resolve("files"));
    String key = FileStore.newKey();
    tx.executeWithoutResult(s -> {
      store.put(key, bytes("rolled back"));
      assertThat(store.exists(key)).isTrue();
      s.setRollbackOnly();
    });
    assertThat(store.exists(key)).isFalse();
  }
}
