package cn.shequflow.core.security;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Tells {@link CachedBasicAuthenticationProvider} that users, groups, tenants or memberships change:
 * before the command and again after it (after its commit, as this interceptor sits before the
 * transaction), so no login remembered in between outlives the change.
 */
public class IdentityChanges extends CommandInterceptor {

  private static final Pattern CHANGE = Pattern.compile(
      "(SaveUser|DeleteUser|UnlockUser|SaveGroup|DeleteGroup|CreateMembership|DeleteMembership|SaveTenant|DeleteTenant"
      + "|CreateTenantUserMembership|DeleteTenantUserMembership|CreateTenantGroupMembership|DeleteTenantGroupMembership)Cmd");

  @Override
  public <T> T execute(Command<T> command) {
    String name = command.getClass().getSimpleName();
    if (!CHANGE.matcher(name).matches()) {
      return next.execute(command);
    }
    CachedBasicAuthenticationProvider.identityChanged();
    try {
      return next.execute(command);
    } finally {
      CachedBasicAuthenticationProvider.identityChanged();
    }
  }
}
