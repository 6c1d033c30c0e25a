package cn.shequflow.core.audit;

import cn.shequflow.core.guard.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records, inside the transaction of the command that does it: changes to users (a password change
 * as such), groups, memberships, tenants, grants (authorizations), task filters and deployments
 * made by a person (Admin, Cockpit, Tasklist, REST); a wrong password on any route, and a login to
 * the webapps; and every other write command an administrator sends. Only the outermost command is
 * recorded (the nested commands it runs are part of it); start-up work without a person is not.
 */
class ChangeAuditInterceptor extends CommandInterceptor {

  /** The webapps' login: POST /camunda/api/admin/auth/user/{engine}/login/{app}. */
  private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/([^/]+)$");

  /**
   * Engine commands that write, as an administrator's action (queries and reads are not recorded:
   * {@code CreateUserQueryCmd} and the like are left out by name).
   */
  private static final Pattern WRITE_COMMAND = Pattern.compile(
      "(Save|Delete|Create|Set|Update|Modify|Suspend|Activate|Unlock|Restart|Migrat|Correlate|Signal|Submit"
          + "|Complete|Claim|Resolve|Delegate|Remove|Add|Patch|Redeploy|Recalculate|Handle|Start|MessageEvent"
          + "|HistoryCleanup|Deploy)\\w*(Cmd|Command)");

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private final ObjectProvider<AuditLog> audit;

  ChangeAuditInterceptor(ObjectProvider<AuditLog> audit) {
    this.audit = audit;
  }

  private record Change(AuditAction action, String target) {}

  @Override
  public <T> T execute(Command<T> command) {
    int depth = DEPTH.get();
    DEPTH.set(depth + 1);
    try {
      if (depth > 0) {
        return next.execute(command);
      }
      Change before = before(command);
      T result = next.execute(command);
      after(command, before, result);
      return result;
    } finally {
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  /** What the command is about to change, read before it runs (a user's new password, say). */
  private static Change before(Command<?> command) {
    if (command instanceof SaveUserCmd) {
      User user = Refusals.field(command, "user");
      String id = user == null ? null : user.getId();
      if (user instanceof UserEntity entity && entity.getRevision() > 0) {
        return new Change(entity.hasNewPassword() ? AuditAction.PASSWORD_CHANGED : AuditAction.USER_UPDATED, id);
      }
      return new Change(AuditAction.USER_CREATED, id);
    }
    return null;
  }

  private void after(Command<?> command, Change before, Object result) {
    if (command instanceof CheckPassword) {
      login(Refusals.field(command, "userId"), Boolean.TRUE.equals(result));
      return;
    }
    Authentication auth = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    String actor = auth == null ? null : auth.getUserId();
    if (actor == null) {
      return;
    }
    Change change = before != null ? before : change(command, result);
    if (change != null) {
      audit.getObject().record(change.action(), actor, change.target(), null, null);
      return;
    }
    String name = command.getClass().getSimpleName();
    boolean admin = auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    if (admin && command.getClass().getName().startsWith("org.camunda.bpm.engine.impl")
        && WRITE_COMMAND.matcher(name).matches() && !name.contains("Query")) {
      audit.getObject().record(AuditAction.ADMIN_COMMAND, actor, name, null, null);
    }
  }

  private static Change change(Command<?> command, Object result) {
    if (command instanceof DeleteUserCmd) {
      return new Change(AuditAction.USER_DELETED, Refusals.field(command, "userId"));
    }
    if (command instanceof UnlockUserCmd) {
      return new Change(AuditAction.USER_UNLOCKED, Refusals.field(command, "userId"));
    }
    if (command instanceof SaveGroupCmd) {
      Group group = Refusals.field(command, "group");
      return new Change(AuditAction.GROUP_SAVED, group == null ? null : group.getId());
    }
    if (command instanceof DeleteGroupCmd) {
      return new Change(AuditAction.GROUP_DELETED, Refusals.field(command, "groupId"));
    }
    if (command instanceof CreateMembershipCmd) {
      return new Change(AuditAction.MEMBERSHIP_ADDED,
          Refusals.field(command, "userId") + " → " + Refusals.field(command, "groupId"));
    }
    if (command instanceof DeleteMembershipCmd) {
      return new Change(AuditAction.MEMBERSHIP_REMOVED,
          Refusals.field(command, "userId") + " ← " + Refusals.field(command, "groupId"));
    }
    if (command instanceof SaveTenantCmd) {
      Tenant tenant = Refusals.field(command, "tenant");
      return new Change(AuditAction.TENANT_CHANGED, tenant == null ? null : tenant.getId());
    }
    if (command instanceof DeleteTenantCmd || command instanceof CreateTenantUserMembershipCmd
        || command instanceof CreateTenantGroupMembershipCmd || command instanceof DeleteTenantUserMembershipCmd
        || command instanceof DeleteTenantGroupMembershipCmd) {
      return new Change(AuditAction.TENANT_CHANGED,
          command.getClass().getSimpleName() + " " + Refusals.field(command, "tenantId"));
    }
    if (command instanceof SaveAuthorizationCmd) {
      AuthorizationEntity a = Refusals.field(command, "authorization");
      return new Change(AuditAction.GRANT_SAVED, a == null ? null
          : (a.getUserId() != null ? "user " + a.getUserId() : "group " + a.getGroupId())
              + ", resource type " + a.getResourceType() + " " + a.getResourceId()
              + ", permissions " + a.getPermissions() + ", type " + a.getAuthorizationType());
    }
    if (command instanceof DeleteAuthorizationCmd) {
      return new Change(AuditAction.GRANT_DELETED, Refusals.field(command, "authorizationId"));
    }
    if (command instanceof SaveFilterCmd) {
      Filter filter = Refusals.field(command, "filter");
      return new Change(AuditAction.FILTER_SAVED, filter == null ? null : filter.getId() + " " + filter.getName());
    }
    if (command instanceof DeleteFilterCmd) {
      return new Change(AuditAction.FILTER_DELETED, Refusals.field(command, "filterId"));
    }
    if (command instanceof DeployCmd) {
      return new Change(AuditAction.DEPLOYED, result instanceof DeploymentWithDefinitions d
          ? d.getId() + " " + d.getName() : null);
    }
    if (command instanceof DeleteDeploymentCmd) {
      return new Change(AuditAction.DEPLOYMENT_DELETED, Refusals.field(command, "deploymentId"));
    }
    return null;
  }

  /** A wrong password on any route; a right one only for the webapps' login (Basic checks every request). */
  private void login(String userId, boolean ok) {
    HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        ? a.getRequest() : null;
    String path = request == null ? null : request.getRequestURI();
    if (!ok) {
      audit.getObject().failure(AuditAction.LOGIN_FAILED, userId, userId, path);
      return;
    }
    Matcher webapp = path == null ? null : WEBAPP_LOGIN.matcher(path);
    if (webapp != null && webapp.matches()) {
      audit.getObject().record(AuditAction.LOGIN, userId, userId, null, webapp.group(1));
    }
  }
}
