package cn.shequflow.core.files;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where the bytes of attachments are kept (issue 19), behind one interface: the database
 * ({@link DatabaseFileStore}, the default, embedded H2 and MariaDB/MySQL alike) or a directory
 * ({@link FileSystemFileStore}) or an S3-compatible object store ({@link S3FileStore}: MinIO or a
 * cloud one), chosen by {@code shequ.files.store} ({@link FilesConfiguration}).
 *
 * <p>The case, the name, the type and every other fact of a file are in {@code case_file}; a store
 * knows only keys and bytes. A key is a random UUID the product makes ({@link #newKey}); a store
 * refuses any other key, so no key can name a path outside it. A store that writes inside the
 * caller's transaction (the database) loses the bytes with a rollback; one that cannot (a directory,
 * an object store) removes what it wrote when the transaction rolls back.
 */
public interface FileStore {

  /** The keys a store accepts: lower-case UUIDs, as {@link #newKey} makes them. */
  Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** The bytes under a key are gone (deleted, or the store lost them). */
  class MissingContentException extends RuntimeException {
    public MissingContentException(String key) {
      super("No stored content under key " + key);
    }
  }

  /** A fresh key. */
  static String newKey() {
    return UUID.randomUUID().toString();
  }

  /** The key, if it is one the product makes; otherwise {@link IllegalArgumentException}. */
  static String checked(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Not a storage key: " + key);
    }
    return key;
  }

  /** The store's name as kept in {@code case_file.storage}: {@code database}, {@code filesystem}, {@code s3}. */
  String name();

  /** Keeps {@code content} under {@code key} (a new key: never overwrites). */
  void put(String key, byte[] content);

  /** The bytes under {@code key}; {@link MissingContentException} if there are none. */
  byte[] get(String key);

  boolean exists(String key);

  /** Removes the bytes under {@code key}, if any. */
  void delete(String key);
}
