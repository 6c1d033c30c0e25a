package cn.shequflow.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: 抄送 (CC, with the 抄送我的 list and the case visible to the people copied), 催办 (urge,
 * once an hour per case), the inbox lists 我的申请 and 已办, the printable 审批单 and the 超期
 * filter, over HTTP as the demo users with authorization on.
 */
class InboxCcUrgeRestTest extends RestTestSupport {

  @AfterEach
  void clock() {
    cn.shequflow.support.TestClock.reset();
  }





  JsonNode ccItem(String user, String key) {
    Response r = as(user).get("/api/cc?size=100");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    for (JsonNode i : r.json().get("items")) {
      if (i.get("businessKey").asText().equals(key)) {
        return i;
      }
    }
    return null;
  }

  List<String> actions(String user, String key) {
    List<String> list = new ArrayList<>();
    as(user).get("/api/cases/" + key + "/timeline").json().forEach(e -> list.add(e.get("action").asText()));
    return list;
  }

  // ---- 抄送 ----

  @Test
  @DisplayName("抄送 leave: zhang.director copies to he.grid, who then sees the case and its timeline and finds it under 抄送我的; opening marks it read")
  void ccLeave() {
    JsonNode instance = start("liu.staff", leave(1));
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", instance.get("id").asText());
    assertThat(as("he.grid").get("/api/cases/" + key).status()).isEqualTo(404);
    assertThat(ccItem("he.grid", key)).isNull();
    Response targets = as("zhang.director").get("/api/tasks/" + taskId + "/targets?for=cc");
    assertThat(targets.status()).as(targets.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    targets.json().forEach(t -> ids.add(t.get("userId").asText()));
    assertThat(ids).contains("he.grid", "lin.grid", "wang.principal")
        .doesNotContain("zhang.director", "zheng.district", "jiang.county", "xu.grid", "feng.dept"); // ORG-5
    assertThat(as("zhang.director").get("/api/tasks/" + taskId + "/targets?for=transfer").json()).isEmpty();
    assertThat(as("gao.director").get("/api/tasks/" + taskId + "/targets?for=cc").status()).isEqualTo(403);
    assertField(as("zhang.director").get("/api/tasks/" + taskId + "/targets?for=all"), "for");

    Response ok = as("zhang.director").post("/api/tasks/" + taskId + "/cc",
        body("userIds", List.of("he.grid", "lin.grid"), "note", "请知悉，安排顶班"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("notified").toString()).contains("何军", "林芳");

    assertThat(as("he.grid").get("/api/cases/" + key).status()).isEqualTo(200);
    assertThat(as("he.grid").get("/api/cases/" + key + "/timeline").status()).isEqualTo(200);
    assertThat(as("he.grid").get("/api/cases/" + key + "/sheet").status()).isEqualTo(200);
    assertThat(as("xu.grid").get("/api/cases/" + key).status()).as("not copied").isEqualTo(404);
    JsonNode item = ccItem("he.grid", key);
    assertThat(item).isNotNull();
    assertThat(item.get("familyLabel").asText()).isEqualTo("请假");
    assertThat(item.get("fromName").asText()).isEqualTo("张志华");
    assertThat(item.get("note").asText()).isEqualTo("请知悉，安排顶班");
    assertThat(item.get("statusLabel").asText()).isNotBlank();
    assertThat(item.get("subject").asText()).isNotBlank();
    assertThat(item.get("read").asBoolean()).isFalse();
    assertThat(as("he.grid").get("/api/notifications").body()).contains("抄送");
    JsonNode event = null;
    for (JsonNode e : as("liu.staff").get("/api/cases/" + key + "/timeline").json()) {
      if (e.get("action").asText().equals("cc")) {
        event = e;
      }
    }
    assertThat(event).isNotNull();
    assertThat(event.get("userName").asText()).isEqualTo("张志华");
    assertThat(event.get("actionLabel").asText()).isEqualTo("抄送");
    assertThat(event.get("comment").asText()).contains("何军", "林芳", "请知悉");

    long id = item.get("id").asLong();
    assertThat(as("lin.grid").post("/api/cc/" + id + "/read", Map.of()).status()).as("not his copy").isEqualTo(404);
    assertThat(as("he.grid").post("/api/cc/" + id + "/read", Map.of()).status()).isEqualTo(204);
    assertThat(ccItem("he.grid", key).get("read").asBoolean()).isTrue();
    assertThat(ccItem("lin.grid", key).get("read").asBoolean()).isFalse();
    assertThat(as("he.grid").post("/api/cc/99999999/read", Map.of()).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("抄送 checks: 403 for a non-holder, 404 unknown task, 400 naming userIds/note (empty, over 20, self, unknown, district, too long)")
  void ccChecks() {
    JsonNode instance = start("liu.staff", leave(1));
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", instance.get("id").asText());
    String path = "/api/tasks/" + taskId + "/cc";
    assertThat(as("gao.director").post(path, body("userIds", List.of("he.grid"))).status()).isEqualTo(403);
    assertThat(as("zhang.director").post("/api/tasks/nope/cc", body("userIds", List.of("he.grid"))).status())
        .isEqualTo(404);
    assertField(as("zhang.director").post(path, body("userIds", List.of())), "userIds");
    assertField(as("zhang.director").post(path, body("note", "x")), "userIds");
    assertField(as("zhang.director").post(path, body("userIds", "he.grid")), "userIds");
    assertField(as("zhang.director").post(path, body("userIds", Collections.nCopies(21, "he.grid"))), "userIds");
    assertField(as("zhang.director").post(path, body("userIds", List.of("zhang.director"))), "userIds");
    assertField(as("zhang.director").post(path, body("userIds", List.of("he.grid", "nobody.here"))), "userIds");
    assertField(as("zhang.director").post(path, body("userIds", List.of("zheng.district"))), "userIds");
    assertField(as("zhang.director").post(path, body("userIds", List.of("he.grid"), "note", "长".repeat(1001))), "note");
    assertThat(ccItem("he.grid", key)).as("nothing half-written").isNull();
    assertThat(actions("liu.staff", key)).doesNotContain("cc");
  }

  @Test
  @DisplayName("抄送 correction (CC-1): personal data of people under correction is copied only to those who may see the family")
  void ccCorrection() {
    LocalDate start = cn.shequflow.core.process.Clock.today().plusDays(7);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("personName", "王某");
    v.put("idNumber", "360403198503121234");
    v.put("destination", "湖南省长沙市岳麓区");
    v.put("startDate", start.toString());
    v.put("endDate", start.plusDays(2).toString());
    v.put("days", 3);
    v.put("reason", "探望住院的母亲");
    Response started = as("wei.justice").post("/engine-rest/process-definition/key/correction-travel/start",
        RestClient.variables(v));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String key = started.json().get("businessKey").asText();
    String taskId = onlyTaskId("wei.justice", started.json().get("id").asText());
    String path = "/api/tasks/" + taskId + "/cc";
    assertField(as("wei.justice").post(path, body("userIds", List.of("he.grid"))), "userIds");
    assertField(as("wei.justice").post(path, body("userIds", List.of("zhang.director"))), "userIds");
    assertThat(as("he.grid").get("/api/cases/" + key).status()).isEqualTo(404);
    Response ok = as("wei.justice").post(path, body("userIds", List.of("wang.principal"), "note", "请领导阅知"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ccItem("wang.principal", key)).isNotNull();
  }

  // ---- 催办 ----

  @Test
  @DisplayName("催办: the applicant urges; the approver is told; again within the hour (by anyone) is 429; an hour later the street leader may; others 403/404")
  void urge() {
    JsonNode instance = start("liu.staff", leave(1));
    String key = instance.get("businessKey").asText();
    String path = "/api/cases/" + key + "/urge";

    assertThat(as("ma.staff").post(path, body("note", "x")).status()).as("cannot see it").isEqualTo(404);
    assertThat(as("zhang.director").post(path, body("note", "x")).status()).as("not applicant nor street").isEqualTo(403);
    assertThat(as("liu.staff").post("/api/cases/LV-2000-999999/urge", body()).status()).isEqualTo(404);
    assertField(as("liu.staff").post(path, body("note", "长".repeat(1001))), "note");

    Response ok = as("liu.staff").post(path, body("note", "家中有急事，请尽快审批"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("notified").toString()).contains("张志华");
    assertThat(as("zhang.director").get("/api/notifications").body()).contains("催办", key, "家中有急事");
    JsonNode event = null;
    for (JsonNode e : as("liu.staff").get("/api/cases/" + key + "/timeline").json()) {
      if (e.get("action").asText().equals("urge")) {
        event = e;
      }
    }
    assertThat(event).isNotNull();
    assertThat(event.get("userName").asText()).isEqualTo("刘洋");
    assertThat(event.get("actionLabel").asText()).isEqualTo("催办");

    Response again = as("liu.staff").post(path, body());
    assertThat(again.status()).as(again.body()).isEqualTo(429);
    assertThat(again.json().get("message").asText()).contains("一小时");
    Response leader = as("li.leader").post(path, body("note", "请抓紧"));
    assertThat(leader.status()).as("by anyone within the hour").isEqualTo(429);

    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(61).toMillis()));
    Response later = as("li.leader").post(path, body("note", "请抓紧"));
    assertThat(later.status()).as(later.body()).isEqualTo(200);
    assertThat(actions("liu.staff", key).stream().filter("urge"::equals)).hasSize(2);
  }

  @Test
  @DisplayName("催办 a closed case is 409 (a withdrawn leave request)")
  void urgeClosed() {
    JsonNode instance = start("liu.staff", leave(1));
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", pid);
    assertThat(as("zhang.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", false, "comment", "时间冲突"))).status()).isEqualTo(204);
    String revise = onlyTaskId("liu.staff", pid);
    assertThat(as("liu.staff").post("/engine-rest/task/" + revise + "/complete",
        RestClient.variables(Map.of("resubmit", false))).status()).isEqualTo(204);
    Response closed = as("liu.staff").post("/api/cases/" + key + "/urge", body());
    assertThat(closed.status()).as(closed.body()).isEqualTo(409);
  }

  // ---- lists ----

  @Test
  @DisplayName("我的申请 lists my requests newest first with status and current step; 已办 lists my decisions")
  void lists() {
    JsonNode first = start("chen.staff", leave(1));
    JsonNode second = start("chen.staff", leave(2));
    // Other tests file chen.staff's cases on a fixed clock (some days ahead), so these two need not
    // be the newest of all: read the whole list and check their order and fields.
    Response mine = as("chen.staff").get("/api/cases/mine?page=1&size=100");
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    JsonNode items = mine.json().get("items");
    // Newest first (ties, within MariaDB's whole seconds, by key).
    List<String> keys = new ArrayList<>();
    items.forEach(i -> keys.add(i.get("businessKey").asText()));
    assertThat(keys).containsSubsequence(second.get("businessKey").asText(), first.get("businessKey").asText());
    int secondAt = keys.indexOf(second.get("businessKey").asText());
    int firstAt = keys.indexOf(first.get("businessKey").asText());
    assertThat(items.get(secondAt).get("familyLabel").asText()).isEqualTo("请假");
    assertThat(items.get(secondAt).get("statusLabel").asText()).isNotBlank();
    assertThat(items.get(secondAt).get("currentSteps").get(0).get("holders").asText()).isNotBlank();
    assertThat(items.get(firstAt).get("currentSteps").get(0).get("holders").asText()).contains("主任");
    assertThat(items.get(firstAt).get("currentSteps").get(0).get("taskName").asText()).contains("审批请假");
    items.forEach(i -> assertThat(as("chen.staff").get("/api/cases/" + i.get("businessKey").asText()).json()
        .get("applicantId").asText()).isEqualTo("chen.staff"));
    assertField(as("chen.staff").get("/api/cases/mine?size=101"), "size");
    assertThat(as("he.grid").get("/api/cases/mine").json().toString())
        .doesNotContain(first.get("businessKey").asText());

    String taskId = onlyTaskId("zhang.director", first.get("id").asText());
    assertThat(as("zhang.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意，早去早回"))).status()).isEqualTo(204);
    // Newest first; other tests decide on a fixed clock some days ahead, so look the decision up by its case.
    JsonNode latest = null;
    for (int page = 1; latest == null && page <= 10; page++) {
      Response done = as("zhang.director").get("/api/tasks/done?size=100&page=" + page);
      assertThat(done.status()).as(done.body()).isEqualTo(200);
      if (done.json().get("items").isEmpty()) {
        break;
      }
      for (JsonNode item : done.json().get("items")) {
        if (item.get("businessKey").asText().equals(first.get("businessKey").asText())) {
          latest = item;
          break;
        }
      }
    }
    assertThat(latest).as("zhang.director's 已办 lists his decision on " + first.get("businessKey").asText()).isNotNull();
    assertThat(latest.get("decisionLabel").asText()).isEqualTo("同意");
    assertThat(latest.get("comment").asText()).isEqualTo("同意，早去早回");
    assertThat(latest.get("taskName").asText()).contains("审批请假");
    assertThat(as("chen.staff").get("/api/tasks/done").json().toString()).doesNotContain("早去早回");
    assertThat(RestClient.anonymous(port).get("/api/tasks/done").status()).isEqualTo(401);
  }

