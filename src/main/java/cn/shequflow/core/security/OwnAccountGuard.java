package cn.shequflow.core.security;

import cn.shequflow.core.guard.Caller;
import cn.shequflow.core.guard.CommandGuard;
import cn.shequflow.core.guard.Refusals;
import cn.shequflow.core.process.InvalidInputException;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * A person's own account: names and email come from the organisation, so a person below admin
 * may change their own password and nothing else, and may not delete any account.
 *
 * <p>Camunda gives every new user ALL on their own USER resource (READ, UPDATE, DELETE), and the
 * password is saved through the same UPDATE as the profile, so the permission alone cannot tell a
 * password change from a rename. This guard can: it compares what is saved with the stored user.
 * It also checks a new password against the policy first, so the person reads which rules it
 * breaks, in Chinese, as a 400 naming the field {@code password}.
 *
 * <p>Groups, memberships, tenants, new users and authorizations need permissions that only the
 * administrators' group holds, so the engine already refuses them (403); the tests prove it.
 */
@Component
public class OwnAccountGuard implements CommandGuard {

  static final String NO_RENAME = "姓名和邮箱以组织机构登记为准，不能自行修改；如有变动请联系管理员。";
  static final String NO_DELETE = "账号由组织机构统一管理，不能删除；如有变动请联系管理员。";
  static final String ONLY_OWN = "只能修改本人的账号。";

  private final IdentityService identity;

  public OwnAccountGuard(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void check(Command<?> command, Caller caller) {
    if (command instanceof DeleteUserCmd) {
      throw Refusals.forbidden(NO_DELETE);
    }
    if (command instanceof SaveUserCmd) {
      User user = Refusals.field(command, "user");
      if (user == null || !caller.userId().equals(user.getId())) {
        throw Refusals.forbidden(ONLY_OWN);
      }
      User stored = identity.createUserQuery().userId(user.getId()).singleResult();
      if (stored == null) {
        throw Refusals.forbidden(ONLY_OWN);
      }
      if (!same(stored.getFirstName(), user.getFirstName())
          || !same(stored.getLastName(), user.getLastName())
          || !same(stored.getEmail(), user.getEmail())) {
        throw Refusals.forbidden(NO_RENAME);
      }
      boolean skipPolicy = Refusals.field(command, "skipPasswordPolicy");
      if (!skipPolicy && user instanceof UserEntity entity && entity.hasNewPassword()) {
        String broken = PasswordRules.violations(identity, Refusals.field(entity, "newPassword"), stored);
        if (!broken.isEmpty()) {
          throw new InvalidInputException("password", broken);
        }
      }
    }
  }

  private static boolean same(String a, String b) {
    return Objects.equals(a == null ? "" : a, b == null ? "" : b);
  }
}
