package cn.shequflow.leave;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One row of the leave ledger: the case in the register joined with the leave's own facts. */
public record LeaveEntry(
    String businessKey,
    String processInstanceId,
    String applicantId,
    String applicantName,
    String applicantRole,
    String communityId,
    String communityName,
    String leaveType,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal days,
    String reason,
    String status,
    int submissions,
    LocalDateTime submittedAt,
    LocalDateTime updatedAt,
    LocalDate reportBackDue,
    LocalDate returnedOn,
    String coverPerson) {}
