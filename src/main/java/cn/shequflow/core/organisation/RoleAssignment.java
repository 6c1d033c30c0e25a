package cn.shequflow.core.organisation;

/** A person holds a role at a unit. */
public record RoleAssignment(String userId, Role role, String unitId) {

  public String groupId() {
    return role.groupId(unitId);
  }
}
