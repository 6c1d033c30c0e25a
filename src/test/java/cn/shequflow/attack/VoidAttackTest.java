package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import cn.shequflow.residence.ResidentIds;
import cn.shequflow.support.ApprovalOperationsTestSupport;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 作废 (POST /api/cases/{key}/void) attacked: twice at once, against the bookkeeper's booking, by the
 * engine's own routes around it, with bad bodies and keys, for families that cannot be voided; and
 * CommunityScope.canSee's new clause (the assignee of an open task sees the case) against ORG-5.
 * Every refusal changes nothing and no request is answered 500.
 */
class VoidAttackTest extends ApprovalOperationsTestSupport {

  @Autowired JdbcTemplate jdbc;

  record State(String status, List<String> timeline, int notices, long openTasks) {}

  State state(String pid, String key) {
    int notices = jdbc.queryForObject("select count(*) from notification where business_key = ?", Integer.class, key);
    return new State(caseOf(key).status(), actions(key), notices,
        taskService.createTaskQuery().processInstanceId(pid).count());
  }

  Response voidCase(String user, String key, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reason", reason);
    return as(user).post("/api/cases/" + key + "/void", body);
  }

  String[] approvedLeave() {
    JsonNode pi = startProcess("liu.staff", "leave-request", AttackSupport.leave());
    approve("zhang.director", pi.get("id").asText());
    return new String[] {pi.get("id").asText(), pi.get("businessKey").asText()};
  }

