package cn.shequflow.expense.monthly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One community's report of one month: its case in the register joined with {@code expense_monthly_report}. */
public record MonthlyReport(
    String businessKey,
    String communityId,
    String communityName,
    String reportMonth,
    String status,
    LocalDateTime createdAt,
    int expenseCount,
    BigDecimal paidTotal,
    LocalDate reportedOn,
    String reportNote,
    String reportedBy,
    LocalDate postedOn,
    String postedBy,
    LocalDate takeDownFrom,
    LocalDate takenDownOn,
    String takenDownBy) {}
