package cn.shequflow.bench;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every benchmark of the running app shares: the database it runs on ({@link BenchDatabase}:
 * a fresh H2 file, or MariaDB with {@code -Pmariadb}), the app's port, its DataSource, its settings
 * and its engine. Each benchmark adds its own {@code @SpringBootTest} settings.
 */
abstract class BenchApp {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    BenchDatabase.register(registry);
  }

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired ProcessEngine engine;
}
