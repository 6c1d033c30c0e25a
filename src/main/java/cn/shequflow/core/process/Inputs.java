package cn.shequflow.core.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads variables as forms and REST clients send them: numbers as any {@link Number}, dates as ISO
 * strings ({@code yyyy-MM-dd}, or a date-time from which the date is taken). Every failure is an
 * {@link InvalidInputException} naming the variable and what it should be, in Chinese.
 */
public final class Inputs {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final VariableScope scope;

  private Inputs(VariableScope scope) {
    this.scope = scope;
  }

  public static Inputs of(VariableScope scope) {
    return new Inputs(scope);
  }

  public String requiredText(String name, String label, int maxLength) {
    String value = optionalText(name, label, maxLength);
    if (value == null) {
      throw new InvalidInputException(name, label + "不能为空");
    }
    return value;
  }

  public String optionalText(String name, String label, int maxLength) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidInputException(name, label + "必须是文本");
    }
    return Texts.written(name, label, text, maxLength);
  }

  public String requiredEnum(String name, String label, Set<String> allowed) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new InvalidInputException(name, label + "不能为空");
    }
    if (!(value instanceof String text) || !allowed.contains(text)) {
      throw new InvalidInputException(name, label + "取值无效：" + value + "，可选值为 " + String.join(" | ", allowed));
    }
    return text;
  }

  public BigDecimal requiredNumber(String name, String label) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new InvalidInputException(name, label + "不能为空");
    }
    if (!(value instanceof Number number)) {
      throw new InvalidInputException(name, label + "必须是数字");
    }
    if (number instanceof Double d && (d.isNaN() || d.isInfinite())) {
      throw new InvalidInputException(name, label + "必须是有限的数字");
    }
    return new BigDecimal(number.toString());
  }

  public Boolean requiredBoolean(String name, String label) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new InvalidInputException(name, label + "不能为空");
    }
    if (!(value instanceof Boolean b)) {
      throw new InvalidInputException(name, label + "必须是布尔值 true/false");
    }
    return b;
  }

  /** A Boolean that may be left out (a checkbox a REST client did not send): {@code null} then. */
  public Boolean optionalBoolean(String name, String label) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean b)) {
      throw new InvalidInputException(name, label + "必须是布尔值 true/false");
    }
    return b;
  }

  public LocalDate requiredDate(String name, String label) {
    LocalDate date = optionalDate(name, label);
    if (date == null) {
      throw new InvalidInputException(name, label + "不能为空");
    }
    return date;
  }

  public LocalDate optionalDate(String name, String label) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZONE).toLocalDate();
    }
    if (value instanceof String text) {
      return parseDate(name, label, text.strip());
    }
    throw new InvalidInputException(name, label + "必须是日期（yyyy-MM-dd）");
  }

  /**
   * A date as forms and clients send it: exactly {@code yyyy-MM-dd}, or an ISO date-time (with an
   * offset, read in China Standard Time, or without). Anything else, e.g. {@code 2026-12-07X}, is refused.
   */
  public static LocalDate parseDate(String name, String label, String text) {
    try {
      if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(text);
      }
      if (text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})")) {
        return OffsetDateTime.parse(text.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).atZoneSameInstant(ZONE).toLocalDate();
      }
      if (text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?")) {
        return java.time.LocalDateTime.parse(text).toLocalDate();
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new InvalidInputException(name, label + "不是有效日期（应为 yyyy-MM-dd）：" + abbreviate(text));
  }

  private static String abbreviate(String text) {
    return Texts.fit(text, 41);
  }
}
