package cn.shequflow.expense;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code expense-approval} end to end over HTTP, as the demo users, with authorization on. */
class ExpenseRestTest extends RestTestSupport {

  static final String START = "/engine-rest/process-definition/key/expense-approval/start";

  private static final java.util.concurrent.atomic.AtomicLong SEQ = new java.util.concurrent.atomic.AtomicLong();

  static Map<String, Object> expense(Object amount, String category) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("amount", amount);
    v.put("category", category);
    // Unique purpose and witness: no two test expenses are related spending by accident (EX-1, EX-2).
    long n = SEQ.incrementAndGet();
    v.put("purpose", "社区活动横幅（" + System.nanoTime() + "-" + n + "）");
    v.put("handler", "陈静");
    v.put("witness", "刘洋" + n);
    return v;
  }

  private JsonNode startExpense(String user, Map<String, Object> v) {
    Response r = as(user).post(START, RestClient.variables(v));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private List<JsonNode> tasks(String user, String instanceId) {
    List<JsonNode> list = new ArrayList<>();
    as(user).get("/engine-rest/task?processInstanceId=" + instanceId).json().forEach(list::add);
    return list;
  }

  private String onlyTask(String user, String instanceId) {
    List<JsonNode> t = tasks(user, instanceId);
    assertThat(t).as("tasks of %s for %s", instanceId, user).hasSize(1);
    return t.get(0).get("id").asText();
  }

  private void complete(String user, String taskId, Map<String, ?> variables) {
    Response r = as(user).post("/engine-rest/task/" + taskId + "/complete", RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  @Test
  @DisplayName("EX-1..EX-4: chen.staff applies 1,280 yuan; zhang.director then qian.social approve; huang.bookkeeper books; taiping sees nothing")
  void wholeWay() {
    JsonNode pi = startExpense("chen.staff", expense(1280, "repairs"));
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    assertThat(key).matches("EX-\\d{4}-\\d{6}");
    for (String outsider : List.of("gao.director", "ma.staff", "xu.grid")) {
      assertThat(tasks(outsider, id)).as(outsider).isEmpty();
      assertThat(as(outsider).get("/api/cases/" + key).status()).as(outsider).isEqualTo(404);
    }
    String director = onlyTask("zhang.director", id);
    Response forged = as("zhang.director").post("/engine-rest/task/" + director + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意", "amount", 1)));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.json().get("field").asText()).isEqualTo("amount");
    complete("zhang.director", director, Map.of("approved", true, "comment", "同意"));
    complete("qian.social", onlyTask("qian.social", id), Map.of("approved", true, "comment", "同意，按规定报账"));
    String voucher = onlyTask("huang.bookkeeper", id);
    attach("huang.bookkeeper", key, voucher, "invoice");
    Response informal = as("huang.bookkeeper").post("/engine-rest/task/" + voucher + "/complete",
        RestClient.variables(Map.of("voucherType", "informal", "invoiceNumber", "无", "paidAmount", 1280,
            "paidOn", cn.shequflow.core.process.Clock.today().toString())));
    assertThat(informal.status()).isEqualTo(400);
    assertThat(informal.json().get("message").asText()).contains("白条");
    complete("huang.bookkeeper", voucher, Map.of("voucherType", "invoice", "invoiceNumber", "No." + System.nanoTime(),
        "paidAmount", 1279.5, "paidOn", cn.shequflow.core.process.Clock.today().toString()));
    assertThat(as("chen.staff").get("/api/cases/" + key).json().get("status").asText()).isEqualTo("booked");
  }

  @Test
  @DisplayName("Bad input at start is 400 naming the field; grid workers and other communities' people cannot start for zaozhi")
  void badInputAndStarters() {
    for (Map.Entry<String, Object> bad : Map.<String, Object>of("amount", 0, "category", "furniture").entrySet()) {
      Map<String, Object> v = expense(100, "office");
      v.put(bad.getKey(), bad.getValue());
      Response r = as("chen.staff").post(START, RestClient.variables(v));
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo(bad.getKey());
    }
    Map<String, Object> decimals = expense(12.345, "office");
    assertThat(as("chen.staff").post(START, RestClient.variables(decimals)).json().get("field").asText()).isEqualTo("amount");
    Map<String, Object> same = expense(100, "office");
    same.put("witness", "陈静");
    assertThat(as("chen.staff").post(START, RestClient.variables(same)).json().get("field").asText()).isEqualTo("witness");
    assertThat(as("he.grid").post(START, RestClient.variables(expense(100, "office"))).status()).isEqualTo(403);
    JsonNode taiping = startExpense("ma.staff", expense(60, "telephone"));
    assertThat(tasks("zhang.director", taiping.get("id").asText())).isEmpty();
    assertThat(tasks("gao.director", taiping.get("id").asText())).hasSize(1);
  }

  @Test
  @DisplayName("The ledger lists and totals exactly by community and month; taiping's director cannot read zaozhi's")
  void ledger() {
    String month = YearMonth.from(cn.shequflow.core.process.Clock.today()).toString();
    BigDecimal before = new BigDecimal(as("zhang.director").get("/api/expenses/ledger?month=" + month).json()
        .get("totals").get("amount").asText());
    startExpense("chen.staff", expense(0.1, "office"));
    startExpense("chen.staff", expense(0.2, "office"));
    JsonNode page = as("zhang.director").get("/api/expenses/ledger?month=" + month).json();
    assertThat(new BigDecimal(page.get("totals").get("amount").asText()).subtract(before))
        .as("exact to the fen, never 0.30000000000000004").isEqualByComparingTo("0.30");
    page.get("items").forEach(i -> assertThat(i.get("expense").get("communityId").asText()).isEqualTo("zaozhi"));
    assertThat(as("gao.director").get("/api/expenses/ledger?communityId=zaozhi").status()).isEqualTo(403);
    JsonNode street = as("qian.social").get("/api/expenses/ledger?communityId=zaozhi&month=" + month).json();
    assertThat(street.get("total").asLong()).isGreaterThanOrEqualTo(2);
    // Issue 10: a member of staff sees his own expenses only (chen.staff's two, not liu.staff's).
    JsonNode own = as("chen.staff").get("/api/expenses/ledger?month=" + month).json();
    assertThat(own.get("total").asLong()).isGreaterThanOrEqualTo(2);
    own.get("items").forEach(i -> assertThat(i.get("expense").get("applicantId").asText()).isEqualTo("chen.staff"));
    JsonNode liu = as("liu.staff").get("/api/expenses/ledger?month=" + month).json();
    liu.get("items").forEach(i -> assertThat(i.get("expense").get("applicantId").asText()).isEqualTo("liu.staff"));
    Response badMonth = as("zhang.director").get("/api/expenses/ledger?month=2026-13");
    assertThat(badMonth.status()).isEqualTo(400);
    assertThat(badMonth.json().get("field").asText()).isEqualTo("month");
  }
}
