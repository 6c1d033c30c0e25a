package cn.shequflow.core.security;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.Authorization;
import org.camunda.bpm.webapp.impl.security.filter.RequestAuthorizer;

/**
 * Cockpit's plugin API ({@code /api/cockpit/plugin/{plugin}/{engine}/...}) runs its own queries,
 * which count and list every community's cases without the engine's authorization checks. Only a
 * logged-in person with Cockpit access may call it; anyone else, anonymous included, is denied.
 * (Camunda's {@code ApplicationRequestAuthorizer} lets anonymous requests through, because it also
 * guards the pages that show the login form.) Named in {@code shequ-security-filter-rules.json}.
 */
public class CockpitApiAuthorizer implements RequestAuthorizer {

  @Override
  public Authorization authorize(Map<String, String> parameters) {
    Authentications current = Authentications.getCurrent();
    Authentication authentication = current == null ? null
        : current.getAuthenticationForProcessEngine(parameters.get("engine"));
    if (authentication == null) {
      return Authorization.denied(Authentication.ANONYMOUS);
    }
    String app = parameters.get("app");
    boolean granted = authentication instanceof UserAuthentication user && user.isAuthorizedForApp(app);
    return (granted ? Authorization.granted(authentication) : Authorization.denied(authentication)).forApplication(app);
  }
}
