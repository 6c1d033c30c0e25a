package cn.shequflow.leave;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * End to end over HTTP, as the demo users of DEMO-ORG.md with authorization on: the Camunda REST
 * API at /engine-rest and the ledger at /api/leave/ledger.
 */
class LeaveRequestRestTest extends RestTestSupport {

  private List<JsonNode> tasks(String user, String processInstanceId) {
    Response r = as(user).get("/engine-rest/task?processInstanceId=" + processInstanceId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.json().forEach(list::add);
    return list;
  }

  @Test
  @DisplayName("401 without credentials or with a wrong password, on /engine-rest and /api")
  void unauthenticated() {
    assertThat(RestClient.anonymous(port).get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(RestClient.anonymous(port).get("/api/leave/ledger").status()).isEqualTo(401);
    assertThat(RestClient.anonymous(port).post("/engine-rest/process-definition/key/leave-request/start",
        RestClient.variables(leave(1))).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("LV-2, ORG-5: staff applies; the wrong director neither sees nor completes; the right one approves")
  void staffAppliesDirectorApproves() {
    JsonNode instance = start("liu.staff", leave(1));
    String id = instance.get("id").asText();
    assertThat(instance.get("businessKey").asText()).matches("LV-\\d{4}-\\d{6}");

    assertThat(tasks("gao.director", id)).isEmpty();
    assertThat(tasks("ma.staff", id)).isEmpty();
    List<JsonNode> zhang = tasks("zhang.director", id);
    assertThat(zhang).hasSize(1);
    String taskId = zhang.get(0).get("id").asText();
    assertThat(zhang.get(0).get("name").asText()).isEqualTo("审批请假：刘洋（1天）");

    Response wrong = as("gao.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(as("gao.director").get("/engine-rest/task/" + taskId).status()).isIn(403, 404);

    Response noReason = as("zhang.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", false, "comment", "")));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("field").asText()).isEqualTo("comment");
    assertThat(tasks("zhang.director", id)).hasSize(1);

    Response form = as("zhang.director").get("/engine-rest/task/" + taskId + "/deployed-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo("leave-approve");

    Response ok = as("zhang.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意，注意安全")));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);

    List<JsonNode> reportBack = tasks("liu.staff", id);
    assertThat(reportBack).hasSize(1);
    assertThat(reportBack.get(0).get("taskDefinitionKey").asText()).isEqualTo("reportBack");
    assertThat(reportBack.get(0).get("assignee").asText()).isEqualTo("liu.staff");
    assertThat(reportBack.get(0).get("due").isNull()).isFalse();

    Response notices = as("liu.staff").get("/api/notifications");
    assertThat(notices.status()).isEqualTo(200);
    List<String> messages = new ArrayList<>();
    notices.json().forEach(n -> messages.add(n.get("message").asText()));
    assertThat(messages).anySatisfy(m -> assertThat(m).contains(instance.get("businessKey").asText(), "已批准"));
    assertThat(RestClient.anonymous(port).get("/api/notifications").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("Bad input at start: 400 naming the field, and nothing is left behind")
  void badInput() {
    Map<String, Object> v = leave(1);
    v.put("days", 1.3);
    long before = count("/engine-rest/process-instance/count?processDefinitionKey=leave-request");
    Response r = as("liu.staff").post("/engine-rest/process-definition/key/leave-request/start", RestClient.variables(v));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("days");
    assertThat(r.json().get("message").asText()).contains("0.5");

    Map<String, Object> reversed = leave(2);
    reversed.put("endDate", LocalDate.parse((String) reversed.get("startDate")).minusDays(1).toString());
    Response r2 = as("liu.staff").post("/engine-rest/process-definition/key/leave-request/start", RestClient.variables(reversed));
    assertThat(r2.status()).isEqualTo(400);
    assertThat(r2.json().get("field").asText()).isEqualTo("endDate");
    assertThat(count("/engine-rest/process-instance/count?processDefinitionKey=leave-request")).isEqualTo(before);
  }

  @Test
  @DisplayName("Only those who may apply can start; street staff cannot (403), nor see it in Tasklist's start list")
  void startRights() {
    String startable = "/engine-rest/process-definition?latest=true&startableInTasklist=true&startablePermissionCheck=true";
    assertThat(as("liu.staff").get(startable).body()).contains("\"key\":\"leave-request\"");
    assertThat(as("zhang.director").get(startable).body()).contains("\"key\":\"leave-request\"");
    assertThat(as("qian.social").get(startable).body()).doesNotContain("leave-request");
    Response r = as("qian.social").post("/engine-rest/process-definition/key/leave-request/start",
        RestClient.variables(leave(1)));
    assertThat(r.status()).isEqualTo(403);
  }

  @Test
  @DisplayName("Tasklist filters in Chinese for every user, listing the user's own and group tasks")
  void filters() {
    JsonNode instance = start("chen.staff", leave(1));
    Response filters = as("zhang.director").get("/engine-rest/filter?resourceType=Task");
    List<String> names = new ArrayList<>();
    filters.json().forEach(f -> names.add(f.get("name").asText()));
    assertThat(names).contains("待办", "我的待办", "本组待办");
    String all = null;
    String group = null;
    for (JsonNode f : filters.json()) {
      if (f.get("name").asText().equals("待办")) {
        all = f.get("id").asText();
      }
      if (f.get("name").asText().equals("本组待办")) {
        group = f.get("id").asText();
      }
    }
    String pi = instance.get("id").asText();
    assertThat(filterList("zhang.director", all)).contains(pi);
    assertThat(filterList("zhang.director", group)).contains(pi);
    assertThat(filterList("gao.director", all)).doesNotContain(pi);

    Response hal = as("zhang.director").postHal("/engine-rest/filter/" + group + "/list", Map.of());
    assertThat(hal.status()).as(hal.body()).isEqualTo(200);
    Map<String, String> columns = new LinkedHashMap<>();
    taskOf(hal, pi).get("_embedded").get("variable")
        .forEach(v -> columns.put(v.get("name").asText(), v.get("value").asText()));
    assertThat(columns).containsEntry("listApplicant", "陈静").containsEntry("listCommunity", "造纸社区")
        .containsEntry("listNo", instance.get("businessKey").asText());
    assertThat(columns.get("listSubject")).startsWith("事假 1 天");
    assertThat(as("liu.staff").get("/engine-rest/filter?resourceType=Task").json()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  @DisplayName("Tasklist speaks Chinese: the zh locale is served and is the default")
  void tasklistInChinese() {
    Response locale = RestClient.anonymous(port).get("/camunda/app/tasklist/locales/zh.json");
    assertThat(locale.status()).isEqualTo(200);
    assertThat(locale.json().get("labels").get("CLAIM_TASK").asText()).contains("认领");
    Response config = RestClient.anonymous(port).get("/camunda/app/tasklist/scripts/config.js");
    assertThat(config.body()).contains("from '../../shequ/language.js'", "locales: locales()");
    // Chinese for every browser unless the user chose English (issue 10).
    Response language = RestClient.anonymous(port).get("/camunda/app/shequ/language.js");
    assertThat(language.body()).contains("{availableLocales: ['zh'], fallbackLocale: 'zh'}");
  }

  @Test
  @DisplayName("The start form is a deployed Camunda Form readable by an applicant")
  void startForm() {
    Response form = as("liu.staff").get("/engine-rest/process-definition/key/leave-request/deployed-start-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo("leave-request-start");
    assertThat(form.body()).contains("请假类型", "leaveType", "startDate", "days", "reason");
  }

  @Test
  @DisplayName("LV-6: the ledger is listed for the community's director and the street, not for others")
  void ledger() {
    JsonNode instance = start("huang.bookkeeper", leave(1));
    String key = instance.get("businessKey").asText();
    assertThat(ledgerKeys("zhang.director", "")).contains(key);
    assertThat(ledgerKeys("qian.social", "?communityId=zaozhi")).contains(key);
    assertThat(ledgerKeys("zhou.liaison", "")).contains(key);
    assertThat(as("gao.director").get("/api/leave/ledger").status()).isEqualTo(200);
    assertThat(ledgerKeys("gao.director", "")).doesNotContain(key);
    assertThat(as("gao.director").get("/api/leave/ledger?communityId=zaozhi").status()).isEqualTo(403);
    // Issue 10: staff see their own ledger rows only (huang.bookkeeper's request is not liu.staff's).
    assertThat(as("liu.staff").get("/api/leave/ledger").status()).isEqualTo(200);
    assertThat(ledgerKeys("liu.staff", "")).doesNotContain(key);
    assertThat(ledgerKeys("huang.bookkeeper", "?mine=true")).contains(key);
    assertThat(as("liu.staff").get("/api/leave/ledger?communityId=zaozhi").status()).isEqualTo(403);
    Response bad = as("zhang.director").get("/api/leave/ledger?status=open");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("status");
    // The month filed, on the product's clock: this month has it, the next month does not.
    java.time.YearMonth filed = java.time.YearMonth.from(cn.shequflow.core.process.Clock.today());
    assertThat(ledgerKeys("zhang.director", "?month=" + filed)).contains(key);
    assertThat(ledgerKeys("zhang.director", "?month=" + filed.plusMonths(1))).doesNotContain(key);
    assertField(as("zhang.director").get("/api/leave/ledger?month=2026-13"), "month");
    JsonNode page = as("wang.principal").get("/api/leave/ledger?status=pending&page=1&size=1").json();
    assertThat(page.get("size").asInt()).isEqualTo(1);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
  }

  private List<String> ledgerKeys(String user, String query) {
    Response r = as(user).get("/api/leave/ledger" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    r.json().get("items").forEach(i -> keys.add(i.get("request").get("businessKey").asText()));
    return keys;
  }

  private List<String> filterList(String user, String filterId) {
    Response r = as(user).post("/engine-rest/filter/" + filterId + "/list", Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> instances = new ArrayList<>();
    r.json().forEach(t -> instances.add(t.get("processInstanceId").asText()));
    return instances;
  }

  private static JsonNode taskOf(Response hal, String processInstanceId) {
    for (JsonNode t : hal.json().get("_embedded").get("task")) {
      if (t.get("processInstanceId").asText().equals(processInstanceId)) {
        return t;
      }
    }
    throw new AssertionError("no task of " + processInstanceId);
  }

  private long count(String path) {
    return as("admin").get(path).json().get("count").asLong();
  }
}
