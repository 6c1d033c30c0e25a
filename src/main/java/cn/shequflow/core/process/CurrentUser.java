package cn.shequflow.core.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user on whose behalf the engine runs the current command (REST, Tasklist or a test). */
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
    String id = id();
    return id != null && identity.createUserQuery().userId(id)
        .memberOfGroup(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN).count() > 0;
  }

  public String idOr(String fallback) {
    String id = id();
    return id != null ? id : fallback;
  }
}
