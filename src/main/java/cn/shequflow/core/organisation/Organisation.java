package cn.shequflow.core.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Answers the questions routing asks (ORG-5): who a person is, which community he works in, and
 * which Camunda group holds a role for a community. Processes call it from expressions, e.g.
 * {@code ${organisation.candidateGroup(approverRole, communityId)}}.
 */
@Service("organisation")
public class Organisation {

  private final OrganisationMapper mapper;

  public Organisation(OrganisationMapper mapper) {
    this.mapper = mapper;
  }

  public Optional<Person> person(String userId) {
    return userId == null ? Optional.empty() : Optional.ofNullable(mapper.findPerson(userId));
  }

  public Optional<OrgUnit> unit(String unitId) {
    return unitId == null ? Optional.empty() : Optional.ofNullable(mapper.findUnit(unitId));
  }

  /** The ids of every community, in id order (the product's own work per community, e.g. monthly reports). */
  public List<String> communityIds() {
    return mapper.allUnits().stream().filter(u -> u.unitLevel() == UnitLevel.COMMUNITY).map(OrgUnit::id).toList();
  }

  public List<RoleAssignment> roles(String userId) {
    return mapper.rolesOf(userId);
  }

  /**
   * The role among {@code roles} in which the person acts, and its community. A director acts as
   * director (the committee works under the director-responsibility system, ORG-2); otherwise the
   * first of his roles in {@code roles}.
   */
  public Optional<Membership> membership(String userId, java.util.Set<Role> roles) {
    return roles(userId).stream()
        .filter(r -> roles.contains(r.role()))
        .sorted(java.util.Comparator.comparing((RoleAssignment r) -> r.role() != Role.DIRECTOR)
            .thenComparing(r -> r.role().ordinal()))
        .findFirst()
        .map(r -> {
          OrgUnit unit = unit(r.unitId()).orElseThrow();
          return new Membership(unit.unitLevel() == UnitLevel.COMMUNITY ? unit : null, r.role());
        });
  }

  /**
   * The one rule of "the same unit, below": whether {@code userId} holds, at the unit where
   * {@code superior} holds its role, a role that role is {@link Role#above} (e.g. zaozhi's staff, bookkeeper or grid
   * worker below zaozhi's director; never the liaison leader, another community's people, or a
   * street office below a community's director). Used for 委派 (delegation keeps the decision with
   * the person who delegates; he may ask someone below him for an opinion).
   */
  public boolean below(String userId, RoleAssignment superior) {
    return userId != null && !userId.equals(superior.userId()) && roles(userId).stream()
        .anyMatch(r -> r.unitId().equals(superior.unitId()) && superior.role().above(r.role()));
  }

  /** Whether the person holds {@code role} at {@code unitId}. */
  public boolean holds(String userId, Role role, String unitId) {
    return roles(userId).stream().anyMatch(r -> r.role() == role && r.unitId().equals(unitId));
  }

  /**
   * The unit at which {@code role} is held for {@code communityId}: the community, its street or
   * district. A street or district unit may be given too (a case of a street applicant): the walk up
   * starts there.
   */
  public OrgUnit unitFor(Role role, String communityId) {
    OrgUnit unit = unit(communityId)
        .orElseThrow(() -> new IllegalStateException("Unknown community '" + communityId + "'"));
    while (unit.unitLevel() != role.level()) {
      String parent = unit.parentId();
      unit = unit(parent).orElseThrow(() -> new IllegalStateException(
          "No " + role.level() + " above community '" + communityId + "' for role " + role));
    }
    return unit;
  }

  /**
   * The Camunda group that holds {@code role} for {@code communityId}. Refuses to route to a group
   * nobody is in, because such a task would be seen by no one.
   */
  public String candidateGroup(String role, String communityId) {
    Role parsed = Role.parse(role);
    OrgUnit unit = unitFor(parsed, communityId);
    if (mapper.holders(parsed, unit.id()).isEmpty()) {
      throw new IllegalStateException("组织架构中" + unit.name() + "没有" + parsed.label()
          + "（" + parsed.groupId(unit.id()) + "），任务无人可办，请先在组织架构中配置");
    }
    return parsed.groupId(unit.id());
  }

  /**
   * The group of the first of {@code roles} that somebody holds for {@code communityId}, e.g. the
   * bookkeeper, or the director where the community has no bookkeeper:
   * {@code ${organisation.firstCandidateGroup(communityId, 'BOOKKEEPER', 'DIRECTOR')}}.
   */
  public String firstCandidateGroup(String communityId, String... roles) {
    for (String role : roles) {
      Role parsed = Role.parse(role);
      if (!mapper.holders(parsed, unitFor(parsed, communityId).id()).isEmpty()) {
        return candidateGroup(role, communityId);
      }
    }
    throw new IllegalStateException("组织架构中社区 " + communityId + " 没有 " + String.join("、", roles)
        + " 中的任何岗位人员，任务无人可办，请先在组织架构中配置");
  }

  public String displayName(String userId) {
    return person(userId).map(Person::name).orElse(userId);
  }

  public List<String> holders(Role role, String unitId) {
    return mapper.holders(role, unitId).stream().map(RoleAssignment::userId).toList();
  }
}
