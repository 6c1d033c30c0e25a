package cn.shequflow.incident;

import java.time.LocalDateTime;

/** One incident in the register: its case and its own facts. */
public record IncidentEntry(
    String businessKey, String applicantId, String applicantName, String communityId, String communityName,
    String status, LocalDateTime submittedAt, String category, String severity, String title, String description,
    String location, String handlerRole, String acceptedBy, LocalDateTime acceptedAt, boolean escalated,
    String slaStatus, String result, String handledBy, LocalDateTime handledAt, boolean handedToPolice,
    boolean correctionPerson, int reopenCount, String reopenReason, Boolean satisfied, LocalDateTime closedAt) {}
