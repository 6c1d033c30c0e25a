package cn.shequflow.core.cases;

import java.time.LocalDateTime;

/**
 * One row of the case register ({@code biz_case}). A case the product opens itself (a timer, not a
 * person: {@link OpenCase#openSystemCase}) has no applicant: its applicant is {@link #SYSTEM_APPLICANT},
 * an id no Camunda user can have (user ids are letters, digits, dots, dashes and underscores), so no
 * person ever counts as its applicant.
 */
public record CaseRecord(
    String businessKey,
    String family,
    String processInstanceId,
    String applicantId,
    String applicantName,
    String applicantRole,
    String communityId,
    String communityName,
    String subject,
    String status,
    int submission,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    LocalDateTime closedAt) {

  /** The applicant of a case the product opened itself. */
  public static final String SYSTEM_APPLICANT = "[system]";
  public static final String SYSTEM_APPLICANT_NAME = "系统";
  public static final String SYSTEM_ROLE = "SYSTEM";

  /** Whether the product opened this case itself (no applicant). */
  public boolean systemCase() {
    return SYSTEM_APPLICANT.equals(applicantId);
  }
}
