package cn.shequflow.core.security;

import static org.camunda.bpm.engine.authorization.Permissions.ALL;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The administrators' group with all permissions, and the first administrator. There is no
 * default password: the id and password come from configuration (the demo profile uses
 * admin/demo, production the environment variables SHEQU_ADMIN_ID and SHEQU_ADMIN_PASSWORD).
 */
@Component
public class AdminBootstrap {

  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

  private final IdentityService identity;
  private final Grants grants;

  public AdminBootstrap(IdentityService identity, Grants grants) {
    this.identity = identity;
    this.grants = grants;
  }

  public void ensureAdmin(String adminId, String password) {
    if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("系统管理员");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    for (Resources resource : Resources.values()) {
      grants.toGroup(Groups.CAMUNDA_ADMIN, resource, "*", ALL);
    }
    boolean hasAdmin = identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
    if (adminId == null || adminId.isBlank()) {
      if (!hasAdmin) {
        throw new IllegalStateException("No administrator exists. Set SHEQU_ADMIN_ID and SHEQU_ADMIN_PASSWORD "
            + "(shequ.admin.id / shequ.admin.password) for the first start.");
      }
      return;
    }
    if (identity.createUserQuery().userId(adminId).count() == 0) {
      if (password == null || password.isBlank()) {
        throw new IllegalStateException("Administrator '" + adminId + "' does not exist yet: set SHEQU_ADMIN_PASSWORD "
            + "(shequ.admin.password) to create it.");
      }
      User user = identity.newUser(adminId);
      user.setFirstName("管理员");
      user.setLastName("");
      user.setPassword(password);
      // Configured, not chosen in a form: saved as given (admin/demo in the demo profile), with a
      // warning when it would not pass the policy every later password must meet.
      String weak = PasswordRules.violations(identity, password, user);
      if (!weak.isEmpty()) {
        LOG.info("The configured password of administrator {} does not meet the password policy ({}); "
            + "change it in Camunda Admin.", adminId, weak);
      }
      PasswordRules.saveSeededUser(identity, user);
      LOG.info("Created administrator {}", adminId);
    }
    if (identity.createUserQuery().userId(adminId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identity.createMembership(adminId, Groups.CAMUNDA_ADMIN);
    }
  }
}
