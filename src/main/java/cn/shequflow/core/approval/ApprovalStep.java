package cn.shequflow.core.approval;

import java.time.LocalDateTime;

/**
 * One position on a case's approval chain, with the decision taken there. {@code state}: pending
 * (not reached yet), active (a task is open), approved, rejected, or cancelled (the round ended
 * elsewhere, e.g. a parallel approver refused); after an approval operation also returned (退回:
 * the position, or a decision taken there, was sent back; a fresh row takes its place) and
 * withdrawn (撤回: the request or the decision was withdrawn). A position is held by a group
 * ({@code candidateGroup}) or, for an added signer (加签), by one person ({@code candidateUser}).
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
    LocalDateTime decidedAt,
    String candidateUser) {

  public static final String PENDING = "pending";
  public static final String ACTIVE = "active";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";
  public static final String CANCELLED = "cancelled";
  public static final String RETURNED = "returned";
  public static final String WITHDRAWN = "withdrawn";

  /** Whether the position is still to be decided in its round. */
  public boolean open() {
    return PENDING.equals(state) || ACTIVE.equals(state);
  }

  /** A fresh, pending copy of this position (same step, role and holder), e.g. after a return. */
  public ApprovalStep freshCopy(String newId, int newStepNo) {
    return new ApprovalStep(newId, businessKey, submission, newStepNo, approverRole, unitId, candidateGroup, PENDING,
        null, null, null, null, null, null, candidateUser);
  }
}
