package cn.shequflow.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The mask of the one personal-data policy, without the application. */
class PersonalDataTest {

  @Test
  @DisplayName("The mask keeps the region and the check digit only: no birth date, no sequence or sex digit")
  void mask() {
    assertThat(PersonalData.mask("36040319900101123X")).isEqualTo("360403***********X");
    assertThat(PersonalData.mask("360403199001011235")).doesNotContain("19900101").doesNotContain("123");
    assertThat(PersonalData.mask("360403***********X")).as("a mask stays a mask").isEqualTo("360403***********X");
    assertThat(PersonalData.mask("12345")).isEqualTo("*****");
    assertThat(PersonalData.mask(null)).isNull();
    assertThat(PersonalData.mask("")).isEmpty();
    assertThat(PersonalData.isMasked("360403***********X")).isTrue();
    assertThat(PersonalData.isMasked("36040319900101123X")).isFalse();
  }

  @Test
  @DisplayName("History events of a listed variable are masked before they are written; others are not touched")
  void historyEvents() {
    var event = new org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity();
    event.setProcessDefinitionKey("resident-move");
    event.setVariableName("idNumber");
    event.setTextValue("36040319900101123X");
    PersonalDataHistory.Masking.mask(event);
    assertThat(event.getTextValue()).isEqualTo("360403***********X");
    var other = new org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity();
    other.setProcessDefinitionKey("resident-move");
    other.setVariableName("phone");
    other.setTextValue("13907920001");
    PersonalDataHistory.Masking.mask(other);
    assertThat(other.getTextValue()).isEqualTo("13907920001");
  }

  @Test
  @DisplayName("In a text, every valid identity number is masked, wherever it stands; other digits are left alone")
  void numbersInText() {
    assertThat(PersonalData.maskNumbersIn("王某（身份证 360403198503121234）外出"))
        .isEqualTo("王某（身份证 360403***********4）外出");
    assertThat(PersonalData.maskNumbersIn("{\"idNumber\":\"36040319900101103X\"}"))
        .isEqualTo("{\"idNumber\":\"360403***********X\"}");
    assertThat(PersonalData.maskNumbersIn("t\u0000\u0012360403198503121234t\u0000\u0004card"))
        .as("a string in a serialized object, the next marker right after it")
        .isEqualTo("t\u0000\u0012360403***********4t\u0000\u0004card");
    for (String other : new String[] {"银行卡 622202100112345678", "发票 12345678901234567890", "电话 13907920001",
        "校验位不对 360403198503121235", "19 位 3604031985031212345", "360403***********4"}) {
      assertThat(PersonalData.maskNumbersIn(other)).as(other).isEqualTo(other);
    }
    assertThat(PersonalData.maskNumbersIn(null)).isNull();
  }
}
