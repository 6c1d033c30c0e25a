package cn.shequflow.core.files;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one {@link FileStore} of the application, chosen by {@code shequ.files.store}:
 * {@code database} (the default) or {@code filesystem} (with {@code shequ.files.directory}). An
 * S3-compatible store is added here as a third choice; any other value stops the start-up.
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
      default -> throw new IllegalStateException("shequ.files.store must be database or filesystem, not '" + store
          + "' (an S3-compatible store is not built yet)");
    };
  }
}
