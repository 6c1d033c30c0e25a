package cn.shequflow.leave;

import java.time.LocalDateTime;

/** One approver's decision on a leave request. */
public record LeaveDecisionEntry(
    String id,
    String businessKey,
    int submission,
    String approverId,
    String approverName,
    String approverRole,
    boolean approved,
    String comment,
    LocalDateTime decidedAt) {}
