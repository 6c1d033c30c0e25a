package cn.shequflow.expense.monthly;

import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;

/** The dates a monthly report's tasks record: after the reported month has ended, and not in the future. */
final class MonthlyDates {

  private MonthlyDates() {}

  static LocalDate afterMonth(LocalDate date, String field, String label, YearMonth month) {
    if (date.isAfter(Clock.today())) {
      throw new InvalidInputException(field, label + "不能晚于今天（" + Clock.today() + "）：办完后再登记");
    }
    LocalDate monthOver = month.plusMonths(1).atDay(1);
    if (date.isBefore(monthOver)) {
      throw new InvalidInputException(field, label + "不能早于 " + monthOver + "：" + MonthlyStatement.label(month)
          + "结束后才能汇总上报和公开");
    }
    return date;
  }
}