  static Map<String, Object> expense(int amount) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("amount", amount);
    v.put("category", "office");
    v.put("purpose", "办公用品（" + System.nanoTime() + "）");
    v.put("handler", "陈静");
    v.put("witness", "刘洋" + System.nanoTime() % 100000);
    return v;
  }

  /** Both run as close together as two threads allow. */
  static List<Response> together(Supplier<Response> a, Supplier<Response> b) {
    CyclicBarrier barrier = new CyclicBarrier(2);
    List<CompletableFuture<Response>> both = new ArrayList<>();
    for (Supplier<Response> s : List.of(a, b)) {
      both.add(CompletableFuture.supplyAsync(() -> {
        try {
          barrier.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return s.get();
      }));
    }
    return both.stream().map(CompletableFuture::join).toList();
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  @DisplayName("LV-4: two voids of one leave at once: one 200, one 409, one void entry; never 500")
  void voidTwiceAtOnce() {
    for (int round = 0; round < 3; round++) {
      String[] c = approvedLeave();
      List<Response> r = together(() -> voidCase("liu.staff", c[1], "第一次作废"), () -> voidCase("liu.staff", c[1], "第二次作废"));
      assertThat(r).extracting(Response::status).as(r.toString()).containsExactlyInAnyOrder(200, 409);
      assertThat(actions(c[1]).stream().filter("void"::equals).count()).isEqualTo(1);
      assertThat(caseOf(c[1]).status()).isEqualTo("voided");
      assertEndedNormally(c[0], c[1]);
    }
  }

  @Test
  @DisplayName("EX-3/EX-4: a void and the bookkeeper's booking at once: exactly one wins, the other is 4xx; the case is either voided and not booked or booked and not voided")
  void voidAgainstBooking() {
    for (int round = 0; round < 3; round++) {
      JsonNode pi = startProcess("liu.staff", "expense-approval", expense(150 + round));
      String pid = pi.get("id").asText();
      String key = pi.get("businessKey").asText();
      approve("zhang.director", pid);
      String voucher = onlyTaskId("huang.bookkeeper", pid);
      Map<String, Object> booking = RestClient.variables(Map.of("voucherType", "invoice", "invoiceNumber",
          "No." + System.nanoTime(), "paidAmount", 150 + round, "paidOn", Clock.today().toString()));
      List<Response> r = together(() -> voidCase("liu.staff", key, "活动取消"),
          () -> as("huang.bookkeeper").post("/engine-rest/task/" + voucher + "/complete", booking));
      assertThat(r).as(r.toString()).allSatisfy(x -> assertThat(x.status()).isLessThan(500));
      boolean voided = r.get(0).status() == 200;
      boolean booked = r.get(1).status() == 204;
      assertThat(voided ^ booked).as("exactly one wins: %s", r).isTrue();
      String status = caseOf(key).status();
      Object bookedAt = jdbc.queryForObject("select booked_at from expense_request where business_key = ?",
          Object.class, key);
      if (voided) {
        assertThat(status).isEqualTo("voided");
        assertThat(bookedAt).isNull();
      } else {
        assertThat(status).isEqualTo("booked");
        assertThat(actions(key)).doesNotContain("void", "voided");
      }
      assertEndedNormally(pid, key);
    }
  }

  @Test
  @DisplayName("作废 only through the product: the applicant cannot end, move or delete his case over /engine-rest (403/404), nothing changes")
  void noVoidAroundTheProduct() {
    String[] c = approvedLeave();
    State before = state(c[0], c[1]);
    List<Response> attempts = List.of(
        as("liu.staff").delete("/engine-rest/process-instance/" + c[0]),
        as("liu.staff").post("/engine-rest/process-instance/" + c[0] + "/modification", Map.of("instructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "leaveVoided")))),
        as("liu.staff").post("/engine-rest/process-instance/delete", Map.of("processInstanceIds", List.of(c[0]),
            "deleteReason", "作废")),
        as("liu.staff").post("/engine-rest/process-instance/" + c[0] + "/variables",
            Map.of("modifications", Map.of("status", Map.of("value", "voided")))));
    for (Response r : attempts) {
      assertThat(r.status()).as(r.body()).isIn(400, 403, 404);
    }
    assertThat(state(c[0], c[1])).isEqualTo(before);
    assertConsistent(c[0], c[1]);
  }

  @Test
  @DisplayName("作废 with bad bodies and keys: 4xx (400 naming reason where it is the reason), never 500; nothing changes")
  void badInput() {
    String[] c = approvedLeave();
    State before = state(c[0], c[1]);
    String path = "/api/cases/" + c[1] + "/void";
    for (String json : List.of("[]", "\"作废\"", "{", "null", "{\"reason\":[\"a\"]}", "{\"reason\":{\"a\":1}}",
        "{\"reason\":true}", "{\"reason\":1e999}")) {
      Response r = as("liu.staff").postJson(path, json);
      assertThat(r.status()).as(json + " -> " + r.body()).isBetween(400, 499);
    }
    for (String key : List.of("x".repeat(400), "LV-2026-000001%00", "%E4%BD%A0", "..%2F..%2Fleave", "LV-2026-0000001'--")) {
      Response r = as("liu.staff").post("/api/cases/" + key + "/void", Map.of("reason", "作废"));
      assertThat(r.status()).as(key + " -> " + r.body()).isBetween(400, 499);
    }
    assertThat(state(c[0], c[1])).isEqualTo(before);
  }

  @Test
  @DisplayName("作废 of a family that has no void rule (a resident filing) or a case still being decided: 409 with a Chinese reason, nothing changes")
  void familiesWithoutVoid() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("moveType", "move-in");
    v.put("residentType", "registered");
    v.put("name", "王小明");
    v.put("idNumber", ResidentIds.next());
    v.put("phone", "13907920001");
    v.put("occupation", "个体经营");
    v.put("address", "浔阳区湓城街道造纸社区滨江路 18 号");
    v.put("building", "3 栋");
    v.put("movedOn", Clock.today().toString());
    JsonNode pi = startProcess("he.grid", "resident-move", v);
    String pid = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    State before = state(pid, key);
    for (String user : List.of("he.grid", "admin")) {
      Response r = voidCase(user, key, "不需要了");
      assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(409);
      assertThat(r.json().get("message").asText()).containsPattern("\\p{IsHan}");
    }
    assertThat(state(pid, key)).isEqualTo(before);
  }

  @Test
  @DisplayName("ORG-5: an assignee from another community (put there by an administrator) does not see the case through canSee's open-task clause")
  void outsiderAssigneeDoesNotSeeCase() {
    JsonNode pi = startProcess("liu.staff", "leave-request", AttackSupport.leave());
    String pid = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", pid);
    Response assign = as("admin").post("/engine-rest/task/" + task + "/assignee", Map.of("userId", "gao.director"));
    assertThat(assign.status()).as(assign.body()).isEqualTo(204);
    for (String path : List.of("", "/timeline", "/sheet")) {
      assertThat(as("gao.director").get("/api/cases/" + key + path).status()).as(path).isEqualTo(404);
    }
    assertThat(voidCase("gao.director", key, "x").status()).isEqualTo(404);
    assertThat(as("gao.director").post("/api/cases/" + key + "/withdraw", Map.of("reason", "x")).status()).isEqualTo(404);
  }
}
