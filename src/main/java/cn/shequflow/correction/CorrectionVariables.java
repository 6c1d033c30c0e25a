package cn.shequflow.correction;

import cn.shequflow.core.process.ApprovalDecision;
import java.util.Map;
import java.util.Set;

/**
 * The variable names of {@code correction-travel} and {@code correction-residence-change}
 * (CONTRACTS.md), and what each of their forms lets a person write.
 */
public final class CorrectionVariables {

  // Both processes: the person under correction (data, not a user).
  public static final String PERSON_NAME = "personName";
  public static final String ID_NUMBER = "idNumber";

  // correction-travel
  public static final String DESTINATION = "destination";
  public static final String START_DATE = "startDate";
  public static final String END_DATE = "endDate";
  public static final String DAYS = "days";
  public static final String REASON = "reason";
  public static final String RESTRICTED_PLACE = "restrictedPlace";
  public static final String COMMITTEE_CERTIFICATE = "committeeCertificate";
  public static final String EMPLOYER_CERTIFICATE = "employerCertificate";
  public static final String PROOF_NOTE = "proofNote";
  public static final String REPORTED_ON = "reportedOn";
  public static final String REPORT_NOTE = "reportNote";
  public static final String FOLLOW_UP_NOTE = "followUpNote";

  // correction-residence-change
  public static final String CURRENT_ADDRESS = "currentAddress";
  public static final String NEW_ADDRESS = "newAddress";
  public static final String NEW_COUNTY_SAME = "newCountySame";
  public static final String APPLICATION_DATE = "applicationDate";
  public static final String PLANNED_MOVE_DATE = "plannedMoveDate";
  public static final String RECEIVING_COUNTY = "receivingCounty";
  public static final String RECEIVING_OPINION = "receivingOpinion";
  public static final String RECEIVING_OPINION_NOTE = "receivingOpinionNote";
  public static final String CONSULTED_ON = "consultedOn";
  public static final String HANDED_OVER_ON = "handedOverOn";
  public static final String COPIES_SENT = "copiesSent";
  public static final String HAND_OVER_NOTE = "handOverNote";
  public static final String REPORTED_IN_ON = "reportedInOn";
  public static final String REPORT_IN_NOTE = "reportInNote";

  public static final Map<String, Set<String>> TRAVEL_FORM_INPUTS = Map.of(
      "correction-travel-start",
      Set.of(PERSON_NAME, ID_NUMBER, DESTINATION, START_DATE, END_DATE, DAYS, REASON, RESTRICTED_PLACE),
      "correction-travel-proofs", Set.of(COMMITTEE_CERTIFICATE, EMPLOYER_CERTIFICATE, PROOF_NOTE),
      "correction-travel-approve", ApprovalDecision.FIELDS,
      "correction-travel-report", Set.of(REPORTED_ON, REPORT_NOTE),
      "correction-travel-chase", Set.of(FOLLOW_UP_NOTE));

  public static final Map<String, Set<String>> RESIDENCE_FORM_INPUTS = Map.of(
      "correction-residence-start",
      Set.of(PERSON_NAME, ID_NUMBER, CURRENT_ADDRESS, NEW_ADDRESS, NEW_COUNTY_SAME, APPLICATION_DATE, PLANNED_MOVE_DATE),
      "correction-residence-opinion", Set.of(RECEIVING_COUNTY, RECEIVING_OPINION, RECEIVING_OPINION_NOTE, CONSULTED_ON),
      "correction-residence-approve", ApprovalDecision.FIELDS,
      "correction-residence-handover", Set.of(HANDED_OVER_ON, COPIES_SENT, HAND_OVER_NOTE),
      "correction-residence-report-in", Set.of(REPORTED_IN_ON, REPORT_IN_NOTE));

  private CorrectionVariables() {}
}
