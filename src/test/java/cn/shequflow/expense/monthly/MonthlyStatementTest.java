package cn.shequflow.expense.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** EX-5: what a monthly report says, exact to the fen, and how its list fits one form field. */
class MonthlyStatementTest {

  static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

  static BookedExpense expense(int n, String amount, LocalDate paidOn) {
    return new BookedExpense(String.format("EX-2026-%06d", n), paidOn, "office", "办公用品".repeat(n % 3 + 1),
        new BigDecimal(amount), paidOn.atTime(10, 0));
  }

  @Test
  @DisplayName("EX-5: the sum is exact to the fen where binary floating point is not (0.10 + 0.20)")
  void exactSum() {
    MonthlyStatement statement = new MonthlyStatement(SEPTEMBER,
        List.of(expense(1, "0.10", LocalDate.of(2026, 9, 1)), expense(2, "0.20", LocalDate.of(2026, 9, 2))));
    assertThat(statement.count()).isEqualTo(2);
    assertThat(statement.total().toPlainString()).isEqualTo("0.30");
    assertThat(0.1 + 0.2).as("what a double would have said").isNotEqualTo(0.3);
  }

  @Test
  @DisplayName("A list longer than one form field holds is cut, saying how many lines are not shown; the totals count all")
  void longListIsCut() {
    List<BookedExpense> list = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      list.add(expense(i, "12.34", LocalDate.of(2026, 9, 1 + i % 28)));
    }
    MonthlyStatement statement = new MonthlyStatement(SEPTEMBER, list);
    String text = statement.lines();
    assertThat(text.length()).isLessThanOrEqualTo(4000);
    String[] lines = text.split("\n");
    assertThat(lines[lines.length - 1]).startsWith("……另有 ").contains("笔未列出（已计入合计）");
    int shown = lines.length - 1;
    assertThat(lines[lines.length - 1]).contains("另有 " + (200 - shown) + " 笔");
    assertThat(statement.count()).isEqualTo(200);
    assertThat(statement.total()).isEqualByComparingTo("2468.00");
  }

  @Test
  @DisplayName("EX-5: a payment of an earlier month booked in this one is marked as not settled within its month")
  void crossMonth() {
    BookedExpense late = new BookedExpense("EX-2026-000007", LocalDate.of(2026, 8, 31), "utilities", "八月水电费",
        new BigDecimal("120"), LocalDateTime.of(2026, 9, 1, 9, 0));
    assertThat(MonthlyStatement.line(late, SEPTEMBER))
        .isEqualTo("EX-2026-000007 ｜ 2026-08-31 ｜ 水电费 ｜ 八月水电费 ｜ 120.00 元（2026年8月支出，未当月结清）");
    assertThat(new MonthlyStatement(SEPTEMBER, List.of()).lines()).isEqualTo("（2026年9月没有报账的开支）");
  }
}
