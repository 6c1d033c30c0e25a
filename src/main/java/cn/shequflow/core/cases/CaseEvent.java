package cn.shequflow.core.cases;

import java.time.LocalDateTime;

/** One entry of a case's timeline ({@code case_event}). */
public record CaseEvent(
    Long id,
    String businessKey,
    LocalDateTime occurredAt,
    String userId,
    String userName,
    String action,
    String taskName,
    Boolean approved,
    String comment) {}
