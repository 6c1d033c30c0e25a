package cn.shequflow.leave;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.support.ApprovalOperationsTestSupport;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, approval operations on {@code leave-request} (CONTRACTS.md "Approval operations"):
 * 退回, 撤回 and 加签 over REST as the demo users, with authorization on.
 */
class LeaveApprovalOperationsRestTest extends ApprovalOperationsTestSupport {

  private static final String KEY = "leave-request";

  private JsonNode apply(String user, double days) {
    return startProcess(user, KEY, leave(days));
  }

  private void resubmit(String user, String processInstanceId, double days) {
    JsonNode revise = onlyTask(user, processInstanceId);
    assertThat(revise.get("taskDefinitionKey").asText()).isEqualTo("reviseLeave");
    Map<String, Object> again = new HashMap<>(leave(days));
    again.put("resubmit", true);
    complete(user, revise.get("id").asText(), again);
  }

  @Test
  @DisplayName("退回 to the applicant: 已退回 with the reason, the applicant resubmits (a new round) and the director approves")
  void returnToApplicantThenResubmit() {
    JsonNode pi = apply("liu.staff", 1);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);

    assertThat(targetIds("zhang.director", task)).containsExactly("reviseLeave");
    // Who may: 404 for those who cannot see the task, 403 for one who sees it but does not hold it.
    assertThat(returnTask("gao.director", task, "reviseLeave", "不行").status()).isEqualTo(404);
    assertThat(returnTask("liu.staff", task, "reviseLeave", "不行").status()).isEqualTo(404);
    assertThat(as("chen.staff").get("/api/tasks/" + task + "/return-targets").status()).isEqualTo(404);
    assertThat(returnTask("nobody-such", task, "reviseLeave", "不行").status()).isEqualTo(401);
    refused(returnTask("admin", task, "reviseLeave", "管理员退回"), 403, null);
    // Bad fields: 400 naming the field; nothing changes.
    refused(returnTask("zhang.director", task, "reviseLeave", null), 400, "reason");
    refused(returnTask("zhang.director", task, "reviseLeave", "  "), 400, "reason");
    refused(returnTask("zhang.director", task, "reviseLeave", "长".repeat(1001)), 400, "reason");
    refused(returnTask("zhang.director", task, null, "请改期"), 400, "targetActivityId");
    refused(returnTask("zhang.director", task, "reportBack", "请改期"), 400, "targetActivityId");
    refused(returnTask("zhang.director", task, "approveLeave:1", "请改期"), 400, "targetActivityId");
    Response wrongType = as("zhang.director").post("/api/tasks/" + task + "/return",
        Map.of("targetActivityId", 7, "reason", "请改期"));
    refused(wrongType, 400, "targetActivityId");
    assertThat(roundStates(key)).containsExactly("1:active");

