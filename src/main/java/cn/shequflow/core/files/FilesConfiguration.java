package cn.shequflow.core.files;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one {@link FileStore} of the application, chosen by {@code shequ.files.store}:
 * {@code database} (the default), {@code filesystem} (with {@code shequ.files.directory}) or
 * {@code s3} (an S3-compatible object store, {@code shequ.files.s3.*}); any other value stops the
 * start-up.
 */
@Configuration
@EnableConfigurationProperties(FileSettings.class)
public class FilesConfiguration {

  @Bean
  FileStore fileStore(FileSettings settings, JdbcTemplate jdbc) {
    String store = settings.getStore() == null ? "" : settings.getStore().trim();
    return switch (store) {
      case "database" -> new DatabaseFileStore(jdbc);
      case "filesystem" -> new FileSystemFileStore(settings.getDirectory());
      case "s3" -> S3FileStore.of(settings.getS3());
      default -> throw new IllegalStateException("shequ.files.store must be database, filesystem or s3, not '"
          + store + "'");
    };
  }
}
