package cn.shequflow.core.cases;

import java.time.LocalDateTime;

/** One row of the case register ({@code biz_case}). */
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
    LocalDateTime closedAt) {}
