package cn.shequflow.core.cases;

import cn.shequflow.core.organisation.Role;
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
    Set<String> closedStatuses) {

  public CaseFamily {
    if (!prefix.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("Business key prefix must be two capital letters: " + prefix);
    }
    statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    starters = Set.copyOf(starters);
    streetViewers = Set.copyOf(streetViewers);
    communityViewers = Set.copyOf(communityViewers);
    closedStatuses = Set.copyOf(closedStatuses);
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
