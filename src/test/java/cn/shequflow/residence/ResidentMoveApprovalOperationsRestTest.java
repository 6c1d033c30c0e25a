package cn.shequflow.residence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.ApprovalOperationsTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, approval operations on {@code resident-move}: one verifying step by the community's
 * staff (RM-1); 退回 to the filer, 撤回 and 加签, with the instance reaching its end.
 */
class ResidentMoveApprovalOperationsRestTest extends ApprovalOperationsTestSupport {

  private Map<String, Object> moveIn(String idNumber) {
    return ResidentMoveProcessTest.moveIn(idNumber, "migrant", cn.shequflow.core.process.Clock.today().toString());
  }

  private JsonNode file(String idNumber) {
    return startProcess("he.grid", "resident-move", moveIn(idNumber));
  }

  @Test
  @DisplayName("退回 to the filer, who corrects and resubmits; verified, the instance ends registered")
  void returnToFilerThenResubmit() {
    String idNumber = ResidentIds.next();
    JsonNode pi = file(idNumber);
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String verify = onlyTaskId("liu.staff", id);
    assertThat(targetIds("liu.staff", verify)).containsExactly("reviseResidentMove");
    ok(returnTask("liu.staff", verify, "reviseResidentMove", "职业填写不清，请核对"));
    assertThat(tasksOf("chen.staff", id)).isEmpty();
    JsonNode revise = onlyTask("he.grid", id);
    assertThat(revise.get("taskDefinitionKey").asText()).isEqualTo("reviseResidentMove");
    assertThat(caseOf(key).status()).isEqualTo("rejected");
    assertThat(as("he.grid").get("/api/notifications").body()).contains(key, "职业填写不清");
    assertConsistent(id, key);

    Map<String, Object> again = new HashMap<>(moveIn(idNumber));
    again.put("occupation", "快递员");
    again.put("resubmit", true);
    complete("he.grid", revise.get("id").asText(), again);
    approve("chen.staff", id);
    assertEndedNormally(id, key);
    assertThat(caseOf(key).status()).isNotIn("rejected", "withdrawn", "pending");
    assertThat(actions(key)).containsSubsequence("submitted", "return", "rejected", "resubmitted", "approve");
  }

  @Test
  @DisplayName("撤回 by the filer before the verification: the case ends 已撤回, no task or job left")
  void filerWithdraws() {
    JsonNode pi = file(ResidentIds.next());
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    refused(withdraw("liu.staff", key, "我来撤"), 403, null);
    assertThat(withdraw("ma.staff", key, "x").status()).isEqualTo(404);
    ok(withdraw("he.grid", key, "登记对象已改为他人办理"));
    assertEndedNormally(id, key);
    assertThat(caseOf(key).status()).isEqualTo("withdrawn");
    assertThat(roundStates(key)).containsExactly("1:withdrawn");
  }

  @Test
  @DisplayName("撤回 by the filer from his revise task (a returned request): ends 已撤回")
  void filerWithdrawsReturnedRequest() {
    JsonNode pi = file(ResidentIds.next());
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    ok(returnTask("liu.staff", onlyTaskId("liu.staff", id), "reviseResidentMove", "证件号码与户籍不符"));
    ok(withdraw("he.grid", key, "不再登记"));
    assertEndedNormally(id, key);
    assertThat(caseOf(key).status()).isEqualTo("withdrawn");
  }

  @Test
  @DisplayName("加签 after and before the staff's verification: the director and the liaison leader decide; the instance ends")
  void addSigners() {
    JsonNode pi = file(ResidentIds.next());
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String verify = onlyTaskId("liu.staff", id);
    assertThat(addSigner("liu.staff", verify, "he.grid", "after", null).status()).as("not the filer").isEqualTo(400);
    ok(addSigner("liu.staff", verify, "zhang.director", "after", "租住人员，请主任复核"));
    approve("liu.staff", id);
    JsonNode director = onlyTask("zhang.director", id);
    assertThat(director.get("assignee").asText()).isEqualTo("zhang.director");
    ok(addSigner("zhang.director", director.get("id").asText(), "zhou.liaison", "before", "请蹲点领导先看"));
    assertThat(tasksOf("zhang.director", id)).isEmpty();
    approve("zhou.liaison", id);
    JsonNode back = onlyTask("zhang.director", id);
    assertThat(back.get("assignee").asText()).as("the added position stays his").isEqualTo("zhang.director");
    assertConsistent(id, key);
    approve("zhang.director", id);
    assertEndedNormally(id, key);
    assertThat(roundStates(key)).containsExactly("1:approved", "2:approved", "3:approved");
  }

  @Test
  @DisplayName("撤回 by the verifying staff while the added director has not decided: the task comes back to him")
  void verifierWithdrawsBeforeAddedSigner() {
    JsonNode pi = file(ResidentIds.next());
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    ok(addSigner("liu.staff", onlyTaskId("liu.staff", id), "zhang.director", "after", null));
    approve("liu.staff", id);
    refused(withdraw("he.grid", key, "x"), 409, null);
    refused(withdraw("chen.staff", key, "x"), 403, null);
    ok(withdraw("liu.staff", key, "门牌号需再核"));
    assertThat(tasksOf("zhang.director", id)).isEmpty();
    JsonNode back = onlyTask("liu.staff", id);
    assertThat(back.get("assignee").asText()).isEqualTo("liu.staff");
    assertConsistent(id, key);
    approve("liu.staff", id);
    approve("zhang.director", id);
    assertEndedNormally(id, key);
  }
}
