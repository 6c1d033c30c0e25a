package cn.shequflow.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One row of the expense ledger: the case in the register joined with the expense's own facts. */
public record ExpenseEntry(
    String businessKey,
    String applicantId,
    String applicantName,
    String communityId,
    String communityName,
    String status,
    int submissions,
    LocalDateTime submittedAt,
    BigDecimal amount,
    String category,
    String purpose,
    String handler,
    String witness,
    boolean officeNeeded,
    boolean voteNeeded,
    LocalDateTime approvedAt,
    Integer representativesTotal,
    Integer representativesPresent,
    Integer votesInFavour,
    LocalDate noticePostedOn,
    LocalDate meetingOn,
    Boolean votePassed,
    String voteNote,
    String voucherType,
    String invoiceNumber,
    BigDecimal paidAmount,
    LocalDate paidOn,
    LocalDateTime bookedAt,
    String bookedBy,
    /** The voucher's code ('' where it has none), as normalised (EX-4). */
    String invoiceCode,
    /** The sum of the earlier related expenses the route counted (EX-1, EX-2), or null. */
    BigDecimal relatedAmount,
    /** What the approver was shown about them, or null. */
    String relatedNote) {

  /** The amount the route is decided on: this expense and the related ones together. */
  public BigDecimal routeAmount() {
    return relatedAmount == null ? amount : amount.add(relatedAmount);
  }
}
