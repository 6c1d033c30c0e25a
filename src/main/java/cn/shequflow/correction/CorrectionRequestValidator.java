package cn.shequflow.correction;

import static cn.shequflow.correction.CorrectionVariables.APPLICATION_DATE;
import static cn.shequflow.correction.CorrectionVariables.CURRENT_ADDRESS;
import static cn.shequflow.correction.CorrectionVariables.DAYS;
import static cn.shequflow.correction.CorrectionVariables.DESTINATION;
import static cn.shequflow.correction.CorrectionVariables.END_DATE;
import static cn.shequflow.correction.CorrectionVariables.ID_NUMBER;
import static cn.shequflow.correction.CorrectionVariables.NEW_ADDRESS;
import static cn.shequflow.correction.CorrectionVariables.NEW_COUNTY_SAME;
import static cn.shequflow.correction.CorrectionVariables.PERSON_NAME;
import static cn.shequflow.correction.CorrectionVariables.PLANNED_MOVE_DATE;
import static cn.shequflow.correction.CorrectionVariables.REASON;
import static cn.shequflow.correction.CorrectionVariables.RESTRICTED_PLACE;
import static cn.shequflow.correction.CorrectionVariables.START_DATE;

import cn.shequflow.core.identity.ResidentIdNumber;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The rules of the two correction applications that a form cannot express (CONTRACTS.md
 * {@code correction-travel}, {@code correction-residence-change}), each refused naming the field.
 * The limits themselves (30 days, one month) are the models' input parameters. Valid values are
 * stored back in canonical form (dates {@code yyyy-MM-dd}, the identity number with an upper-case X).
 */
@Component
public class CorrectionRequestValidator {

  public static final int MAX_NAME = 50;
  public static final int MAX_PLACE = 200;
  public static final int MAX_REASON = 500;

  public record Travel(String personName, String idNumber, String destination, LocalDate startDate, LocalDate endDate,
      int days, String reason, boolean restrictedPlace) {}

  public record ResidenceChange(String personName, String idNumber, String currentAddress, String newAddress,
      boolean newCountySame, LocalDate applicationDate, LocalDate plannedMoveDate) {}

  /** CC-1: one absence of at most {@code maxDays} days, applied for before leaving. */
  public Travel travel(VariableScope scope, int maxDays) {
    Inputs in = Inputs.of(scope);
    String name = in.requiredText(PERSON_NAME, "矫正对象姓名", MAX_NAME);
    String idNumber = ResidentIdNumber.required(in, ID_NUMBER, "身份证号码");
    String destination = in.requiredText(DESTINATION, "外出目的地", MAX_PLACE);
    LocalDate start = in.requiredDate(START_DATE, "外出开始日期");
    LocalDate end = in.requiredDate(END_DATE, "外出结束日期");
    LocalDate today = Clock.today();
    if (start.isBefore(today)) {
      throw new InvalidInputException(START_DATE, "外出须事先审批：开始日期（" + start + "）不能早于今天（" + today + "）");
    }
    if (start.isAfter(today.plusYears(1))) {
      throw new InvalidInputException(START_DATE, "开始日期（" + start + "）应在一年之内");
    }
    if (end.isBefore(start)) {
      throw new InvalidInputException(END_DATE, "结束日期（" + end + "）不能早于开始日期（" + start + "）");
    }
    BigDecimal number = in.requiredNumber(DAYS, "外出天数");
    if (number.stripTrailingZeros().scale() > 0 || number.signum() <= 0) {
      throw new InvalidInputException(DAYS, "外出天数必须是正整数，不能是 " + number.stripTrailingZeros().toPlainString());
    }
    if (number.compareTo(BigDecimal.valueOf(maxDays)) > 0) {
      throw new InvalidInputException(DAYS, "一次外出不得超过 " + maxDays + " 天，现为 "
          + number.toPlainString() + " 天；需要更久的，到期后须重新申请");
    }
    int days = number.intValueExact();
    long calendarDays = ChronoUnit.DAYS.between(start, end) + 1;
    if (days != calendarDays) {
      throw new InvalidInputException(DAYS, "外出天数（" + days + "）与起止日期不符：" + start + " 至 " + end + " 共 "
          + calendarDays + " 天");
    }
    String reason = in.requiredText(REASON, "外出事由", MAX_REASON);
    Boolean restricted = in.optionalBoolean(RESTRICTED_PLACE, "是否进入禁止令限定的区域或场所");

    scope.setVariable(ID_NUMBER, idNumber);
    scope.setVariable(START_DATE, start.toString());
    scope.setVariable(END_DATE, end.toString());
    return new Travel(name, idNumber, destination, start, end, days, reason, Boolean.TRUE.equals(restricted));
  }

