package cn.shequflow.core.security;

import cn.shequflow.core.audit.RefusalAuditFilter;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * The REST API's authentication (HTTP Basic) that also tells the audit who the request runs as, so
 * that a refusal answered after the engine's authentication is cleared still names the person
 * ({@link RefusalAuditFilter}).
 */
public class AuditedAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected void setAuthenticatedUser(ProcessEngine engine, String userId, List<String> groupIds,
      List<String> tenantIds) {
    RefusalAuditFilter.authenticated(userId);
    super.setAuthenticatedUser(engine, userId, groupIds, tenantIds);
  }
}
