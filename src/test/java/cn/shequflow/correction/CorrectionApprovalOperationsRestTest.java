package cn.shequflow.correction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.support.ApprovalOperationsTestSupport;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, approval operations on {@code correction-travel} and
 * {@code correction-residence-change}: families without a revise task (a refusal is final) and,
 * for travel, a task before the chain is fixed (the justice office checks the proofs, CC-2).
 */
class CorrectionApprovalOperationsRestTest extends ApprovalOperationsTestSupport {

  private static final Map<String, Object> PROOFS = Map.of("committeeCertificate", true, "employerCertificate", true);

  /** Ten days away: the justice office then the county justice bureau (CC-1). */
  private JsonNode travelAtFirstStep() {
    JsonNode pi = startProcess("wei.justice", "correction-travel", CorrectionRestTest.travel(10));
    String id = pi.get("id").asText();
    JsonNode verify = onlyTask("wei.justice", id);
    assertThat(verify.get("taskDefinitionKey").asText()).isEqualTo("verifyProofs");
    complete("wei.justice", verify.get("id").asText(), PROOFS);
    return pi;
  }

  private JsonNode residenceChange() {
    Map<String, Object> v = CorrectionRestTest.residence(CorrectionRestTest.today().plusMonths(1));
    v.put("newAddress", "浔阳区白水湖街道前进东路 8 号");
    v.put("newCountySame", true);
    return startProcess("wei.justice", "correction-residence-change", v);
  }

  private String taskKey(String user, String id) {
    return onlyTask(user, id).get("taskDefinitionKey").asText();
  }

