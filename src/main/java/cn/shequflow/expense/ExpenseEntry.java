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
    String bookedBy) {}