  /** CC-3: a written application at least {@code minNotice} (one month) before the planned move. */
  public ResidenceChange residenceChange(VariableScope scope, Period minNotice) {
    Inputs in = Inputs.of(scope);
    String name = in.requiredText(PERSON_NAME, "矫正对象姓名", MAX_NAME);
    String idNumber = ResidentIdNumber.required(in, ID_NUMBER, "身份证号码");
    String current = in.requiredText(CURRENT_ADDRESS, "现居住地址", MAX_PLACE);
    String next = in.requiredText(NEW_ADDRESS, "新居住地址", MAX_PLACE);
    if (next.equals(current)) {
      throw new InvalidInputException(NEW_ADDRESS, "新居住地址与现居住地址相同");
    }
    boolean sameCounty = in.requiredBoolean(NEW_COUNTY_SAME, "新居住地是否仍在本县（区）");
    LocalDate applied = in.requiredDate(APPLICATION_DATE, "申请日期");
    LocalDate planned = in.requiredDate(PLANNED_MOVE_DATE, "计划迁居日期");
    LocalDate today = Clock.today();
    if (applied.isAfter(today)) {
      throw new InvalidInputException(APPLICATION_DATE, "申请日期（" + applied + "）不能晚于今天");
    }
    if (applied.isBefore(today.minusYears(1))) {
      throw new InvalidInputException(APPLICATION_DATE, "申请日期（" + applied + "）应在一年之内");
    }
    LocalDate earliest = applied.plus(minNotice);
    if (planned.isBefore(earliest)) {
      throw new InvalidInputException(PLANNED_MOVE_DATE, "变更居住地须提前" + describe(minNotice) + "提出书面申请：申请日期 "
          + applied + "，计划迁居日期最早为 " + earliest + "，现为 " + planned);
    }
    if (planned.isBefore(today)) {
      throw new InvalidInputException(PLANNED_MOVE_DATE, "计划迁居日期（" + planned + "）已过");
    }
    if (planned.isAfter(today.plusYears(1))) {
      throw new InvalidInputException(PLANNED_MOVE_DATE, "计划迁居日期（" + planned + "）应在一年之内");
    }
    scope.setVariable(ID_NUMBER, idNumber);
    scope.setVariable(APPLICATION_DATE, applied.toString());
    scope.setVariable(PLANNED_MOVE_DATE, planned.toString());
    return new ResidenceChange(name, idNumber, current, next, sameCounty, applied, planned);
  }

  /**
   * A required date of something that has happened (a report, a hand-over, a consultation): not
   * before {@code earliest} ({@code earliestName}, e.g. 批准日期) and not after today.
   */
  static LocalDate happenedOn(Inputs in, String field, String label, LocalDate earliest, String earliestName) {
    LocalDate date = in.requiredDate(field, label);
    if (date.isBefore(earliest)) {
      throw new InvalidInputException(field, label + "不能早于" + earliestName + "（" + earliest + "）");
    }
    if (date.isAfter(Clock.today())) {
      throw new InvalidInputException(field, label + "不能晚于今天：办理后再登记");
    }
    return date;
  }

  /** A notice period in Chinese: 一个月, 2 个月 15 天 … */
  static String describe(Period p) {
    StringBuilder s = new StringBuilder();
    if (p.getYears() > 0) {
      s.append(p.getYears()).append(" 年");
    }
    if (p.getMonths() > 0) {
      s.append(p.getMonths() == 1 && s.isEmpty() ? "一个月" : " " + p.getMonths() + " 个月");
    }
    if (p.getDays() > 0) {
      s.append(" ").append(p.getDays()).append(" 天");
    }
    return s.toString().strip();
  }
}
