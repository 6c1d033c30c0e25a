package cn.shequflow.leave;

import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Checks the fields of a leave request (CONTRACTS.md {@code leave-request}), on first submission
 * and on every resubmission, and stores them back in canonical form (dates as yyyy-MM-dd).
 * A start date in the past is allowed: sick leave is often applied for afterwards (补假).
 */
@Component
public class LeaveRequestValidator {

  public static final int MAX_REASON = 500;
  /** One request covers at most a year. */
  public static final int MAX_DAYS = 366;
  private static final BigDecimal HALF = new BigDecimal("0.5");

  public record LeaveRequestFields(LeaveType type, LocalDate startDate, LocalDate endDate, BigDecimal days,
      String reason) {}

  public LeaveRequestFields validate(VariableScope scope) {
    Inputs in = Inputs.of(scope);
    LeaveType type = LeaveType.of(in.requiredEnum(LeaveVariables.LEAVE_TYPE, "请假类型", LeaveType.CODES));
    LocalDate start = in.requiredDate(LeaveVariables.START_DATE, "开始日期");
    LocalDate end = in.requiredDate(LeaveVariables.END_DATE, "结束日期");
    LocalDate today = cn.shequflow.core.process.Clock.today();
    if (start.isBefore(today.minusYears(1)) || start.isAfter(today.plusYears(1))) {
      throw new InvalidInputException(LeaveVariables.START_DATE, "开始日期（" + start + "）应在今天前后一年之内");
    }
    if (end.isBefore(start)) {
      throw new InvalidInputException(LeaveVariables.END_DATE, "结束日期（" + end + "）不能早于开始日期（" + start + "）");
    }
    if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
      throw new InvalidInputException(LeaveVariables.END_DATE, "一次请假的起止日期不能超过 " + MAX_DAYS + " 天");
    }
    BigDecimal days = in.requiredNumber(LeaveVariables.DAYS, "请假天数");
    if (days.signum() <= 0) {
      throw new InvalidInputException(LeaveVariables.DAYS, "请假天数必须大于 0");
    }
    if (days.remainder(HALF).signum() != 0) {
      throw new InvalidInputException(LeaveVariables.DAYS, "请假天数以半天为单位（0.5 的倍数），不能是 " + days.stripTrailingZeros().toPlainString());
    }
    long calendarDays = ChronoUnit.DAYS.between(start, end) + 1;
    if (days.compareTo(BigDecimal.valueOf(calendarDays)) > 0) {
      throw new InvalidInputException(LeaveVariables.DAYS, "请假天数（" + days.stripTrailingZeros().toPlainString()
          + "）不能超过开始到结束日期之间的日历天数（" + calendarDays + "）");
    }
    String reason = in.requiredText(LeaveVariables.REASON, "请假事由", MAX_REASON);

    scope.setVariable(LeaveVariables.START_DATE, start.toString());
    scope.setVariable(LeaveVariables.END_DATE, end.toString());
    scope.setVariable(LeaveVariables.REASON, reason);
    scope.setVariable(LeaveVariables.LEAVE_TYPE_LABEL, type.label());
    scope.setVariable(LeaveVariables.DAYS_LABEL, days.stripTrailingZeros().toPlainString());
    return new LeaveRequestFields(type, start, end, days, reason);
  }
}
