package cn.shequflow.expense;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One row of the property loan register: the case joined with the loan's own facts. */
public record PropertyLoanEntry(
    String businessKey,
    String applicantId,
    String applicantName,
    String communityId,
    String communityName,
    String status,
    int submissions,
    LocalDateTime submittedAt,
    String item,
    String borrower,
    String purpose,
    LocalDate loanFrom,
    LocalDate loanUntil,
    LocalDateTime consentedAt,
    LocalDate returnDue,
    LocalDate returnedOn,
    String returnCondition,
    String returnNote,
    LocalDateTime returnRecordedAt,
    String returnRecordedBy) {}
