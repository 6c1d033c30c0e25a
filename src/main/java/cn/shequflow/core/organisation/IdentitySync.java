package cn.shequflow.core.organisation;

import cn.shequflow.core.security.PasswordRules;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mirrors the organisation tables into Camunda users, groups and memberships, so that Tasklist,
 * candidate groups and authorizations all see the same organisation. Idempotent; memberships of
 * role groups that the organisation no longer assigns are removed.
 */
@Component
public class IdentitySync {

  /** Every member of the organisation: Tasklist access and the task filters are granted to it. */
  public static final String ALL_STAFF_GROUP = "shequ-users";
  /** Type of the groups this class manages. */
  public static final String ROLE_GROUP_TYPE = "shequ-role";

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);

  private final IdentityService identity;
  private final OrganisationMapper mapper;

  public IdentitySync(IdentityService identity, OrganisationMapper mapper) {
    this.identity = identity;
    this.mapper = mapper;
  }

  /**
   * @param initialPassword password for users created now; {@code null} creates them without one
   *     (an administrator sets it in Camunda Admin).
   */
  public void sync(String initialPassword) {
    Map<String, OrgUnit> units = new HashMap<>();
    mapper.allUnits().forEach(u -> units.put(u.id(), u));

    createGroupIfAbsent(ALL_STAFF_GROUP, "全体工作人员", "WORKFLOW");
    List<RoleAssignment> roles = mapper.allRoles();
    Map<String, Set<String>> wanted = new HashMap<>();
    for (RoleAssignment r : roles) {
      OrgUnit unit = units.get(r.unitId());
      createGroupIfAbsent(r.groupId(), unit.name() + r.role().label(), ROLE_GROUP_TYPE);
      wanted.computeIfAbsent(r.groupId(), g -> new HashSet<>()).add(r.userId());
    }
    int users = 0;
    for (Person p : mapper.allPeople()) {
      if (identity.createUserQuery().userId(p.userId()).count() == 0) {
        User user = identity.newUser(p.userId());
        user.setFirstName(p.name());
        user.setLastName("");
        if (initialPassword != null) {
          user.setPassword(initialPassword);
        }
        // The demo password is the product's own seed, not one a person chose: no password policy.
        PasswordRules.saveSeededUser(identity, user);
        users++;
      }
      addMembership(p.userId(), ALL_STAFF_GROUP);
    }
    wanted.forEach((group, members) -> members.forEach(user -> addMembership(user, group)));
    for (Group group : identity.createGroupQuery().groupType(ROLE_GROUP_TYPE).list()) {
      Set<String> members = wanted.getOrDefault(group.getId(), Set.of());
      for (User user : identity.createUserQuery().memberOfGroup(group.getId()).list()) {
        if (!members.contains(user.getId())) {
          identity.deleteMembership(user.getId(), group.getId());
          LOG.info("Removed {} from {}: the organisation no longer assigns that role", user.getId(), group.getId());
        }
      }
    }
    LOG.info("Identity mirrored: {} users created, {} role groups", users, wanted.size());
  }

  private void createGroupIfAbsent(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void addMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
