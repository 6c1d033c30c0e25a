package cn.shequflow.expense.monthly;

import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.InvalidInputException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The dates a monthly report's tasks record (reported, posted): after the reported month has ended,
 * not before the report existed (its case was opened on the first working day: nothing of it could
 * be reported or posted earlier, EX-5, EX-8), and not in the future.
 */
final class MonthlyDates {

  private MonthlyDates() {}

  static LocalDate afterMonth(LocalDate date, String field, String label, YearMonth month, LocalDate reportOpenedOn) {
    if (date.isAfter(Clock.today())) {
      throw new InvalidInputException(field, label + "不能晚于今天（" + Clock.today() + "）：办完后再登记");
    }
    LocalDate monthOver = month.plusMonths(1).atDay(1);
    if (date.isBefore(monthOver)) {
      throw new InvalidInputException(field, label + "不能早于 " + monthOver + "：" + MonthlyStatement.label(month)
          + "结束后才能汇总上报和公开");
    }
    if (date.isBefore(reportOpenedOn)) {
      throw new InvalidInputException(field, label + "不能早于 " + reportOpenedOn + "：" + MonthlyStatement.label(month)
          + "的报账与财务公开当天才建立，此前无从上报或张贴；请填写实际日期");
    }
    return date;
  }
}
