package cn.shequflow.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expense policy tables (processes/expense/expense-approvers.dmn) and the EX-7 vote rule, without a process. */
class ExpenseDecisionTest {

  static DmnEngine dmn;
  static List<DmnDecision> decisions;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    decisions = new java.util.ArrayList<>();
    for (String file : List.of("expense-approvers.dmn", "expense-related.dmn")) {
      try (InputStream in = ExpenseDecisionTest.class.getResourceAsStream("/processes/expense/" + file)) {
        decisions.addAll(dmn.parseDecisions(in));
      }
    }
  }

  private static DmnDecision decision(String key) {
    return decisions.stream().filter(d -> d.getKey().equals(key)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0} yuan, {1} -> office {2}, vote {3}, approvers {4}")
  @CsvSource(delimiter = '|', value = {
      "0.01    | office            | false | false | DIRECTOR",
      "499.99  | repairs           | false | false | DIRECTOR",
      "500.00  | community-affairs | false | false | DIRECTOR",
      "500.01  | repairs           | true  | false | DIRECTOR SOCIAL_AFFAIRS",
      "500.01  | community-affairs | true  | true  | DIRECTOR SOCIAL_AFFAIRS",
      "2600    | community-affairs | true  | true  | DIRECTOR SOCIAL_AFFAIRS"})
  @DisplayName("EX-1, EX-2, EX-6, EX-D1: route and approvers from one decision (approvers require the route)")
  void route(double amount, String category, boolean office, boolean vote, String approvers) {
    var input = Variables.createVariables().putValue("amount", amount).putValue("category", category);
    Map<String, Object> route = dmn.evaluateDecisionTable(decision("expenseRoute"), input).getSingleResult().getEntryMap();
    assertThat(route).containsEntry("officeApproval", office).containsEntry("voteNeeded", vote);
    List<Object> roles = dmn.evaluateDecision(decision("expenseApprovers"), input).collectEntries("approverRole");
    assertThat(roles).containsExactly((Object[]) approvers.split(" "));
  }

  @Test
  @DisplayName("EX-7: notice 3 days ahead, more than 2/3 of all present, more than half of ALL in favour")
  void assemblyVote() {
    LocalDate meeting = LocalDate.of(2026, 11, 20);
    assertThat(AssemblyVote.DEFAULT.evaluate(60, 41, 31, meeting.minusDays(3), meeting).passed()).isTrue();
    assertThat(AssemblyVote.DEFAULT.evaluate(60, 41, 31, meeting.minusDays(2), meeting).explanation()).contains("提前 3 天");
    assertThat(AssemblyVote.DEFAULT.evaluate(60, 40, 31, meeting.minusDays(3), meeting).explanation()).contains("三分之二");
    assertThat(AssemblyVote.DEFAULT.evaluate(60, 60, 30, meeting.minusDays(3), meeting).explanation())
        .as("half of all is not more than half").contains("半数");
    assertThat(AssemblyVote.DEFAULT.evaluate(3, 3, 2, meeting.minusDays(5), meeting).passed()).isTrue();
  }

  @ParameterizedTest(name = "{0} days apart, category {1}, purpose {2}, handler {3}, witness {4} -> related {5}")
  @CsvSource(delimiter = '|', value = {
      "0  | true  | true  | true  | true  | true",
      "30 | true  | true  | false | false | true",
      "0  | false | true  | true  | true  | false",
      "0  | true  | false | true  | true  | true",
      "1  | true  | false | true  | true  | false",
      "0  | true  | false | true  | false | false",
      "0  | true  | false | false | true  | false"})
  @DisplayName("EX-1, EX-2: related spending is policy: same category and purpose within the window, or same category, "
      + "handler and witness on the same day; a 30-day window for every category")
  void relatedExpense(int daysApart, boolean category, boolean purpose, boolean handler, boolean witness, boolean related) {
    var input = Variables.createVariables().putValue("daysApart", daysApart).putValue("sameCategory", category)
        .putValue("samePurpose", purpose).putValue("sameHandler", handler).putValue("sameWitness", witness);
    Map<String, Object> result = dmn.evaluateDecisionTable(decision("relatedExpense"), input).getSingleResult().getEntryMap();
    assertThat(result).containsEntry("related", related);
    assertThat((String) result.get("reason")).as("the approver reads why").matches(related ? ".*\\p{IsHan}.*" : "");
    for (String c : List.of("office", "community-affairs", "other")) {
      assertThat(dmn.evaluateDecisionTable(decision("relatedExpenseWindow"), Variables.createVariables().putValue("category", c))
          .getSingleResult().getEntryMap()).containsEntry("windowDays", 30);
    }
  }
}
