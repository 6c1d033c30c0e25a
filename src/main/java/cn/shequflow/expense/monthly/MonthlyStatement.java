package cn.shequflow.expense.monthly;

import cn.shequflow.expense.ExpenseCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;

/**
 * What a community's monthly report says (EX-5): the expenses booked in the month, their count and
 * the sum actually paid, in BigDecimal, exact to the fen. The forms show it as one read-only text,
 * one line per expense; an expense paid in an earlier month is marked, since a month's spending
 * should be settled within that month (EX-5).
 */
public record MonthlyStatement(YearMonth month, List<BookedExpense> expenses) {

  /**
   * The longest list text a form shows: one engine variable holds at most 4,000 characters
   * ({@code FormContract.MAX_TEXT}). A longer list is cut, saying how many lines are not shown; the
   * totals always count every expense, and the full list is {@code GET /api/expenses/monthly-reports/{key}}.
   */
  static final int MAX_TEXT = 3800;
  static final int MAX_PURPOSE = 30;
  static final String SEPARATOR = " ｜ ";

  public MonthlyStatement {
    expenses = List.copyOf(expenses);
  }

  /** {@code 2026年9月}. */
  public static String label(YearMonth month) {
    return month.getYear() + "年" + month.getMonthValue() + "月";
  }

  public String label() {
    return label(month);
  }

  public int count() {
    return expenses.size();
  }

  /** The sum actually paid, exact to the fen. */
  public BigDecimal total() {
    return expenses.stream().map(BookedExpense::paidAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.UNNECESSARY);
  }

  /** One line per expense: business key, date paid, category, purpose, amount paid. */
  public static String line(BookedExpense e, YearMonth month) {
    String line = e.businessKey() + SEPARATOR + e.paidOn() + SEPARATOR + ExpenseCategory.of(e.category()).label()
        + SEPARATOR + abbreviate(e.purpose().replaceAll("\\s+", " ").strip()) + SEPARATOR
        + e.paidAmount().setScale(2, RoundingMode.UNNECESSARY).toPlainString() + " 元";
    if (e.paidOn().isBefore(month.atDay(1))) {
      line += "（" + label(YearMonth.from(e.paidOn())) + "支出，未当月结清）";
    }
    return line;
  }

  /** The list as the forms show it. */
  public String lines() {
    if (expenses.isEmpty()) {
      return "（" + label() + "没有报账的开支）";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < expenses.size(); i++) {
      String line = line(expenses.get(i), month);
      if (text.length() + line.length() + 1 > MAX_TEXT) {
        text.append("……另有 ").append(expenses.size() - i).append(" 笔未列出（已计入合计），完整明细见开支台账");
        break;
      }
      text.append(line).append('\n');
    }
    return text.toString().stripTrailing();
  }

  private static String abbreviate(String text) {
    return cn.shequflow.core.process.Texts.fit(text, MAX_PURPOSE + 1);
  }
}
