package cn.shequflow.leave;

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

/**
 * The approval tiers of the decision table {@code leaveApprovers} (processes/leave/leave-approvers.dmn),
 * at every boundary of LV-D1, for ordinary staff (LV-2) and directors (LV-3).
 */
class LeaveApproversDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = LeaveApproversDecisionTest.class.getResourceAsStream("/processes/leave/leave-approvers.dmn")) {
      decision = dmn.parseDecision("leaveApprovers", in);
    }
  }

  private static List<Object> approvers(String role, Number days) {
    return dmn.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("applicantRole", role).putValue("days", days))
        .collectEntries("approverRole");
  }

  @DisplayName("LV-2 / LV-D1: ordinary staff, one approver by days")
  @ParameterizedTest(name = "staff, {0} days -> {1}")
  @CsvSource({
      "0.5, DIRECTOR",
      "1, DIRECTOR",
      "1.5, SOCIAL_AFFAIRS",
      "2, SOCIAL_AFFAIRS",
      "2.5, PRINCIPAL_LEADER",
      "3, PRINCIPAL_LEADER",
      "30, PRINCIPAL_LEADER",
      "31, PRINCIPAL_LEADER"})
  void staffTiers(double days, String approver) {
    for (String staff : new String[] {"STAFF", "BOOKKEEPER", "GRID_WORKER"}) {
      assertThat(approvers(staff, days)).as(staff).containsExactly(approver);
    }
  }

  @DisplayName("LV-3 / LV-D1: director, by days; three days or more is two steps in order")
  @ParameterizedTest(name = "director, {0} days -> {1}")
  @CsvSource(delimiter = ';', value = {
      "0.5; LIAISON_LEADER",
      "1; LIAISON_LEADER",
      "1.5; LEADER_IN_CHARGE",
      "2; LEADER_IN_CHARGE",
      "2.5; LEADER_IN_CHARGE,PRINCIPAL_LEADER",
      "3; LEADER_IN_CHARGE,PRINCIPAL_LEADER",
      "30; LEADER_IN_CHARGE,PRINCIPAL_LEADER",
      "31; LEADER_IN_CHARGE,PRINCIPAL_LEADER"})
  void directorTiers(double days, String approvers) {
    assertThat(approvers("DIRECTOR", days)).containsExactly((Object[]) approvers.split(","));
  }

  @DisplayName("LV-D1: whole days arrive as Integer from forms and REST and are read as numbers")
  @ParameterizedTest(name = "{0}, Integer {1} -> {2}")
  @CsvSource({"STAFF, 1, DIRECTOR", "GRID_WORKER, 2, SOCIAL_AFFAIRS", "BOOKKEEPER, 3, PRINCIPAL_LEADER", "DIRECTOR, 1, LIAISON_LEADER"})
  void integerDays(String role, int days, String first) {
    assertThat(approvers(role, days)).first().isEqualTo(first);
  }

  @DisplayName("Catch-all: any other applicant role still has an approver, the principal leader (never an empty chain)")
  @ParameterizedTest(name = "{0}")
  @CsvSource({"SOCIAL_AFFAIRS", "nobody"})
  void catchAll(String role) {
    assertThat(approvers(role, 1)).containsExactly("PRINCIPAL_LEADER");
  }
}