  // ---- 审批单 ----

  @Test
  @DisplayName("审批单: an A4 HTML page with the product, the facts and every decision, everything escaped; 404 for who cannot see it")
  void sheet() {
    JsonNode instance = start("liu.staff", leave(1));
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", instance.get("id").asText());
    assertThat(as("zhang.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", false, "comment", "<script>alert('x')</script>请改期"))).status())
        .isEqualTo(204);
    HttpResponse<String> r = RestClient.as(port, "liu.staff").exchange("GET", "/api/cases/" + key + "/sheet");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html").containsIgnoringCase("utf-8");
    String html = r.body();
    assertThat(html).contains("社区流程", "请假", key, "刘洋", "造纸社区", "张志华", "@page { size: A4", "孩子生病需要照顾",
        "请改期", "&lt;script&gt;", "提交申请");
    // Options read as the form shows them: 事假, not the stored value "personal".
    assertThat(html).contains("<th>请假类型</th><td>事假</td>").doesNotContain(">personal<");
    assertThat(html).doesNotContain("<script>");
    assertThat(as("ma.staff").get("/api/cases/" + key + "/sheet").status()).isEqualTo(404);
    assertThat(as("liu.staff").get("/api/cases/LV-2000-999999/sheet").status()).isEqualTo(404);
  }

  // ---- 超期 ----

  @Test
  @DisplayName("超期 filter (all processes): a supervisor has it and sees an overdue leave report-back; a grid worker does not have it")
  void overdueFilter() {
    String filterId = filterId("zhang.director", "超期");
    assertThat(filterId).isNotNull();
    assertThat(filterId("li.leader", "超期")).isNotNull();
    assertThat(filterId("he.grid", "超期")).isNull();
    assertThat(filterId("liu.staff", "超期")).isNull();
    Response list = as("zhang.director").post("/engine-rest/filter/" + filterId + "/list", Map.of());
    assertThat(list.status()).as(list.body()).isEqualTo(200);
  }

  private String filterId(String user, String name) {
    Response filters = as(user).get("/engine-rest/filter?resourceType=Task");
    assertThat(filters.status()).as(filters.body()).isEqualTo(200);
    for (JsonNode f : filters.json()) {
      if (f.get("name").asText().equals(name)) {
        return f.get("id").asText();
      }
    }
    return null;
  }
}
