package cn.shequflow.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequflow.core.process.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB 11643-1999 identity numbers: length, digits, province, birth date and the MOD 11-2 check digit. */
class ResidentIdNumberTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @ParameterizedTest(name = "{0}")
  @CsvSource({"11010519491231002X", "360403198503121234", "360402199001014568", "36040320000229003X"})
  @DisplayName("Valid numbers pass (the standard's own example, a leap day, X as check digit)")
  void valid(String number) {
    assertThat(ResidentIdNumber.problem(number, TODAY)).isEmpty();
    assertThat(ResidentIdNumber.check("idNumber", "身份证号码", number, TODAY)).isEqualTo(number);
  }

  @Test
  @DisplayName("A lower-case x and surrounding blanks are accepted and stored in canonical form")
  void canonical() {
    assertThat(ResidentIdNumber.check("idNumber", "身份证号码", " 11010519491231002x ", TODAY))
        .isEqualTo("11010519491231002X");
    assertThat(ResidentIdNumber.birthDate("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "360403198503121235  | 校验位错误",
      "110105194912310021  | 校验位错误",
      "36040319850312123   | 应为 18 位，现为 17 位",
      "3604031985031212345 | 应为 18 位，现为 19 位",
      "36040319990230123X  | 出生日期 19990230 不存在",
      "360403199913010013  | 出生日期 19991301 不存在",
      "360403197802290017  | 出生日期 19780229 不存在",
      "360403203001011234  | 不合理",
      "360403189912311234  | 不合理",
      "99040319850312123X  | 省级行政区划代码",
      "3604031985031212X4  | 前 17 位必须是数字",
      "36040319850312123Y  | 最后一位必须是数字或 X",
      "３60403198503121234 | 前 17 位必须是数字"})
  @DisplayName("Wrong check digit, 17 or 19 characters, impossible or implausible birth dates, unknown province, letters")
  void invalid(String number, String reason) {
    assertThat(ResidentIdNumber.problem(number.strip(), TODAY)).get().asString().contains(reason);
    assertThatThrownBy(() -> ResidentIdNumber.check("idNumber", "身份证号码", number, TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("身份证号码").hasMessageContaining(reason)
        .extracting("field").isEqualTo("idNumber");
  }

  @Test
  @DisplayName("Blank is refused naming the field")
  void blank() {
    assertThatThrownBy(() -> ResidentIdNumber.check("idNumber", "身份证号码", "  ", TODAY))
        .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("idNumber");
  }
}
