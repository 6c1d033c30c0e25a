package cn.shequflow.incident;

import java.util.Map;
import java.util.Set;

/** The variable names of {@code incident-report} (CONTRACTS.md), and what each form lets a person write. */
public final class IncidentVariables {

  public static final String CATEGORY = "category";
  public static final String SEVERITY = "severity";
  public static final String TITLE = "title";
  public static final String DESCRIPTION = "description";
  public static final String LOCATION = "location";
  public static final String RESULT = "result";
  public static final String HANDED_TO_POLICE = "handedToPolice";
  public static final String CORRECTION_PERSON = "correctionPersonInvolved";
  public static final String ACCEPT_NOTE = "acceptNote";
  public static final String SATISFIED = "satisfied";
  public static final String REOPEN_REASON = "reopenReason";
  public static final String SUPERVISION_NOTE = "supervisionNote";

  /** Display only (set by the product, mirrored from the incident table): never read back. */
  public static final String SLA_STATUS = "slaStatus";
  /** The light as a person reads it (正常 / 黄灯督办 / 红灯督办), shown on the forms; display only. */
  public static final String SLA_LABEL = "slaLabel";

  public static final Set<String> CATEGORIES = Set.of("safety-hazard", "instability", "new-pregnancy",
      "migrant-inflow", "rental", "facility-damage", "fire", "dispute", "other");
  public static final Set<String> SEVERITIES = Set.of("routine", "coordination", "emergency");

  /** Form id → the variables a person writes with it. */
  public static final Map<String, Set<String>> FORM_INPUTS = Map.of(
      "incident-report-start", Set.of(CATEGORY, SEVERITY, TITLE, DESCRIPTION, LOCATION),
      "incident-onsite", Set.of(RESULT),
      "incident-accept", Set.of(ACCEPT_NOTE),
      "incident-handle", Set.of(RESULT),
      "incident-emergency", Set.of(RESULT, HANDED_TO_POLICE, CORRECTION_PERSON),
      "incident-confirm", Set.of(SATISFIED, REOPEN_REASON),
      "incident-supervise", Set.of(SUPERVISION_NOTE),
      "incident-street-accept", Set.of(ACCEPT_NOTE),
      "incident-leader", Set.of(SUPERVISION_NOTE));

  private IncidentVariables() {}
}
