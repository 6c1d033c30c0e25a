package cn.shequflow.core.organisation;

/**
 * The roles the processes route to (ORG-3, ORG-4). A role is held at a unit: street roles at the
 * street, community roles at a community, the liaison leader at the community he looks after.
 * Each (role, unit) pair is mirrored into one Camunda group, {@code <unit>-<suffix>}.
 */
public enum Role {
  PRINCIPAL_LEADER("principal", "主要领导", UnitLevel.STREET, 1),
  LEADER_IN_CHARGE("leader", "主管社区领导", UnitLevel.STREET, 2),
  LIAISON_LEADER("liaison", "蹲点领导", UnitLevel.COMMUNITY, 0),
  SOCIAL_AFFAIRS("social", "社会事务办", UnitLevel.STREET, 3),
  STREET_DEPARTMENT("dept", "综治办", UnitLevel.STREET, 3),
  JUSTICE_OFFICE("justice", "司法所", UnitLevel.STREET, 3),
  DISTRICT_SUPERVISION("supervision", "督办", UnitLevel.DISTRICT, 0),
  COUNTY_JUSTICE("justice-bureau", "司法局", UnitLevel.DISTRICT, 0),
  DIRECTOR("director", "居委会主任", UnitLevel.COMMUNITY, 1),
  STAFF("staff", "社区干部", UnitLevel.COMMUNITY, 2),
  BOOKKEEPER("bookkeeper", "报账员", UnitLevel.COMMUNITY, 2),
  GRID_WORKER("grid", "网格员", UnitLevel.COMMUNITY, 2);

  /**
   * The rank (0 in the constants above) of a role that is not in its unit's line of command: the liaison leader is a street
   * leader stationed at a community (not its committee's superior or subordinate), the district's
   * supervision office and the county justice bureau are separate bodies.
   */
  private static final int OUTSIDE_THE_LINE = 0;

  private final String groupSuffix;
  private final String label;
  private final UnitLevel level;
  private final int rank;

  Role(String groupSuffix, String label, UnitLevel level, int rank) {
    this.groupSuffix = groupSuffix;
    this.label = label;
    this.level = level;
    this.rank = rank;
  }

  /**
   * Whether this role is above {@code other} in the line of command of one unit (ORG-2, ORG-4): the
   * street's principal leader above the leader in charge above the street offices; a community's
   * director (主任负责制) above its staff, bookkeeper and grid workers. Roles of the same rank, of
   * different levels, or outside the line ({@link #OUTSIDE_THE_LINE}) are neither above nor below.
   */
  public boolean above(Role other) {
    return level == other.level && rank != OUTSIDE_THE_LINE && other.rank != OUTSIDE_THE_LINE && rank < other.rank;
  }

  public String groupSuffix() {
    return groupSuffix;
  }

  /** Chinese name of the role, as users read it. */
  public String label() {
    return label;
  }

  /** The level of the unit at which this role is held. */
  public UnitLevel level() {
    return level;
  }

  public String groupId(String unitId) {
    return unitId + "-" + groupSuffix;
  }

  public static Role parse(String name) {
    try {
      return Role.valueOf(name.trim().toUpperCase().replace('-', '_'));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("Unknown role '" + name + "'");
    }
  }
}
