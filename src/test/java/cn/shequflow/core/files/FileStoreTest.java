package cn.shequflow.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19: the one storage interface, the same behaviour from each store: the database store (on
 * H2, with the table of the V26 migration), the file-system store and the S3-compatible store (on
 * {@link S3Stub}, which checks that every request is SigV4-signed).
 */
class FileStoreTest {

  @TempDir Path dir;

  private static S3Stub s3;

  @BeforeAll
  static void startS3() {
    s3 = new S3Stub("shequ-files");
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  private static TransactionTemplate transactions() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:tx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return new TransactionTemplate(new DataSourceTransactionManager(ds));
  }

  /**
   * What every store does with transactions: bytes put in a transaction that commits stay; bytes put
   * in one that rolls back are gone afterwards (the database store rolls back with it, the others
   * remove what they wrote).
   */
  private void transactional(FileStore store, TransactionTemplate tx) {
    String kept = FileStore.newKey();
    tx.executeWithoutResult(s -> store.put(kept, bytes("committed")));
    assertThat(store.get(kept)).isEqualTo(bytes("committed"));
    String key = FileStore.newKey();
    tx.executeWithoutResult(s -> {
      store.put(key, bytes("rolled back"));
      assertThat(store.exists(key)).isTrue();
      s.setRollbackOnly();
    });
    assertThat(store.exists(key)).isFalse();
    assertThatThrownBy(() -> store.get(key)).isInstanceOf(FileStore.MissingContentException.class);
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      store.put(key, bytes("failed"));
      throw new IllegalStateException("the upload failed after the bytes were written");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.exists(key)).isFalse();
  }

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
    transactional(store, transactions());
  }

  @Test
  @DisplayName("The S3 store keeps each file as an object of the bucket under its key, every request SigV4-signed; a rolled-back upload leaves no object")
  void s3() {
    int refusedBefore = s3.refused.size();
    try (S3FileStore store = S3FileStore.of(s3.settings())) {
      contract(store);
      assertThat(store.name()).isEqualTo("s3");
      String key = FileStore.newKey();
      store.put(key, bytes("abc"));
      assertThat(s3.objects).containsKey(key);
      assertThat(s3.objects.get(key)).isEqualTo(bytes("abc"));
      store.get(key);
      store.exists(key);
      store.delete(key);
      assertThat(s3.objects).doesNotContainKey(key);
      assertThat(s3.requests).contains("PUT /shequ-files/" + key, "GET /shequ-files/" + key,
          "HEAD /shequ-files/" + key, "DELETE /shequ-files/" + key);
      transactional(store, transactions());
      // A foreign key never reaches the object store.
      assertThat(s3.requests).noneMatch(r -> r.contains("passwd") || r.contains("a/b"));
      assertThat(s3.refused).hasSize(refusedBefore);
      // Over plain HTTP the body itself is signed (its SHA-256 in the signature), not streamed unsigned.
      assertThat(s3.payloadHashes).filteredOn(h -> h.startsWith("PUT ")).allMatch(h -> h.matches("PUT [0-9a-f]{64}"));
    }
  }

  @Test
  @DisplayName("The S3 store puts its prefix before each key, and a wrong secret key is refused by the object store (the requests are signed)")
  void s3PrefixAndSignature() {
    FileSettings.S3 settings = s3.settings();
    settings.setPrefix("shequ-flow");
    try (S3FileStore store = S3FileStore.of(settings)) {
      String key = FileStore.newKey();
      store.put(key, bytes("x"));
      assertThat(s3.objects).containsKey("shequ-flow/" + key);
      assertThat(store.get(key)).isEqualTo(bytes("x"));
    }
    settings.setSecretKey("not-the-secret");
    try (S3FileStore store = S3FileStore.of(settings)) {
      int refused = s3.refused.size();
      assertThatThrownBy(() -> store.put(FileStore.newKey(), bytes("x"))).isInstanceOf(IllegalStateException.class);
      assertThat(s3.refused.size()).isGreaterThan(refused);
      assertThat(s3.refused.get(s3.refused.size() - 1)).endsWith("signature does not match");
    }
    FileSettings.S3 noKey = s3.settings();
    noKey.setAccessKey(" ");
    assertThatThrownBy(() -> S3FileStore.of(noKey)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("access-key");
    FileSettings.S3 noBucket = s3.settings();
    noBucket.setBucket(null);
    assertThatThrownBy(() -> S3FileStore.of(noBucket)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bucket");
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

    transactional(store, new TransactionTemplate(new DataSourceTransactionManager(ds)));
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
    settings.getS3().setEndpoint(s3.endpoint());
    settings.getS3().setBucket(s3.bucket);
    settings.getS3().setAccessKey(S3Stub.ACCESS_KEY);
    settings.getS3().setSecretKey(S3Stub.SECRET_KEY);
    FileStore objects = new FilesConfiguration().fileStore(settings, jdbc);
    assertThat(objects).isInstanceOf(S3FileStore.class);
    String object = FileStore.newKey();
    objects.put(object, bytes("y"));
    assertThat(s3.objects).containsKey(object);
    settings.setStore("minio");
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
