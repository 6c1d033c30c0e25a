package cn.shequflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of tests that drive the running app over HTTP. Camunda's REST API and webapps find their
 * engine by name in the static {@link ProcessEngines} registry, and every Spring test context
 * builds its own engine called "default": the one built last wins. So before each test this
 * context's engine is put back in the registry, and the server answers from the same database the
 * test's own beans read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RestTestSupport {

  @LocalServerPort protected int port;
  @Autowired protected ProcessEngine engine;

  @BeforeEach
  void serveThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }

  protected RestClient as(String user) {
    return RestClient.as(port, user);
  }
}
