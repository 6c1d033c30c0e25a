package cn.shequflow.core.security;

import cn.shequflow.core.guard.Caller;
import cn.shequflow.core.guard.CommandGuard;
import cn.shequflow.core.guard.Refusals;
import cn.shequflow.core.process.InvalidInputException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * A person's own account. A new password is checked against the policy before the engine saves
 * it, so the person reads which rules it breaks, in Chinese, as a 400 naming the field
 * {@code password} (the engine's own check would answer a bare server error).
 */
@Component
public class OwnAccountGuard implements CommandGuard {

  private final IdentityService identity;

  public OwnAccountGuard(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void check(Command<?> command, Caller caller) {
    if (command instanceof SaveUserCmd) {
      User user = Refusals.field(command, "user");
      boolean skipPolicy = Refusals.field(command, "skipPasswordPolicy");
      if (!skipPolicy && user instanceof UserEntity entity && entity.hasNewPassword()) {
        String broken = PasswordRules.violations(identity, Refusals.field(entity, "newPassword"), user);
        if (!broken.isEmpty()) {
          throw new InvalidInputException("password", broken);
        }
      }
    }
  }
}
