package cn.shequflow.expense.monthly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One booked expense as a monthly report lists it (from the expense ledger). */
public record BookedExpense(
    String businessKey,
    LocalDate paidOn,
    String category,
    String purpose,
    BigDecimal paidAmount,
    LocalDateTime bookedAt) {}
