package cn.shequflow.expense;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code property-loan} end to end over HTTP, as the demo users of DEMO-ORG.md with authorization
 * on: the Camunda REST API at /engine-rest and the case at /api/cases.
 */
class PropertyLoanRestTest extends RestTestSupport {

  static final String START = "/engine-rest/process-definition/key/property-loan/start";

  /** A loan from today until the day after tomorrow (the engine's clock is the real one here). */
  static Map<String, Object> loan() {
    LocalDate today = cn.shequflow.core.process.Clock.today();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("item", "折叠桌 10 张");
    v.put("borrower", "造纸小学");
    v.put("purpose", "学校运动会使用");
    v.put("loanFrom", today.toString());
    v.put("loanUntil", today.plusDays(2).toString());
    return v;
  }

  private List<JsonNode> tasks(String user, String processInstanceId) {
    Response r = as(user).get("/engine-rest/task?processInstanceId=" + processInstanceId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.json().forEach(list::add);
    return list;
  }

  private Response complete(String user, String taskId, Map<String, ?> variables) {
    return as(user).post("/engine-rest/task/" + taskId + "/complete", RestClient.variables(variables));
  }

  private long instances() {
    return as("admin").get("/engine-rest/process-instance/count?processDefinitionKey=property-loan").json()
        .get("count").asLong();
  }

  @Test
  @DisplayName("EX-9, ORG-5: liu.staff lends, zhang.director agrees, qian.social consents, liu.staff records the return; gao.director gets nothing")
  void lendOverRest() {
    Response started = as("liu.staff").post(START, RestClient.variables(loan()));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().get("id").asText();
    String key = started.json().get("businessKey").asText();
    assertThat(key).matches("PL-\\d{4}-\\d{6}");

    assertThat(tasks("gao.director", id)).isEmpty();
    assertThat(tasks("ma.staff", id)).isEmpty();
    assertThat(tasks("qian.social", id)).as("the office decides after the director").isEmpty();
    List<JsonNode> zhang = tasks("zhang.director", id);
    assertThat(zhang).hasSize(1);
    String first = zhang.get(0).get("id").asText();
    assertThat(zhang.get(0).get("name").asText()).isEqualTo("审批财物外借：刘洋（折叠桌 10 张）");

    assertThat(complete("gao.director", first, Map.of("approved", true, "comment", "同意")).status()).isEqualTo(403);
    assertThat(as("gao.director").get("/engine-rest/task/" + first).status()).isIn(403, 404);
    assertThat(as("gao.director").get("/api/cases/" + key).status()).isEqualTo(404);
    assertThat(as("gao.director").get("/api/cases/" + key + "/timeline").status()).isEqualTo(404);

    Response undeclared = complete("zhang.director", first, Map.of("approved", true, "comment", "同意", "applicantId", "gao.director"));
    assertThat(undeclared.status()).as(undeclared.body()).isEqualTo(400);
    assertThat(undeclared.json().get("field").asText()).isEqualTo("applicantId");
    assertThat(tasks("zhang.director", id)).hasSize(1);

    Response form = as("zhang.director").get("/engine-rest/task/" + first + "/deployed-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo("loan-approve");

    Response agreed = complete("zhang.director", first, Map.of("approved", true, "comment", "同意"));
    assertThat(agreed.status()).as(agreed.body()).isEqualTo(204);
    assertThat(tasks("zhang.director", id)).isEmpty();

    List<JsonNode> qian = tasks("qian.social", id);
    assertThat(qian).hasSize(1);
    assertThat(tasks("gao.director", id)).isEmpty();
    Response consented = complete("qian.social", qian.get(0).get("id").asText(), Map.of("approved", true, "comment", "同意外借"));
    assertThat(consented.status()).as(consented.body()).isEqualTo(204);

    List<JsonNode> liu = tasks("liu.staff", id);
    assertThat(liu).hasSize(1);
    JsonNode record = liu.get(0);
    assertThat(record.get("taskDefinitionKey").asText()).isEqualTo("recordReturn");
    assertThat(record.get("assignee").asText()).isEqualTo("liu.staff");
    assertThat(record.get("due").isNull()).isFalse();
    assertThat(tasks("gao.director", id)).isEmpty();
    JsonNode afterConsent = as("liu.staff").get("/api/cases/" + key).json();
    assertThat(afterConsent.get("status").asText()).isEqualTo("approved");
    assertThat(afterConsent.get("statusLabel").asText()).isEqualTo("已同意外借，待归还");

    String today = cn.shequflow.core.process.Clock.today().toString();
    Response sneaky = complete("liu.staff", record.get("id").asText(),
        Map.of("returnedOn", today, "condition", "intact", "returnDue", "2030-01-01"));
    assertThat(sneaky.status()).as(sneaky.body()).isEqualTo(400);
    assertThat(sneaky.json().get("field").asText()).isEqualTo("returnDue");
    Response badCondition = complete("liu.staff", record.get("id").asText(), Map.of("returnedOn", today, "condition", "fine"));
    assertThat(badCondition.status()).as(badCondition.body()).isEqualTo(400);
    assertThat(badCondition.json().get("field").asText()).isEqualTo("condition");

    Response returned = complete("liu.staff", record.get("id").asText(), Map.of("returnedOn", today, "condition", "intact"));
    assertThat(returned.status()).as(returned.body()).isEqualTo(204);
    JsonNode done = as("zhang.director").get("/api/cases/" + key).json();
    assertThat(done.get("status").asText()).isEqualTo("returned");
    assertThat(done.get("closedAt").isNull()).isFalse();
    List<String> actions = new ArrayList<>();
    as("qian.social").get("/api/cases/" + key + "/timeline").json().forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions).containsExactly("submitted", "approve", "approve", "approved", "returned");
  }

  @Test
  @DisplayName("Bad input at start: 400 naming the field (loanUntil before loanFrom, missing item, text over the limit, undeclared variable); nothing is left")
  void badInput() {
    long before = instances();
    Map<String, Object> reversed = loan();
    reversed.put("loanUntil", LocalDate.parse((String) reversed.get("loanFrom")).minusDays(1).toString());
    Map<String, Object> noItem = loan();
    noItem.remove("item");
    Map<String, Object> longPurpose = loan();
    longPurpose.put("purpose", "用".repeat(501));
    Map<String, Object> undeclared = loan();
    undeclared.put("communityId", "taiping");
    Map<String, Map<String, Object>> cases = Map.of("loanUntil", reversed, "item", noItem, "purpose", longPurpose,
        "communityId", undeclared);
    cases.forEach((field, variables) -> {
      Response r = as("liu.staff").post(START, RestClient.variables(variables));
      assertThat(r.status()).as(field + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo(field);
    });
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  @DisplayName("Only a community's staff and director may start it: street roles and grid workers get 403, and do not see it in Tasklist's start list")
  void startRights() {
    String startable = "/engine-rest/process-definition?latest=true&startableInTasklist=true&startablePermissionCheck=true";
    assertThat(as("liu.staff").get(startable).body()).contains("\"key\":\"property-loan\"");
    assertThat(as("gao.director").get(startable).body()).contains("\"key\":\"property-loan\"");
    assertThat(as("qian.social").get(startable).body()).doesNotContain("property-loan");
    assertThat(as("he.grid").get(startable).body()).doesNotContain("property-loan");
    assertThat(as("qian.social").post(START, RestClient.variables(loan())).status()).isEqualTo(403);
    assertThat(as("he.grid").post(START, RestClient.variables(loan())).status()).isEqualTo(403);
    Response form = as("liu.staff").get("/engine-rest/process-definition/key/property-loan/deployed-start-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo("loan-request-start");
    assertThat(form.body()).contains("外借财物", "社会事务办");
  }

  @Test
  @DisplayName("EX-9, ORG-5: the loan register is listed for the community's director and liaison and the street, not for taiping or staff")
  void ledger() {
    Response started = as("chen.staff").post(START, RestClient.variables(loan()));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String key = started.json().get("businessKey").asText();
    assertThat(ledgerKeys("zhang.director", "")).contains(key);
    assertThat(ledgerKeys("zhou.liaison", "")).contains(key);
    assertThat(ledgerKeys("qian.social", "?communityId=zaozhi&status=pending")).contains(key);
    // Filters a cleared form sends empty are no filters (ORG-5 still decides the communities).
    assertThat(ledgerKeys("qian.social", "?communityId=&month=&status=")).contains(key);
    assertThat(ledgerKeys("gao.director", "?communityId=&status=")).doesNotContain(key);
    assertThat(ledgerKeys("gao.director", "")).doesNotContain(key);
    assertThat(as("gao.director").get("/api/property-loans/ledger?communityId=zaozhi").status()).isEqualTo(403);
    // Issue 10: staff see their own loans only.
    assertThat(ledgerKeys("liu.staff", "")).doesNotContain(key);
    assertThat(ledgerKeys("chen.staff", "")).contains(key);
    assertThat(RestClient.anonymous(port).get("/api/property-loans/ledger").status()).isEqualTo(401);
    Response bad = as("zhang.director").get("/api/property-loans/ledger?status=lent");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("status");
    java.time.YearMonth filed = java.time.YearMonth.from(cn.shequflow.core.process.Clock.today());
    assertThat(ledgerKeys("zhang.director", "?month=" + filed)).contains(key);
    assertThat(ledgerKeys("zhang.director", "?month=" + filed.minusMonths(1))).doesNotContain(key);
    assertField(as("zhang.director").get("/api/property-loans/ledger?month=11-2026"), "month");
    JsonNode item = null;
    for (JsonNode i : as("wang.principal").get("/api/property-loans/ledger?communityId=zaozhi&size=100").json().get("items")) {
      if (i.get("loan").get("businessKey").asText().equals(key)) {
        item = i;
      }
    }
    assertThat(item).isNotNull();
    assertThat(item.get("statusLabel").asText()).isEqualTo("审批中");
    assertThat(item.get("loan").get("item").asText()).isEqualTo("折叠桌 10 张");
    assertThat(item.get("decisions")).hasSize(2);
  }

  private List<String> ledgerKeys(String user, String query) {
    Response r = as(user).get("/api/property-loans/ledger" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    r.json().get("items").forEach(i -> keys.add(i.get("loan").get("businessKey").asText()));
    return keys;
  }
}
