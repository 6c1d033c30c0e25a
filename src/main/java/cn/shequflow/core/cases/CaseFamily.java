package cn.shequflow.core.cases;

import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.organisation.UnitLevel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A process family as the platform knows it: its process, the prefix of its business keys, who may
 * start it, who sees its cases, and the statuses its cases move through. Each family declares one
 * bean of this type; start rights, business keys, the register, visibility and the status mechanism
 * all read it, so a family's rules stand in one place.
 *
 * @param streetViewers roles that see every community's cases of this family
 * @param communityViewers roles that see the cases of the community they hold the role at
 * @param statuses status code → Chinese label; the first is the status of a (re)submitted case
 * @param closedStatuses statuses that close the case
 * @param participants roles, besides the viewers, in which a person may be brought into one case of
 *     the family (抄送, 加签, 转办, 委派) — held at the case's own community for a community role, at
 *     its street or district for a street or district role — and then see that case, never the
 *     family's ledgers ({@link CommunityScope#broughtInAs}, ORG-5). Unless a family says otherwise,
 *     every role of the case's own community ({@link #COMMUNITY_ROLES}) and no further street role.
 */
public record CaseFamily(
    String key,
    String processKey,
    String prefix,
    String label,
    Set<Role> starters,
    Set<Role> streetViewers,
    Set<Role> communityViewers,
    Map<String, String> statuses,
    Set<String> closedStatuses,
    Set<Role> participants) {

  /** Every role held at a community: the default participants, the people of the case's own community. */
  public static final Set<Role> COMMUNITY_ROLES = Set.copyOf(Arrays.stream(Role.values())
      .filter(r -> r.level() == UnitLevel.COMMUNITY).toList());

  public CaseFamily {
    if (!prefix.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("Business key prefix must be two capital letters: " + prefix);
    }
    statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    starters = Set.copyOf(starters);
    streetViewers = Set.copyOf(streetViewers);
    communityViewers = Set.copyOf(communityViewers);
    closedStatuses = Set.copyOf(closedStatuses);
    participants = Set.copyOf(participants);
  }

  /** A family whose cases anyone of the case's own community may be brought into, and no other street role. */
  public CaseFamily(String key, String processKey, String prefix, String label, Set<Role> starters,
      Set<Role> streetViewers, Set<Role> communityViewers, Map<String, String> statuses, Set<String> closedStatuses) {
    this(key, processKey, prefix, label, starters, streetViewers, communityViewers, statuses, closedStatuses,
        COMMUNITY_ROLES);
  }

  /** The status of a case that has just been submitted (the first status declared). */
  public String initialStatus() {
    return statuses.keySet().iterator().next();
  }

  public String statusLabel(String status) {
    String label = statuses.get(status);
    if (label == null) {
      throw new IllegalArgumentException("Family " + key + " has no status '" + status + "'");
    }
    return label;
  }

  /** A status a client names (e.g. a ledger filter): 400 naming {@code field} unless the family has it. */
  public String requireStatus(String field, String status) {
    if (status != null && !statuses.containsKey(status)) {
      throw new cn.shequflow.core.process.InvalidInputException(field, "状态取值无效：" + status + "，可选值为 "
          + String.join(" | ", statuses.keySet()));
    }
    return status;
  }
}
