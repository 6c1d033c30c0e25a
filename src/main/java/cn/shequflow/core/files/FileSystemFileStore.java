package cn.shequflow.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bytes as files in a directory ({@code shequ.files.directory}), one file per key in a
 * sub-directory of its first two characters. A file is written to a temporary name and moved into
 * place, so a reader never sees half of it. Written inside a transaction that then rolls back, it is
 * removed again.
 */
public class FileSystemFileStore implements FileStore {

  private final Path root;

  public FileSystemFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String name() {
    return "filesystem";
  }

  private Path path(String key) {
    String k = FileStore.checked(key);
    return root.resolve(k.substring(0, 2)).resolve(k);
  }

  @Override
  public void put(String key, byte[] content) {
    Path target = path(key);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      try {
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store file " + key, e);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            delete(key);
          }
        }
      });
    }
  }

  @Override
  public byte[] get(String key) {
    try {
      return Files.readAllBytes(path(key));
    } catch (NoSuchFileException e) {
      throw new MissingContentException(key);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read file " + key, e);
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(path(key));
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(path(key));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete file " + key, e);
    }
  }
}
