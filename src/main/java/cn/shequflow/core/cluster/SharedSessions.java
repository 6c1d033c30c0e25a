package cn.shequflow.core.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions are kept in the database (Spring Session JDBC, {@code V32}) so that any node serves any
 * request (issue 22). Tasklist sends several requests of one session at once; two of them adding the
 * same attribute (the CSRF token, the login) would both insert it and the second would fail on the
 * primary key. An attribute is therefore written as an upsert, in the dialect of the database.
 */
@Configuration
public class SharedSessions {

  static final String H2_UPSERT = """
      MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
      KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
      """;

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesAsUpserts(DataSource dataSource) throws SQLException {
    String product;
    try (Connection c = dataSource.getConnection()) {
      product = c.getMetaData().getDatabaseProductName().toLowerCase();
    }
    if (product.contains("h2")) {
      return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
    }
    if (product.contains("mysql") || product.contains("mariadb")) {
      return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }
    throw new IllegalStateException("Sessions are kept on H2 or MySQL/MariaDB, not on " + product);
  }
}
