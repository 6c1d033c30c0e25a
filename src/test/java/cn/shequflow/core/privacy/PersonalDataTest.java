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
}
