package cn.shequflow.core.organisation;

/**
 * The roles the processes route to (ORG-3, ORG-4). A role is held at a unit: street roles at the
 * street, community roles at a community, the liaison leader at the community he looks after.
 * Each (role, unit) pair is mirrored into one Camunda group, {@code <unit>-<suffix>}.
 */
public enum Role {
  PRINCIPAL_LEADER("principal", "主要领导", UnitLevel.STREET),
  LEADER_IN_CHARGE("leader", "主管社区领导", UnitLevel.STREET),
  LIAISON_LEADER("liaison", "蹲点领导", UnitLevel.COMMUNITY),
  SOCIAL_AFFAIRS("social", "社会事务办", UnitLevel.STREET),
  STREET_DEPARTMENT("dept", "综治办", UnitLevel.STREET),
  JUSTICE_OFFICE("justice", "司法所", UnitLevel.STREET),
  DISTRICT_SUPERVISION("supervision", "督办", UnitLevel.DISTRICT),
  COUNTY_JUSTICE("justice-bureau", "司法局", UnitLevel.DISTRICT),
  DIRECTOR("director", "居委会主任", UnitLevel.COMMUNITY),
  STAFF("staff", "社区干部", UnitLevel.COMMUNITY),
  BOOKKEEPER("bookkeeper", "报账员", UnitLevel.COMMUNITY),
  GRID_WORKER("grid", "网格员", UnitLevel.COMMUNITY);

  private final String groupSuffix;
  private final String label;
  private final UnitLevel level;

  Role(String groupSuffix, String label, UnitLevel level) {
    this.groupSuffix = groupSuffix;
    this.label = label;
    this.level = level;
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
