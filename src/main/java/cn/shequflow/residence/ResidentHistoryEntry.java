package cn.shequflow.residence;

import java.time.LocalDateTime;

/** One change of a resident's row (table {@code resident_history}): who, when, what, and why. */
public record ResidentHistoryEntry(
    Long id,
    Long residentId,
    String businessKey,
    String action,
    LocalDateTime changedAt,
    String changedBy,
    String changedByName,
    String detail) {}
