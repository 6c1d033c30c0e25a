package cn.shequflow.core.approval;

import java.time.LocalDateTime;

/**
 * One position on a case's approval chain, with the decision taken there. {@code state}: pending
 * (not reached yet), active (a task is open), approved, rejected, or cancelled (the round ended
 * elsewhere, e.g. a parallel approver refused).
 */
public record ApprovalStep(
    String id,
    String businessKey,
    int submission,
    int stepNo,
    String approverRole,
    String unitId,
    String candidateGroup,
    String state,
    String taskId,
    String decidedBy,
    String decidedByName,
    Boolean approved,
    String comment,
    LocalDateTime decidedAt) {

  public static final String PENDING = "pending";
  public static final String ACTIVE = "active";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";
  public static final String CANCELLED = "cancelled";
}