    Response returned = returnTask("zhang.director", task, "reviseLeave", "本周值班，请改期");
    ok(returned);
    assertThat(returned.json().get("status").asText()).isEqualTo("rejected");
    assertThat(returned.json().get("statusLabel").asText()).isEqualTo("已退回");
    assertThat(tasksOf("zhang.director", id)).isEmpty();
    JsonNode revise = onlyTask("liu.staff", id);
    assertThat(revise.get("taskDefinitionKey").asText()).isEqualTo("reviseLeave");
    assertThat(taskService.getVariable(revise.get("id").asText(), "returnComment")).isEqualTo("本周值班，请改期");
    assertThat(taskService.getVariable(revise.get("id").asText(), "returnedByName")).isEqualTo("张志华");
    assertThat(caseOf(key).status()).isEqualTo("rejected");
    List<ApprovalStep> round = round(key);
    assertThat(round).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(ApprovalStep.RETURNED);
      assertThat(s.decidedBy()).isEqualTo("zhang.director");
      assertThat(s.approved()).isFalse();
      assertThat(s.comment()).isEqualTo("本周值班，请改期");
    });
    assertThat(actions(key)).containsSubsequence("submitted", "return", "rejected");
    JsonNode timeline = as("liu.staff").get("/api/cases/" + key + "/timeline").json();
    assertThat(timeline.toString()).contains("退回", "本周值班，请改期");
    assertThat(as("liu.staff").get("/api/notifications").body()).contains(key, "本周值班，请改期");
    assertConsistent(id, key);
    // The revise task is not an approval task: no return, no add-signer on it (409).
    refused(returnTask("liu.staff", revise.get("id").asText(), "reviseLeave", "再退"), 409, null);
    refused(addSigner("liu.staff", revise.get("id").asText(), "zhou.liaison", "after", null), 409, null);
    // The returned task is gone.
    assertThat(returnTask("zhang.director", task, "reviseLeave", "再退").status()).isEqualTo(404);

    resubmit("liu.staff", id, 1);
    assertThat(caseOf(key).submission()).isEqualTo(2);
    assertThat(roundStates(key)).containsExactly("1:active");
    approve("zhang.director", id);
    assertThat(onlyTask("liu.staff", id).get("taskDefinitionKey").asText()).isEqualTo("reportBack");
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertThat(rows(key)).extracting(ApprovalStep::state).containsExactly("returned", "approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("退回 over the director's tier: the principal returns to the leader in charge, who decides again")
  void returnToEarlierStep() {
    JsonNode pi = apply("zhang.director", 3);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    approve("li.leader", id);
    String principal = onlyTaskId("wang.principal", id);
    assertThat(targetIds("wang.principal", principal)).containsExactly("reviseLeave", "approveLeave:1");
    JsonNode targets = as("wang.principal").get("/api/tasks/" + principal + "/return-targets").json();
    assertThat(targets.get(1).get("name").asText()).contains("第1步", "主管社区领导", "李红梅");

    ok(returnTask("wang.principal", principal, "approveLeave:1", "请主管领导核实值班安排"));
    assertThat(tasksOf("wang.principal", id)).isEmpty();
    String again = onlyTaskId("li.leader", id);
    assertThat(again).isNotEqualTo(principal);
    assertThat(roundStates(key)).containsExactly("1:active", "1:returned", "2:pending", "2:returned");
    assertThat(round(key)).filteredOn(s -> s.state().equals("returned") && s.stepNo() == 1)
        .singleElement().satisfies(s -> assertThat(s.approved()).isTrue());
    assertThat(round(key)).filteredOn(s -> s.state().equals("returned") && s.stepNo() == 2)
        .singleElement().satisfies(s -> assertThat(s.decidedBy()).isEqualTo("wang.principal"));
    assertThat(caseOf(key).status()).isEqualTo("pending");
    assertThat(actions(key)).endsWith("return");
    assertConsistent(id, key);
    // Now at step 1 again: only the applicant is behind it.
    assertThat(targetIds("li.leader", again)).containsExactly("reviseLeave");

    approve("li.leader", id);
    approve("wang.principal", id);
    assertThat(onlyTask("zhang.director", id).get("taskDefinitionKey").asText()).isEqualTo("reportBack");
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("撤回 by the applicant before any decision: the case ends as withdrawn through 已撤回, nothing left")
  void applicantWithdrawsBeforeDecision() {
    JsonNode pi = apply("liu.staff", 1);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    assertThat(withdraw("gao.director", key, "不用了").status()).isEqualTo(404);
    assertThat(withdraw("liu.staff", "LV-2026-999999", "不用了").status()).isEqualTo(404);
    refused(withdraw("wang.principal", key, "不用了"), 403, null);
    refused(withdraw("zhang.director", key, "不用了"), 403, null);
    refused(withdraw("liu.staff", key, "长".repeat(1001)), 400, "reason");

    Response done = withdraw("liu.staff", key, "家里事情已解决");
    ok(done);
    assertThat(done.json().get("status").asText()).isEqualTo("withdrawn");
    assertEndedNormally(id, key);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("leaveWithdrawn")
        .finished().count()).isEqualTo(1);
    assertThat(caseOf(key).status()).isEqualTo("withdrawn");
    assertThat(roundStates(key)).containsExactly("1:withdrawn");
    assertThat(actions(key)).endsWith("withdraw", "withdrawn");
    assertThat(tasksOf("zhang.director", id)).isEmpty();
    // A closed case cannot be withdrawn again.
    refused(withdraw("liu.staff", key, "再撤"), 409, null);
  }

  @Test
  @DisplayName("撤回: refused to the applicant after a decision; the previous approver takes his decision back")
  void previousApproverWithdraws() {
    JsonNode pi = apply("zhang.director", 3);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    approve("li.leader", id);
    Response late = withdraw("zhang.director", key, "不请了");
    refused(late, 409, null);
    assertThat(late.json().get("message").asText()).isEqualTo("已有审批意见，不能撤回");
    refused(withdraw("wang.principal", key, "我来撤"), 403, null);

    ok(withdraw("li.leader", key, "值班表有变，重新审核"));
    assertThat(tasksOf("wang.principal", id)).isEmpty();
    JsonNode back = onlyTask("li.leader", id);
    assertThat(back.get("taskDefinitionKey").asText()).isEqualTo("approveLeave");
    assertThat(back.get("assignee").asText()).isEqualTo("li.leader");
    assertThat(roundStates(key)).containsExactly("1:active", "1:withdrawn", "2:pending");
    assertThat(round(key)).filteredOn(s -> s.state().equals("withdrawn")).singleElement()
        .satisfies(s -> assertThat(s.decidedBy()).isEqualTo("li.leader"));
    assertThat(actions(key)).endsWith("withdraw-decision");
    assertConsistent(id, key);

    complete("li.leader", back.get("id").asText(), Map.of("approved", true, "comment", "核实后同意"));
    approve("wang.principal", id);
    assertThat(caseOf(key).status()).isEqualTo("approved");
    refused(withdraw("wang.principal", key, "想撤回"), 409, null);
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("加签 after: the director still decides now, then the added liaison leader gets the task; bad signers are 400")
  void addSignerAfter() {
    JsonNode pi = apply("liu.staff", 1);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    refused(addSigner("zhang.director", task, null, "after", null), 400, "userId");
    refused(addSigner("zhang.director", task, "zhang.director", "after", null), 400, "userId");
    refused(addSigner("zhang.director", task, "nobody.such", "after", null), 400, "userId");
    refused(addSigner("zhang.director", task, "liu.staff", "after", null), 400, "userId");
    refused(addSigner("zhang.director", task, "jiang.county", "after", null), 400, "userId");
    refused(addSigner("zhang.director", task, "zhou.liaison", "middle", null), 400, "position");
    refused(addSigner("zhang.director", task, "zhou.liaison", "after", "长".repeat(1001)), 400, "reason");
    assertThat(addSigner("gao.director", task, "zhou.liaison", "after", null).status()).isEqualTo(404);
    refused(addSigner("admin", task, "zhou.liaison", "after", null), 403, null);
    assertThat(roundStates(key)).containsExactly("1:active");

    ok(addSigner("zhang.director", task, "zhou.liaison", "after", "涉及值班安排，请蹲点领导把关"));
    refused(addSigner("zhang.director", task, "zhou.liaison", "after", null), 400, "userId");
    assertThat(onlyTaskId("zhang.director", id)).isEqualTo(task);
    assertThat(roundStates(key)).containsExactly("1:active", "2:pending");
    assertThat(round(key).get(1).candidateUser()).isEqualTo("zhou.liaison");
    assertThat(actions(key)).endsWith("add-signer-after");
    assertConsistent(id, key);

    approve("zhang.director", id);
    JsonNode signer = onlyTask("zhou.liaison", id);
    assertThat(signer.get("assignee").asText()).isEqualTo("zhou.liaison");
    assertThat(tasksOf("zhang.director", id)).isEmpty();
    assertThat(as("zhou.liaison").get("/api/cases/" + key).status()).isEqualTo(200);
    // The signer's own task: he may return it to the director's step, or the applicant.
    assertThat(targetIds("zhou.liaison", signer.get("id").asText())).containsExactly("reviseLeave", "approveLeave:1");
    assertConsistent(id, key);
    complete("zhou.liaison", signer.get("id").asText(), Map.of("approved", true, "comment", "同意"));
    assertThat(onlyTask("liu.staff", id).get("taskDefinitionKey").asText()).isEqualTo("reportBack");
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertThat(roundStates(key)).containsExactly("1:approved", "2:approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("加签 before: the added principal decides first, then the task comes back to the directors' group")
  void addSignerBefore() {
    JsonNode pi = apply("liu.staff", 1);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", id);
    ok(addSigner("zhang.director", task, "wang.principal", "before", "请主要领导先阅"));
    assertThat(tasksOf("zhang.director", id)).isEmpty();
    JsonNode signer = onlyTask("wang.principal", id);
    assertThat(signer.get("assignee").asText()).isEqualTo("wang.principal");
    assertThat(roundStates(key)).containsExactly("1:active", "2:pending");
    assertThat(actions(key)).endsWith("add-signer-before");
    assertConsistent(id, key);

    complete("wang.principal", signer.get("id").asText(), Map.of("approved", true, "comment", "已阅，同意"));
    JsonNode director = onlyTask("zhang.director", id);
    assertThat(director.get("assignee").isNull()).as("back to the directors' group").isTrue();
    assertThat(director.get("id").asText()).isNotEqualTo(task);
    assertConsistent(id, key);
    approve("zhang.director", id);
    assertThat(onlyTask("liu.staff", id).get("taskDefinitionKey").asText()).isEqualTo("reportBack");
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertConsistent(id, key);
  }
}
