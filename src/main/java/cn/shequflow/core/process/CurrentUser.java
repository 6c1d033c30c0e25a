package cn.shequflow.core.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The user on whose behalf the engine runs the current command (REST, Tasklist or a test), and the
 * one place that decides who is an administrator (a member of {@code camunda-admin}, read fresh from
 * the identity service, so a removal counts at once).
 */
@Component
public class CurrentUser {

  private final IdentityService identity;

  public CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  /** The authenticated user id, or {@code null} for system work (timers, start-up). */
  public String id() {
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  /** Whether the authenticated user is an administrator (member of camunda-admin). */
  public boolean isAdministrator() {
    return isAdministrator(id());
  }

  /** Whether {@code userId} is an administrator (member of camunda-admin); false for null. */
  public boolean isAdministrator(String userId) {
    return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
  }

  /**
   * The administrator asking: 401 without a login, 403 with {@code refusal} (in Chinese, what only
   * administrators may do) for anyone else.
   */
  public String requireAdministrator(String refusal) {
    String userId = id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    if (!isAdministrator(userId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal);
    }
    return userId;
  }

  public String idOr(String fallback) {
    String id = id();
    return id != null ? id : fallback;
  }
}
