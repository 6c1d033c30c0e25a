package cn.shequflow.incident;

import java.util.Set;

/**
 * The seam from incidents to resident registration ({@code resident-move}): a closed
 * {@code migrant-inflow} or {@code rental} incident hands its people on. An incident carries no ID
 * number, so the registration itself is a new {@code resident-move} case that the community's staff
 * file; the default ({@link ResidenceReminder}) records the hand-over on the incident's timeline and
 * reminds them. Another implementation (a {@code @Primary} bean) may open the case itself.
 */
public interface IncidentResidenceLink {

  /** The categories whose people go to resident registration. */
  Set<String> CATEGORIES = Set.of("migrant-inflow", "rental");

  /** Called once when such an incident is closed (archived), in the closing transaction. */
  void closed(IncidentEntry incident);
}