  @Test
  @DisplayName("Travel 退回 to the check of the proofs (before the chain): the round closes, a new one is fixed after the re-check")
  void travelReturnToProofs() {
    JsonNode pi = travelAtFirstStep();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String first = onlyTaskId("wei.justice", id);
    assertThat(targetIds("wei.justice", first)).as("no revise task: a refusal is final").containsExactly("verifyProofs");
    JsonNode targets = as("wei.justice").get("/api/tasks/" + first + "/return-targets").json();
    assertThat(targets.get(0).get("name").asText()).isEqualTo("核验证明材料");
    ok(returnTask("wei.justice", first, "verifyProofs", "单位证明日期不清，请重新核验"));
    assertThat(taskKey("wei.justice", id)).isEqualTo("verifyProofs");
    assertThat(caseOf(key).submission()).isEqualTo(2);
    assertThat(approvalRows.round(key, 1)).extracting(ApprovalStep::state).containsExactly("returned", "returned");
    assertThat(round(key)).isEmpty();
    assertThat(caseOf(key).status()).isEqualTo("pending");
    assertConsistent(id, key);

    complete("wei.justice", onlyTaskId("wei.justice", id), PROOFS);
    assertThat(roundStates(key)).containsExactly("1:active", "2:pending");
    String step1 = onlyTaskId("wei.justice", id);
    approve("wei.justice", id);
    String county = onlyTaskId("jiang.county", id);
    assertThat(step1).isNotEqualTo(county);
    assertThat(targetIds("jiang.county", county)).containsExactly("verifyProofs", "approveTravel:1");
    // To the earlier step this time.
    ok(returnTask("jiang.county", county, "approveTravel:1", "请司法所补充监管措施"));
    assertThat(taskKey("wei.justice", id)).isEqualTo("approveTravel");
    assertConsistent(id, key);
    approve("wei.justice", id);
    approve("jiang.county", id);
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertThat(taskKey("wei.justice", id)).isEqualTo("reportReturn");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Travel 撤回: no withdrawn end (409); the justice office takes its decision back; 加签 before the county")
  void travelWithdrawAndAddSigner() {
    JsonNode pi = travelAtFirstStep();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    Response none = withdraw("wei.justice", key, "不外出了");
    refused(none, 409, null);
    assertThat(none.json().get("message").asText()).contains("没有撤回环节");
    assertThat(withdraw("liu.staff", key, "x").status()).isEqualTo(404);

    approve("wei.justice", id);
    ok(withdraw("wei.justice", key, "监管措施需补充"));
    assertThat(tasksOf("jiang.county", id)).isEmpty();
    String back = onlyTaskId("wei.justice", id);
    assertConsistent(id, key);
    refused(addSigner("wei.justice", back, "jiang.county", "after", null), 400, "userId");
    // Only someone who may see a correction case in his own right is added (as for 抄送): the
    // leader in charge of community affairs may not, the principal leader may.
    refused(addSigner("wei.justice", back, "li.leader", "before", "请主管领导先阅"), 400, "userId");
    ok(addSigner("wei.justice", back, "wang.principal", "before", "请主要领导先阅"));
    assertThat(tasksOf("wei.justice", id)).isEmpty();
    approve("wang.principal", id);
    approve("wei.justice", id);
    approve("jiang.county", id);
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertThat(roundStates(key)).containsExactly("1:approved", "2:approved", "2:withdrawn", "3:approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Residence change 退回 to the justice office's step, 撤回 refused to the applicant (no withdrawn end), 加签 after")
  void residenceChangeOperations() {
    JsonNode pi = residenceChange();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String first = onlyTaskId("wei.justice", id);
    assertThat(targetIds("wei.justice", first)).isEmpty();
    refused(returnTask("wei.justice", first, "registerResidenceChange", "x"), 400, "targetActivityId");
    refused(withdraw("wei.justice", key, "不变更了"), 409, null);
    ok(addSigner("wei.justice", first, "wang.principal", "after", "请主要领导审阅"));
    approve("wei.justice", id);
    approve("wang.principal", id);
    String county = onlyTaskId("jiang.county", id);
    assertThat(targetIds("jiang.county", county)).containsExactly("approveResidenceChange:1", "approveResidenceChange:2");
    ok(returnTask("jiang.county", county, "approveResidenceChange:1", "请补充新居住地核实情况"));
    assertThat(roundStates(key)).containsExactly("1:active", "1:returned", "2:pending", "2:returned", "3:pending",
        "3:returned");
    assertConsistent(id, key);
    approve("wei.justice", id);
    approve("wang.principal", id);
    approve("jiang.county", id);
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Travel 加签 after the county's step: the principal leader decides last; the chain finishes")
  void travelAddSignerAfterLastStep() {
    JsonNode pi = travelAtFirstStep();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    approve("wei.justice", id);
    String county = onlyTaskId("jiang.county", id);
    ok(addSigner("jiang.county", county, "wang.principal", "after", "跨省外出，请街道主要领导知悉"));
    approve("jiang.county", id);
    assertThat(caseOf(key).status()).isEqualTo("pending");
    assertThat(onlyTask("wang.principal", id).get("assignee").asText()).isEqualTo("wang.principal");
    approve("wang.principal", id);
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertThat(roundStates(key)).containsExactly("1:approved", "2:approved", "3:approved");
    assertConsistent(id, key);
  }

  @Test
  @DisplayName("Residence change: the justice office takes its decision back from the county; 加签 before its own step")
  void residenceChangeWithdrawAndAddSignerBefore() {
    JsonNode pi = residenceChange();
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    approve("wei.justice", id);
    refused(withdraw("jiang.county", key, "x"), 403, null);
    ok(withdraw("wei.justice", key, "需补充新居住地核实材料"));
    assertThat(tasksOf("jiang.county", id)).isEmpty();
    String back = onlyTaskId("wei.justice", id);
    assertThat(actions(key)).endsWith("withdraw-decision");
    assertConsistent(id, key);
    ok(addSigner("wei.justice", back, "wang.principal", "before", "请主要领导先阅"));
    approve("wang.principal", id);
    approve("wei.justice", id);
    approve("jiang.county", id);
    assertThat(caseOf(key).status()).isEqualTo("approved");
    assertThat(roundStates(key)).containsExactly("1:approved", "2:approved", "2:withdrawn", "3:approved");
    assertConsistent(id, key);
  }
}
