package cn.shequflow.correction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The correction approver tables (processes/correction/correction-approvers.dmn), without a process. */
class CorrectionDecisionTest {

  static DmnEngine dmn;
  static List<DmnDecision> decisions;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = CorrectionDecisionTest.class.getResourceAsStream("/processes/correction/correction-approvers.dmn")) {
      decisions = dmn.parseDecisions(in);
    }
  }

  private static DmnDecision decision(String key) {
    return decisions.stream().filter(d -> d.getKey().equals(key)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0} days, barred place {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "1  | false | JUSTICE_OFFICE:1",
      "7  | false | JUSTICE_OFFICE:1",
      "8  | false | JUSTICE_OFFICE:1 COUNTY_JUSTICE:2",
      "30 | false | JUSTICE_OFFICE:1 COUNTY_JUSTICE:2",
      "3  | true  | JUSTICE_OFFICE:1 COUNTY_JUSTICE:2",
      "10 | true  | JUSTICE_OFFICE:1 COUNTY_JUSTICE:2"})
  @DisplayName("CC-1, CC-5: the justice office always; the county bureau over 7 days or for a barred place, once")
  void travelApprovers(int days, boolean restricted, String expected) {
    var input = Variables.createVariables().putValue("days", days).putValue("restrictedPlace", restricted);
    List<String> chain = dmn.evaluateDecisionTable(decision("correctionTravelApprovers"), input).getResultList().stream()
        .map(r -> r.get("approverRole") + ":" + r.get("step")).toList();
    assertThat(chain).containsExactly(expected.split(" "));
  }

  @ParameterizedTest(name = "new county same {0}")
  @CsvSource({"true", "false"})
  @DisplayName("CC-3: the justice office's opinion, then the county bureau decides, whichever the county")
  void residenceApprovers(boolean sameCounty) {
    var input = Variables.createVariables().putValue("newCountySame", sameCounty);
    List<String> chain = dmn.evaluateDecisionTable(decision("correctionResidenceApprovers"), input).getResultList()
        .stream().map(r -> r.get("approverRole") + ":" + r.get("step")).toList();
    assertThat(chain).containsExactly("JUSTICE_OFFICE:1", "COUNTY_JUSTICE:2");
  }
}
