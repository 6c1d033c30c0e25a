package cn.shequflow.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision table {@code requiredAttachments} (processes/files/required-attachments.dmn) at its
 * boundaries, with the inputs {@link RequiredAttachments} always gives (empty leave facts elsewhere).
 */
class RequiredAttachmentsDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = RequiredAttachmentsDecisionTest.class
        .getResourceAsStream("/processes/files/required-attachments.dmn")) {
      decision = dmn.parseDecision(RequiredAttachments.DECISION, in);
    }
  }

  @DisplayName("Sick leave over 2 days needs a certificate to be approved; the voucher always needs an invoice")
  @ParameterizedTest(name = "{0} {1} approved={2} {3} {4} days -> {5}")
  @CsvSource({
      "leave, approveLeave, true, sick, 2.5, medical-certificate",
      "leave, approveLeave, true, sick, 3, medical-certificate",
      "leave, approveLeave, true, sick, 2, ''",
      "leave, approveLeave, false, sick, 10, ''",
      "leave, approveLeave, true, personal, 10, ''",
      "leave, reportBack, false, sick, 10, ''",
      "expense, bookVoucher, false, '', 0, invoice",
      "expense, approveExpense, true, '', 0, ''",
      "incident, handle, false, '', 0, ''"})
  void rules(String family, String task, boolean approved, String leaveType, double days, String kind) {
    var result = dmn.evaluateDecisionTable(decision, Variables.createVariables().putValue("family", family)
        .putValue("task", task).putValue("approved", approved).putValue("leaveType", leaveType)
        .putValue("days", days));
    if (kind.isEmpty()) {
      assertThat(result.getResultList()).isEmpty();
    } else {
      assertThat(result.collectEntries("kind")).containsExactly(kind);
      assertThat((String) result.getFirstResult().getEntry("message")).isNotBlank();
    }
  }
}
