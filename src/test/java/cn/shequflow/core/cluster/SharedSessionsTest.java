package cn.shequflow.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Issue 22: two requests of one session, on one node or two, that add the same attribute at once
 * (Tasklist's parallel requests and the CSRF token) both succeed; the later one's value is kept.
 */
@SpringBootTest
class SharedSessionsTest {

  @Autowired JdbcIndexedSessionRepository repository;

  @Test
  @DisplayName("Two requests adding the same session attribute at once: no duplicate-key failure, the later value kept")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void sameAttributeTwice() {
    SessionRepository sessions = repository; // its own session type is not public
    Session created = (Session) sessions.createSession();
    sessions.save(created);
    Session first = (Session) sessions.findById(created.getId());
    Session second = (Session) sessions.findById(created.getId());
    first.setAttribute("CAMUNDA_CSRF_TOKEN", "A");
    second.setAttribute("CAMUNDA_CSRF_TOKEN", "B");
    sessions.save(first);
    sessions.save(second);
    assertThat((String) ((Session) sessions.findById(created.getId())).getAttribute("CAMUNDA_CSRF_TOKEN")).isEqualTo("B");
    sessions.deleteById(created.getId());
  }
}
