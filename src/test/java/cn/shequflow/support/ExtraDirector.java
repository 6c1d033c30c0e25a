package cn.shequflow.support;

import cn.shequflow.core.organisation.OrganisationMapper;
import cn.shequflow.core.organisation.Person;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.organisation.RoleAssignment;
import cn.shequflow.core.security.PasswordRules;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second director of a community, which the demo organisation lacks: a colleague in the same
 * candidate group as its director, for tests of what one task holder may do to another. Added
 * before a test ({@link #add}) and removed after it ({@link #remove}), password {@code demo}.
 */
public record ExtraDirector(IdentityService identity, OrganisationMapper people, JdbcTemplate jdbc) {

  /** {@code userId} becomes 「{surname}副主任」, a director of {@code community}; with Tasklist if {@code tasklist}. */
  public void add(String userId, String surname, String community, boolean tasklist) {
    User u = identity.newUser(userId);
    u.setFirstName("副主任");
    u.setLastName(surname);
    u.setPassword("demo");
    PasswordRules.saveSeededUser(identity, u);
    identity.createMembership(userId, community + "-director");
    if (tasklist) {
      identity.createMembership(userId, "shequ-users");
    }
    people.insertPerson(new Person(userId, surname + "副主任", community));
    people.insertRole(new RoleAssignment(userId, Role.DIRECTOR, community));
  }

  public void remove(String userId) {
    identity.deleteUser(userId);
    jdbc.update("delete from org_role_assignment where user_id = ?", userId);
    jdbc.update("delete from org_person where user_id = ?", userId);
  }
}
