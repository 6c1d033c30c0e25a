package cn.shequflow.core.approval.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.calendar.WorkCalendar;
import cn.shequflow.core.process.Clock;
import cn.shequflow.support.ApprovalOperationsTestSupport;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18 item 6: 作废 (void) an approved request whose effect has not started — a leave before its
 * first working day, an expense before its voucher is booked — by its applicant or an administrator,
 * with a reason; the case ends as voided through the register's one status mechanism, the timeline
 * says who and why, every approver is told, nothing of the flow is left waiting (the report-back
 * task and its timer), and the ledgers no longer count it. Every refusal writes nothing.
 */
@Tag("clock")
class VoidApprovedRestTest extends ApprovalOperationsTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired WorkCalendar calendar;

  @AfterEach
  void clockBack() {
    TestClock.reset();
  }

  Response voidCase(String user, String key, Object reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (reason != null) {
      body.put("reason", reason);
    }
    return as(user).post("/api/cases/" + key + "/void", body);
  }

  int notices(String key) {
    return jdbc.queryForObject("select count(*) from notification where business_key = ?", Integer.class, key);
  }

  int notices(String userId, String key) {
    return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and business_key = ?",
        Integer.class, userId, key);
  }

  /** A leave of liu.staff starting in a week, approved by the director: [processInstanceId, businessKey]. */
  String[] approvedLeave() {
    JsonNode instance = start("liu.staff", leave(1));
    String pid = instance.get("id").asText();
    approve("zhang.director", pid);
    String key = instance.get("businessKey").asText();
    assertThat(caseOf(key).status()).isEqualTo("approved");
    return new String[] {pid, key};
  }

  JsonNode mine(String user, String key) {
    for (JsonNode c : as(user).get("/api/cases/mine?size=100").json().get("items")) {
      if (c.get("businessKey").asText().equals(key)) {
        return c;
      }
    }
    throw new AssertionError(key + " not in 我的申请 of " + user);
  }

  /** Nothing changed: same status, timeline, notices and open tasks. */
  void unchanged(String pid, String key, String status, List<String> timeline, int noticeCount, long openTasks) {
    assertThat(caseOf(key).status()).isEqualTo(status);
    assertThat(caseOf(key).closedAt()).isNull();
    assertThat(actions(key)).isEqualTo(timeline);
    assertThat(notices(key)).isEqualTo(noticeCount);
    assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isEqualTo(openTasks);
  }

  @Test
  @DisplayName("LV-4/LV-6: the applicant voids an approved leave that has not started: voided, the report-back task and its timer gone, the approver told, the ledger shows it voided")
  void applicantVoidsFutureLeave() {
    String[] c = approvedLeave();
    String pid = c[0];
    String key = c[1];
    assertThat(tasksOf("liu.staff", pid)).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("reportBack");
    assertThat(management.createJobQuery().processInstanceId(pid).timers().count()).as("the overdue timer").isEqualTo(1);
    assertThat(mine("liu.staff", key).get("voidable").asBoolean()).isTrue();

    // refusals first: each leaves nothing behind
    List<String> timeline = actions(key);
    int noticeCount = notices(key);
    refused(voidCase("zhang.director", key, "不用请了"), 403, null);
    refused(voidCase("wang.principal", key, "不用请了"), 403, null);
    assertThat(voidCase("gao.director", key, "不用请了").status()).isEqualTo(404);
    assertThat(voidCase("liu.staff", "LV-2026-999999", "不用请了").status()).isEqualTo(404);
    refused(voidCase("liu.staff", key, null), 400, "reason");
    refused(voidCase("liu.staff", key, "  "), 400, "reason");
    refused(voidCase("liu.staff", key, "长".repeat(1001)), 400, "reason");
    refused(voidCase("liu.staff", key, 7), 400, "reason");
    refused(voidCase("liu.staff", key, "\u0000"), 400, "reason");
    refused(voidCase("liu.staff", key, "\u007f\u0085"), 400, "reason"); // DEL and a C1 control alone
    refused(voidCase("liu.staff", key, "行程\u0000取消"), 400, "reason"); // NUL inside a text
    refused(as("liu.staff").postJson("/api/cases/" + key + "/void", "{\"reason\":\"行程取消\\ud800\"}"),
        400, "reason"); // a lone surrogate, as a JSON escape (UTF-8 cannot carry one)
    Response twice = as("liu.staff").postJson("/api/cases/" + key + "/void",
        "{\"reason\":\"行程取消\",\"reason\":\"不请了\"}");
    refused(twice, 400, "reason"); // a key sent twice: which one counts is no guess of ours
    unchanged(pid, key, "approved", timeline, noticeCount, 1);

    Response ok = voidCase("liu.staff", key, "行程取消，不再请假");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("status").asText()).isEqualTo("voided");
    assertThat(ok.json().get("statusLabel").asText()).isEqualTo("已作废");
    assertThat(ok.json().get("message").asText()).contains("作废");

    assertEndedNormally(pid, key);
    assertThat(caseOf(key).status()).isEqualTo("voided");
    JsonNode voided = null;
    for (JsonNode e : as("liu.staff").get("/api/cases/" + key + "/timeline").json()) {
      if (e.get("action").asText().equals("void")) {
        voided = e;
      }
    }
    assertThat(voided).as("the timeline says who voided and why").isNotNull();
    assertThat(voided.get("userId").asText()).isEqualTo("liu.staff");
    assertThat(voided.get("actionLabel").asText()).isEqualTo("作废");
    assertThat(voided.get("comment").asText()).contains("行程取消");
    assertThat(actions(key)).containsSubsequence("approve", "approved", "void", "voided");
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'case-operation' and target = 'void'"
        + " and business_key = ? and actor_id = 'liu.staff'", Integer.class, key))
        .as("作废 is an approval operation in the audit log").isEqualTo(1);
    assertThat(notices("zhang.director", key)).isEqualTo(1);
    assertThat(as("zhang.director").get("/api/notifications").body()).contains(key, "作废", "行程取消");
    assertThat(mine("liu.staff", key).get("voidable").asBoolean()).isFalse();

    JsonNode ledger = as("zhang.director").get("/api/leave/ledger?communityId=zaozhi&status=voided&size=100").json();
    assertThat(ledger.get("items").toString()).contains(key, "已作废");
    JsonNode approved = as("zhang.director").get("/api/leave/ledger?communityId=zaozhi&status=approved&size=100").json();
    assertThat(approved.get("items").toString()).doesNotContain(key);

    // voided once: a second void, a withdrawal or an urge is refused, and writes nothing
    List<String> after = actions(key);
    assertThat(voidCase("liu.staff", key, "再次作废").status()).isEqualTo(409);
    assertThat(actions(key)).isEqualTo(after);
  }

  @Test
  @DisplayName("LV-4: once the leave has started (its first working day by the product clock and calendar) it cannot be voided; nothing is written")
  void startedLeaveIsRefused() {
    String[] c = approvedLeave();
    String pid = c[0];
    String key = c[1];
    LocalDate startDate = jdbc.queryForObject("select start_date from leave_request where business_key = ?",
        java.sql.Date.class, key).toLocalDate();
    LocalDate firstWorkingDay = calendar.isWorkingDay(startDate) ? startDate : calendar.nextWorkingDay(startDate);
    ClockUtil.setCurrentTime(Clock.toDate(firstWorkingDay.atTime(8, 0)));
    assertThat(mine("liu.staff", key).get("voidable").asBoolean()).isFalse();
    List<String> timeline = actions(key);
    int noticeCount = notices(key);
    Response r = voidCase("liu.staff", key, "不用请了");
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().get("message").asText()).contains("开始", "不能作废");
    unchanged(pid, key, "approved", timeline, noticeCount, 1);
  }

  @Test
  @DisplayName("作废 only an approved request: a leave still being approved is withdrawn (撤回), not voided; an administrator may void an approved one")
  void pendingRefusedAdminMayVoid() {
    JsonNode instance = start("liu.staff", leave(1));
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    List<String> timeline = actions(key);
    int noticeCount = notices(key);
    Response r = voidCase("liu.staff", key, "不用请了");
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().get("message").asText()).contains("撤回");
    unchanged(pid, key, "pending", timeline, noticeCount, 1);

    String[] approved = approvedLeave();
    Response admin = voidCase("admin", approved[1], "申请人已调离");
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    assertThat(caseOf(approved[1]).status()).isEqualTo("voided");
    assertThat(notices("liu.staff", approved[1])).as("the applicant is told when someone else voids").isGreaterThan(1);
    assertEndedNormally(approved[0], approved[1]);
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

  BigDecimal ledgerAmount() {
    JsonNode page = as("zhang.director").get("/api/expenses/ledger?communityId=zaozhi").json();
    return new BigDecimal(page.get("totals").get("amount").asText());
  }

  @Test
  @DisplayName("EX-3/EX-4: an approved expense not yet booked is voided: the voucher task is gone, the approvers told, the ledger's totals no longer count it; a booked one is refused")
  void expenseVoidedBeforeBooking() {
    JsonNode instance = startProcess("liu.staff", "expense-approval", expense(321));
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    approve("zhang.director", pid);
    assertThat(caseOf(key).status()).isEqualTo("approved");
    BigDecimal before = ledgerAmount();
    refused(voidCase("huang.bookkeeper", key, "不报了"), 403, null);
    Response ok = voidCase("liu.staff", key, "活动取消，不再采购");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertEndedNormally(pid, key);
    assertThat(caseOf(key).status()).isEqualTo("voided");
    assertThat(notices("zhang.director", key)).isGreaterThanOrEqualTo(1);
    assertThat(as("zhang.director").get("/api/notifications").body()).contains(key, "作废");
    assertThat(ledgerAmount()).isEqualByComparingTo(before.subtract(new BigDecimal("321")));

    // booked: the effect has happened
    JsonNode booked = startProcess("liu.staff", "expense-approval", expense(123));
    String bookedPid = booked.get("id").asText();
    String bookedKey = booked.get("businessKey").asText();
    approve("zhang.director", bookedPid);
    attach("huang.bookkeeper", bookedKey, onlyTaskId("huang.bookkeeper", bookedPid), "invoice");
    complete("huang.bookkeeper", onlyTaskId("huang.bookkeeper", bookedPid), Map.of("voucherType", "invoice",
        "invoiceNumber", "No." + System.nanoTime(), "paidAmount", 123, "paidOn", Clock.today().toString()));
    assertThat(caseOf(bookedKey).status()).isEqualTo("booked");
    List<String> timeline = actions(bookedKey);
    Response r = voidCase("liu.staff", bookedKey, "不要了");
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().get("message").asText()).containsPattern("\\p{IsHan}");
    assertThat(actions(bookedKey)).isEqualTo(timeline);
    assertThat(caseOf(bookedKey).status()).isEqualTo("booked");
  }
}
