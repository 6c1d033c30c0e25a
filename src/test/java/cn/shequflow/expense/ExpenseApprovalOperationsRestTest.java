package cn.shequflow.expense;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.ApprovalOperationsTestSupport;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, approval operations on {@code expense-approval} and {@code property-loan}: 退回, 撤回
 * and 加签 over REST as the demo users, with authorization on.
 */
class ExpenseApprovalOperationsRestTest extends ApprovalOperationsTestSupport {

  private JsonNode applyExpense(double amount) {
    return startProcess("chen.staff", "expense-approval", ExpenseRestTest.expense(amount, "repairs"));
  }

  private JsonNode applyLoan() {
    return startProcess("liu.staff", "property-loan", PropertyLoanRestTest.loan());
  }

  private String taskKey(String user, String id) {
    return onlyTask(user, id).get("taskDefinitionKey").asText();
  }

  // ---- expense-approval

  @Test
  @DisplayName("Expense 退回 to the applicant: 已退回, resubmitted, approved by both steps, to the voucher")
  void expenseReturnToApplicant() {
    JsonNode pi = applyExpense(1280);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String director = onlyTaskId("zhang.director", id);
    assertThat(targetIds("zhang.director", director)).containsExactly("reviseExpense");
    String longest = "请先询价三家" + "。".repeat(994);
    ok(returnTask("zhang.director", director, "reviseExpense", longest));
    assertThat(round(key).get(0).comment()).as("1,000 characters kept on the row").isEqualTo(longest);
    assertThat(taskKey("chen.staff", id)).isEqualTo("reviseExpense");
    assertThat(caseOf(key).status()).isEqualTo("rejected");
    assertThat(as("chen.staff").get("/api/notifications").body()).contains(key, "请先询价三家");
    assertThat(actions(key)).containsSubsequence("return", "rejected");
    assertConsistent(id, key);

    Map<String, Object> again = new HashMap<>(ExpenseRestTest.expense(1180, "repairs"));
    again.put("resubmit", true);
    complete("chen.staff", onlyTaskId("chen.staff", id), again);
    assertThat(caseOf(key).submission()).isEqualTo(2);
    approve("zhang.director", id);
    approve("qian.social", id);
    assertThat(taskKey("huang.bookkeeper", id)).isEqualTo("bookVoucher");
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Expense over 500 yuan: the office returns to the director's step, who decides again; then the office approves")
  void expenseReturnToDirectorStep() {
    JsonNode pi = applyExpense(1280);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    approve("zhang.director", id);
    String office = onlyTaskId("qian.social", id);
    assertThat(targetIds("qian.social", office)).containsExactly("reviseExpense", "approveExpense:1");
    ok(returnTask("qian.social", office, "approveExpense:1", "请主任补充说明用途"));
    assertThat(tasksOf("qian.social", id)).isEmpty();
    assertThat(taskKey("zhang.director", id)).isEqualTo("approveExpense");
    assertThat(roundStates(key)).containsExactly("1:active", "1:returned", "2:pending", "2:returned");
    assertConsistent(id, key);
    approve("zhang.director", id);
    approve("qian.social", id);
    assertThat(taskKey("huang.bookkeeper", id)).isEqualTo("bookVoucher");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Expense 撤回: the applicant before any decision (ends 已撤回); refused after the director's; the director takes his back")
  void expenseWithdraw() {
    JsonNode first = applyExpense(300);
    ok(withdraw("chen.staff", first.get("businessKey").asText(), "不需要了"));
    assertEndedNormally(first.get("id").asText(), first.get("businessKey").asText());
    assertThat(caseOf(first.get("businessKey").asText()).status()).isEqualTo("withdrawn");

    JsonNode pi = applyExpense(1280);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    approve("zhang.director", id);
    Response late = withdraw("chen.staff", key, "不需要了");
    refused(late, 409, null);
    assertThat(late.json().get("message").asText()).isEqualTo("已有审批意见，不能撤回");
    refused(withdraw("qian.social", key, "我来撤"), 403, null);
    ok(withdraw("zhang.director", key, "金额需再核"));
    assertThat(tasksOf("qian.social", id)).isEmpty();
    assertThat(onlyTask("zhang.director", id).get("assignee").asText()).isEqualTo("zhang.director");
    assertThat(roundStates(key)).containsExactly("1:active", "1:withdrawn", "2:pending");
    assertConsistent(id, key);
    approve("zhang.director", id);
    approve("qian.social", id);
    assertThat(taskKey("huang.bookkeeper", id)).isEqualTo("bookVoucher");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Expense 加签 before and after: the added signers decide in their places and the chain finishes")
  void expenseAddSigners() {
    JsonNode pi = applyExpense(1280);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String director = onlyTaskId("zhang.director", id);
    ok(addSigner("zhang.director", director, "huang.bookkeeper", "before", "请报账员先核对预算"));
    assertThat(tasksOf("zhang.director", id)).isEmpty();
    JsonNode bookkeeper = onlyTask("huang.bookkeeper", id);
    assertThat(bookkeeper.get("assignee").asText()).isEqualTo("huang.bookkeeper");
    assertConsistent(id, key);
    complete("huang.bookkeeper", bookkeeper.get("id").asText(), Map.of("approved", true, "comment", "预算内"));
    String again = onlyTaskId("zhang.director", id);
    ok(addSigner("zhang.director", again, "zhou.liaison", "after", "请蹲点领导把关"));
    assertThat(roundStates(key)).containsExactly("1:approved", "2:active", "3:pending", "4:pending");
    approve("zhang.director", id);
    assertThat(onlyTask("zhou.liaison", id).get("assignee").asText()).isEqualTo("zhou.liaison");
    assertThat(tasksOf("qian.social", id)).isEmpty();
    approve("zhou.liaison", id);
    approve("qian.social", id);
    assertThat(taskKey("huang.bookkeeper", id)).isEqualTo("bookVoucher");
    assertThat(roundStates(key)).containsExactly("1:approved", "2:approved", "3:approved", "4:approved");
    assertThat(actions(key)).contains("add-signer-before", "add-signer-after");
    assertConsistent(id, key);
  }

  // ---- property-loan

  @Test
  @DisplayName("Loan 退回 to the applicant and resubmitted; then 退回 from the office to the director's step; approved")
  void loanReturns() {
    JsonNode pi = applyLoan();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String director = onlyTaskId("zhang.director", id);
    assertThat(targetIds("zhang.director", director)).containsExactly("revisePropertyLoan");
    ok(returnTask("zhang.director", director, "revisePropertyLoan", "只能借 5 张"));
    assertThat(taskKey("liu.staff", id)).isEqualTo("revisePropertyLoan");
    assertThat(caseOf(key).status()).isEqualTo("rejected");
    assertThat(as("liu.staff").get("/api/notifications").body()).contains(key, "只能借 5 张");
    assertConsistent(id, key);
    Map<String, Object> again = new HashMap<>(PropertyLoanRestTest.loan());
    again.put("item", "折叠桌 5 张");
    again.put("resubmit", true);
    complete("liu.staff", onlyTaskId("liu.staff", id), again);

    approve("zhang.director", id);
    String office = onlyTaskId("qian.social", id);
    assertThat(targetIds("qian.social", office)).containsExactly("revisePropertyLoan", "approvePropertyLoan:1");
    ok(returnTask("qian.social", office, "approvePropertyLoan:1", "请主任确认归还安排"));
    assertThat(taskKey("zhang.director", id)).isEqualTo("approvePropertyLoan");
    assertConsistent(id, key);
    approve("zhang.director", id);
    approve("qian.social", id);
    assertThat(taskKey("liu.staff", id)).isEqualTo("recordReturn");
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Loan 撤回 by the applicant before a decision (ends 已撤回), and by the director after his; 加签 after")
  void loanWithdrawAndAddSigner() {
    JsonNode first = applyLoan();
    ok(withdraw("liu.staff", first.get("businessKey").asText(), "活动取消"));
    assertEndedNormally(first.get("id").asText(), first.get("businessKey").asText());
    assertThat(caseOf(first.get("businessKey").asText()).status()).isEqualTo("withdrawn");

    JsonNode pi = applyLoan();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    approve("zhang.director", id);
    refused(withdraw("liu.staff", key, "活动取消"), 409, null);
    ok(withdraw("zhang.director", key, "再看看"));
    String director = onlyTaskId("zhang.director", id);
    ok(addSigner("zhang.director", director, "feng.dept", "after", "涉及安全，请综治办会签"));
    approve("zhang.director", id);
    assertThat(onlyTask("feng.dept", id).get("assignee").asText()).isEqualTo("feng.dept");
    approve("feng.dept", id);
    approve("qian.social", id);
    assertThat(taskKey("liu.staff", id)).isEqualTo("recordReturn");
    assertThat(roundStates(key)).containsExactly("1:approved", "1:withdrawn", "2:approved", "3:approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Loan 加签 before: the street department decides first, then the directors' group, then the office")
  void loanAddSignerBefore() {
    JsonNode pi = applyLoan();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    ok(addSigner("zhang.director", onlyTaskId("zhang.director", id), "feng.dept", "before", "先请综治办看安全"));
    assertThat(tasksOf("zhang.director", id)).isEmpty();
    assertThat(roundStates(key)).containsExactly("1:active", "2:pending", "3:pending");
    assertConsistent(id, key);
    approve("feng.dept", id);
    approve("zhang.director", id);
    approve("qian.social", id);
    assertThat(taskKey("liu.staff", id)).isEqualTo("recordReturn");
    assertThat(roundStates(key)).containsExactly("1:approved", "2:approved", "3:approved");
    assertConsistent(id, key);
  }
}
