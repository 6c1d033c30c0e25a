package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, money: controls on expenses that the demo users dodged over REST (EX-1, EX-2, EX-4,
 * EX-7). Each test failed before its fix. The app runs on the machine's clock, so a request filed
 * today can only be voted on today: a passing vote is proven in {@code ExpenseApprovalProcessTest}.
 */
class MoneyAttackTest extends AttackSupport {

  private static final String START = "/engine-rest/process-definition/key/expense-approval/start";
  private static final AtomicInteger SEQ = new AtomicInteger();
  /** A rule id such as EX-4 (never shown to users), not a business key such as EX-2026-000004. */
  private static final String RULE_ID = "EX-\\d+(?!\\d*-)";

  /** An expense whose purpose no other test uses, so only what a test files itself can be related. */
  private static Map<String, Object> expense(Object amount, String category, String purpose) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("amount", amount);
    v.put("category", category);
    v.put("purpose", purpose);
    v.put("handler", "陈静");
    v.put("witness", "刘洋");
    return v;
  }

  private static String uniquePurpose(String text) {
    return text + "（" + System.nanoTime() + "-" + SEQ.incrementAndGet() + "）";
  }

  private JsonNode startExpense(String user, Map<String, Object> v) {
    Response r = as(user).post(START, RestClient.variables(v));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private void complete(String user, String taskId, Map<String, ?> variables) {
    Response r = as(user).post("/engine-rest/task/" + taskId + "/complete", RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  private JsonNode task(String user, String instanceId) {
    Response r = as(user).get("/engine-rest/task?processInstanceId=" + instanceId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).as("tasks of %s for %s", instanceId, user).hasSize(1);
    return r.json().get(0);
  }

  private List<String> actions(String businessKey) {
    List<String> list = new ArrayList<>();
    as("zhang.director").get("/api/cases/" + businessKey + "/timeline").json().forEach(e -> list.add(e.get("action").asText()));
    return list;
  }

  private int notices(String user) {
    return as(user).get("/api/notifications").json().size();
  }

  private static Map<String, Object> voucher(String number) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("voucherType", "invoice");
    v.put("invoiceNumber", number);
    v.put("paidAmount", 120);
    v.put("paidOn", Clock.today().toString());
    return v;
  }

  /**
   * A 120-yuan office expense of chen.staff approved by zhang.director: waiting for its voucher, the
   * invoice's photo attached by the bookkeeper (rule voucherInvoice).
   */
  private JsonNode approved() {
    JsonNode pi = startExpense("chen.staff", expense(120, "office", uniquePurpose("购买文件盒")));
    complete("zhang.director", task("zhang.director", pi.get("id").asText()).get("id").asText(),
        Map.of("approved", true, "comment", "同意"));
    attach("huang.bookkeeper", pi.get("businessKey").asText(),
        task("huang.bookkeeper", pi.get("id").asText()).get("id").asText(), "invoice");
    return pi;
  }

  @Test
  @DisplayName("EX-4: one invoice booked on two expenses: the second booking is 400 naming invoiceNumber and leaves nothing behind")
  void invoiceBookedOnce() {
    String number = String.format("%08d", System.nanoTime() % 100_000_000L);
    JsonNode first = approved();
    JsonNode second = approved();
    complete("huang.bookkeeper", task("huang.bookkeeper", first.get("id").asText()).get("id").asText(), voucher(number));

    String secondId = second.get("id").asText();
    String secondKey = second.get("businessKey").asText();
    String voucherTask = task("huang.bookkeeper", secondId).get("id").asText();
    List<String> timeline = actions(secondKey);
    int notices = notices("chen.staff") + notices("huang.bookkeeper");

    Response again = as("huang.bookkeeper").post("/engine-rest/task/" + voucherTask + "/complete",
        RestClient.variables(voucher(number)));
    assertThat(again.status()).as(again.body()).isEqualTo(400);
    assertThat(again.json().get("field").asText()).isEqualTo("invoiceNumber");
    assertThat(again.json().get("message").asText()).containsPattern("\\p{IsHan}").contains("已报账").doesNotContainPattern(RULE_ID);

    Response spaced = as("huang.bookkeeper").post("/engine-rest/task/" + voucherTask + "/complete",
        RestClient.variables(voucher(" No." + number + " ")));
    assertThat(spaced.status()).as("the same number written differently: " + spaced.body()).isEqualTo(400);
    assertThat(spaced.json().get("field").asText()).isEqualTo("invoiceNumber");

    assertThat(task("huang.bookkeeper", secondId).get("id").asText()).as("the voucher task stays open").isEqualTo(voucherTask);
    assertThat(as("chen.staff").get("/api/cases/" + secondKey).json().get("status").asText()).isEqualTo("approved");
    assertThat(actions(secondKey)).as("no timeline entry").isEqualTo(timeline);
    assertThat(notices("chen.staff") + notices("huang.bookkeeper")).as("no notice").isEqualTo(notices);

    complete("huang.bookkeeper", voucherTask, voucher(String.format("%08d", (System.nanoTime() + 1) % 100_000_000L)));
    assertThat(as("chen.staff").get("/api/cases/" + secondKey).json().get("status").asText()).isEqualTo("booked");
  }

  @Test
  @DisplayName("EX-1, EX-2: two 300-yuan expenses, same purpose, handler and witness, same day: the second is flagged to "
      + "the director (task name, form, timeline) and routed as 600 yuan would be, to the social affairs office")
  void splitExpense() {
    String purpose = uniquePurpose("购买社区活动音响");
    JsonNode first = startExpense("chen.staff", expense(300, "activities", purpose));
    String firstKey = first.get("businessKey").asText();
    JsonNode firstTask = task("zhang.director", first.get("id").asText());
    assertThat(firstTask.get("name").asText()).doesNotContain("关联");
    complete("zhang.director", firstTask.get("id").asText(), Map.of("approved", true, "comment", "同意"));
    task("huang.bookkeeper", first.get("id").asText());

    JsonNode second = startExpense("liu.staff", expense(300, "activities", purpose));
    String secondId = second.get("id").asText();
    String secondKey = second.get("businessKey").asText();
    JsonNode directorTask = task("zhang.director", secondId);
    assertThat(directorTask.get("name").asText()).contains("关联开支", "600.00");
    JsonNode form = as("zhang.director").get("/engine-rest/task/" + directorTask.get("id").asText() + "/form-variables").json();
    assertThat(form.path("relatedExpenses").path("value").asText()).contains(firstKey, "300.00", "600.00")
        .doesNotContainPattern(RULE_ID);
    JsonNode timeline = as("liu.staff").get("/api/cases/" + secondKey + "/timeline").json();
    List<String> related = new ArrayList<>();
    timeline.forEach(e -> {
      if (e.get("action").asText().equals("related-expenses")) {
        related.add(e.get("actionLabel").asText() + " " + e.get("comment").asText());
      }
    });
    assertThat(related).singleElement().asString().contains(firstKey, "600.00");

    complete("zhang.director", directorTask.get("id").asText(), Map.of("approved", true, "comment", "同意"));
    JsonNode office = task("qian.social", secondId);
    assertThat(office.get("taskDefinitionKey").asText()).isEqualTo("approveExpense");
    assertThat(office.get("name").asText()).contains("关联开支");
  }

  @Test
  @DisplayName("EX-7: a vote on '1 representative in total, 1 present, 1 in favour, meeting 1900-01-05' is 400 naming "
      + "meetingOn and records nothing; the total is the community's number of representatives, not one typed at the vote")
  void voteOnTheOrganisationsRepresentatives() {
    JsonNode pi = startExpense("liu.staff", expense(2600, "community-affairs", uniquePurpose("楼道照明改造")));
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    complete("zhang.director", task("zhang.director", id).get("id").asText(), Map.of("approved", true, "comment", "同意"));
    JsonNode vote = task("zhang.director", id);
    assertThat(vote.get("taskDefinitionKey").asText()).isEqualTo("recordVote");
    List<String> timeline = actions(key);

    Map<String, Object> forged = new LinkedHashMap<>();
    forged.put("representativesTotal", 1);
    forged.put("representativesPresent", 1);
    forged.put("votesInFavour", 1);
    forged.put("noticePostedOn", "1900-01-01");
    forged.put("meetingOn", "1900-01-05");
    Response r = as("zhang.director").post("/engine-rest/task/" + vote.get("id").asText() + "/complete",
        RestClient.variables(forged));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("meetingOn");
    assertThat(r.json().get("message").asText()).containsPattern("\\p{IsHan}");
    assertThat(task("zhang.director", id).get("id").asText()).isEqualTo(vote.get("id").asText());
    assertThat(actions(key)).isEqualTo(timeline);

    JsonNode shown = as("zhang.director").get("/engine-rest/task/" + vote.get("id").asText() + "/form-variables").json();
    assertThat(shown.path("representativesTotal").path("value").asInt()).as("the form shows the organisation's number")
        .isEqualTo(60);

    String today = Clock.today().toString();
    forged.put("noticePostedOn", today);
    forged.put("meetingOn", today);
    complete("zhang.director", vote.get("id").asText(), forged);
    JsonNode failed = null;
    for (JsonNode e : as("zhang.director").get("/api/cases/" + key + "/timeline").json()) {
      if (e.get("action").asText().startsWith("vote-")) {
        failed = e;
      }
    }
    assertThat(failed).isNotNull();
    assertThat(failed.get("action").asText()).isEqualTo("vote-failed");
    assertThat(failed.get("comment").asText()).contains("全体代表 60 人").doesNotContain("全体代表 1 人");
  }

  @Test
  @DisplayName("EX-7: the number of representatives per community is kept by the administrator under /api; "
      + "others are refused (403), bad values are 400 naming the field")
  void representativesKeptByTheAdministrator() {
    String path = "/api/organisation/communities/zaozhi/representatives";
    Response list = as("admin").get("/api/organisation/representatives");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    Map<String, Integer> totals = new LinkedHashMap<>();
    list.json().forEach(c -> totals.put(c.get("communityId").asText(), c.get("representativesTotal").asInt()));
    assertThat(totals).containsEntry("zaozhi", 60).containsEntry("taiping", 45);

    for (String user : List.of("zhang.director", "qian.social", "huang.bookkeeper")) {
      Response put = as(user).put(path, Map.of("representativesTotal", 1));
      assertThat(put.status()).as(user + ": " + put.body()).isEqualTo(403);
      assertThat(put.json().get("message").asText()).containsPattern("\\p{IsHan}");
    }
    for (Object bad : List.of(0, -3, 1.5, "六十", 10_001)) {
      Response put = as("admin").put(path, Map.of("representativesTotal", bad));
      assertThat(put.status()).as(bad + ": " + put.body()).isEqualTo(400);
      assertThat(put.json().get("field").asText()).isEqualTo("representativesTotal");
    }
    assertThat(as("admin").put("/api/organisation/communities/pencheng/representatives",
        Map.of("representativesTotal", 30)).status()).as("a street is no community").isEqualTo(404);
    assertThat(as("admin").put("/api/organisation/communities/nowhere/representatives",
        Map.of("representativesTotal", 30)).status()).isEqualTo(404);

    try {
      Response changed = as("admin").put(path, Map.of("representativesTotal", 61));
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(changed.json().get("representativesTotal").asInt()).isEqualTo(61);
      assertThat(changed.json().get("updatedBy").asText()).isEqualTo("admin");
      JsonNode one = as("admin").get(path).json();
      assertThat(one.get("representativesTotal").asInt()).isEqualTo(61);
      assertThat(one.get("communityName").asText()).isEqualTo("造纸社区");
    } finally {
      assertThat(as("admin").put(path, Map.of("representativesTotal", 60)).status()).isEqualTo(200);
    }
  }
}
