package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input answered 500 (claim: every bad input is 4xx naming the field). Each failed before the fix. */
class BadInputAttackTest extends AttackSupport {

  private static final String START = "/engine-rest/process-definition/key/leave-request/start";

  @ParameterizedTest(name = "start with \"{0}\": null")
  @ValueSource(strings = {"days", "reason", "leaveType"})
  @DisplayName("A variable sent as JSON null at start is 400 naming it")
  void nullVariableAtStart(String name) {
    Response r = as("liu.staff").postJson(START, "{\"variables\":{\"" + name + "\":null}}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0} with approved: null")
  @ValueSource(strings = {"complete", "submit-form", "resolve"})
  @DisplayName("A decision sent as JSON null is 400 naming approved")
  void nullDecision(String route) {
    String task = onlyTask("zhang.director", start("liu.staff").get("id").asText());
    Response r = as("zhang.director").postJson("/engine-rest/task/" + task + "/" + route, "{\"variables\":{\"approved\":null}}");
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("approved");
  }

  @ParameterizedTest(name = "POST /engine-rest/task {0}")
  @ValueSource(strings = {
      "{\"candidateGroups\":[]}",
      "{\"processVariables\":[{\"name\":\"days\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}",
      "{\"processVariables\":[{\"name\":null,\"operator\":\"eq\",\"value\":1}]}",
      "{\"processVariables\":[{\"name\":\"days\",\"operator\":null,\"value\":1}]}",
      "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\"}]}"})
  @DisplayName("A bad task query is 4xx, not 500")
  void badTaskQuery(String body) {
    Response r = as("zhang.director").postJson("/engine-rest/task", body);
    assertThat(r.status()).as(r.body()).isBetween(400, 499);
  }

  @Test
  @DisplayName("Other bad requests a staff member can send are 4xx, not 500")
  void otherServerErrors() {
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(as("liu.staff").postJson(START, "{\"variables\":{},\"skipCustomListeners\":true}").status())
        .as("start with skipCustomListeners").isBetween(400, 499);
    soft.assertThat(as("liu.staff").postJson("/engine-rest/condition", "{}").status()).as("POST /condition").isBetween(400, 499);
    soft.assertThat(as("liu.staff").get("/engine-rest/task?candidateGroups=,,").status()).as("candidateGroups=,,")
        .isBetween(400, 499);
    soft.assertThat(as("liu.staff").get("/engine-rest/history/user-operation?sortBy=timestamp&sortOrder=desc&maxResults=-5")
        .status()).as("history maxResults=-5").isBetween(400, 499);
    soft.assertThat(as("liu.staff").postJson("/engine-rest/filter/create", "").status()).as("filter/create without body")
        .isBetween(400, 499);
    soft.assertAll();
  }
}
