package cn.shequflow.core.identity;

import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The 18-character resident identity number of GB 11643-1999 (公民身份号码): a 6-digit region
 * code, the birth date {@code yyyyMMdd}, a 3-digit sequence and a check digit (ISO 7064 MOD 11-2,
 * {@code X} for 10). A number is accepted when it has 18 characters, a known province, a birth date
 * that exists and is neither in the future nor before 1900, and the right check digit. A lower-case
 * {@code x} is read as {@code X}. Used by every process that records a person's identity number.
 */
public final class ResidentIdNumber {

  public static final int LENGTH = 18;

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
  /** Province-level codes of GB/T 2260, and 83 (台湾居民居住证). */
  private static final Set<String> PROVINCES = Set.of(
      "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
      "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
      "71", "81", "82", "83");

  private ResidentIdNumber() {}

  /**
   * The number in canonical form (trimmed, {@code X} upper-case), or {@link InvalidInputException}
   * naming {@code field} with the reason in Chinese.
   */
  public static String check(String field, String label, String value, LocalDate today) {
    String canonical = value == null ? "" : value.strip().toUpperCase();
    Optional<String> problem = problem(canonical, today);
    if (problem.isPresent()) {
      throw new InvalidInputException(field, label + problem.get());
    }
    return canonical;
  }

  /** Reads a required identity number from a form or REST submission (today from the engine clock). */
  public static String required(Inputs in, String field, String label) {
    // Read generously, so that the reason is this class's, not a length message.
    String value = in.requiredText(field, label, 64);
    return check(field, label, value, Clock.today());
  }

  /** Why {@code number} (already trimmed and upper-case) is not a valid identity number, if it is not. */
  public static Optional<String> problem(String number, LocalDate today) {
    if (number.length() != LENGTH) {
      return Optional.of("应为 18 位，现为 " + number.length() + " 位");
    }
    for (int i = 0; i < LENGTH - 1; i++) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.of("前 17 位必须是数字");
      }
    }
    char last = number.charAt(LENGTH - 1);
    if ((last < '0' || last > '9') && last != 'X') {
      return Optional.of("最后一位必须是数字或 X");
    }
    if (!PROVINCES.contains(number.substring(0, 2))) {
      return Optional.of("前两位不是有效的省级行政区划代码：" + number.substring(0, 2));
    }
    LocalDate birth;
    try {
      birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
          Integer.parseInt(number.substring(12, 14)));
    } catch (DateTimeException e) {
      return Optional.of("中的出生日期 " + number.substring(6, 14) + " 不存在");
    }
    if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
      return Optional.of("中的出生日期 " + birth + " 不合理");
    }
    if (checkDigit(number.substring(0, LENGTH - 1)) != last) {
      return Optional.of("校验位错误：请核对号码");
    }
    return Optional.empty();
  }

  /** The birth date of a valid number. */
  public static LocalDate birthDate(String validNumber) {
    return LocalDate.of(Integer.parseInt(validNumber.substring(6, 10)), Integer.parseInt(validNumber.substring(10, 12)),
        Integer.parseInt(validNumber.substring(12, 14)));
  }

  /** The check digit of the first 17 digits. */
  static char checkDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }
}
