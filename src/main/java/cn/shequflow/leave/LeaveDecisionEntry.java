package cn.shequflow.leave;

import java.time.LocalDateTime;

/** One approver's decision on a leave request: step {@code step} of submission {@code submission}. */
public record LeaveDecisionEntry(
    String id,
    String businessKey,
    int submission,
    int step,
    String approverId,
    String approverName,
    String approverRole,
    boolean approved,
    String comment,
    LocalDateTime decidedAt) {}
