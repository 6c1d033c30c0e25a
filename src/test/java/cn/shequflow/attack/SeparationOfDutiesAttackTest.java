package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.duties.SeparationOfDuties;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 回避: nobody decides, verifies or books their own case. Observed before the fix: zhang.director
 * approved his own 400-yuan expense (and was the first step of his own 800-yuan one);
 * huang.bookkeeper booked the voucher of her own expense.
 */
class SeparationOfDutiesAttackTest extends AttackSupport {

  static final String EXPENSE = "/engine-rest/process-definition/key/expense-approval/start";

  @Autowired SeparationOfDuties duties;

  private static Map<String, Object> expense(int amount, String category, String handler, String witness) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("amount", amount);
    v.put("category", category);
    // A purpose of its own, so that no other test's expense counts as related spending.
    v.put("purpose", "回避测试用品" + java.util.UUID.randomUUID().toString().substring(0, 8));
    v.put("handler", handler);
    v.put("witness", witness);
    return v;
  }

  private JsonNode startExpense(String user, Map<String, Object> v) {
    Response r = as(user).post(EXPENSE, RestClient.variables(v));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private List<JsonNode> openTasks(String processInstanceId) {
    List<JsonNode> list = new ArrayList<>();
    as("admin").get("/engine-rest/task?processInstanceId=" + processInstanceId).json().forEach(list::add);
    return list;
  }

  private List<String> candidateGroups(String taskId) {
    List<String> groups = new ArrayList<>();
    as("admin").get("/engine-rest/task/" + taskId + "/identity-links?type=candidate").json()
        .forEach(l -> groups.add(l.get("groupId").asText()));
    return groups;
  }

  private void assertRefusedAndUnchanged(String user, String taskId) {
    JsonNode before = as("admin").get("/engine-rest/task/" + taskId).json();
    Response claim = as(user).post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    Response complete = as(user).post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    Response assign = as("admin").post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", user));
    assertThat(claim.status()).as(claim.body()).isIn(403, 404);
    assertThat(complete.status()).as(complete.body()).isIn(403, 404);
    assertThat(assign.status()).as("even an administrator cannot hand it to the applicant: " + assign.body()).isEqualTo(403);
    assertThat(assign.json().get("message").asText()).contains("回避");
    JsonNode after = as("admin").get("/engine-rest/task/" + taskId).json();
    assertThat(after.get("assignee")).isEqualTo(before.get("assignee"));
  }

  @Test
  @DisplayName("回避: a director's own 400-yuan expense is approved by the liaison leader, not by himself")
  void directorsOwnExpense() {
    JsonNode pi = startExpense("zhang.director", expense(400, "office", "张志华", "刘洋"));
    String id = pi.get("id").asText();
    List<JsonNode> tasks = openTasks(id);
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    assertThat(candidateGroups(taskId)).containsExactly("zaozhi-liaison");
    assertThat(as("zhang.director").get("/engine-rest/task?processInstanceId=" + id).json()).isEmpty();
    assertRefusedAndUnchanged("zhang.director", taskId);

    Response ok = as("zhou.liaison").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
  }

  @Test
  @DisplayName("回避: above 500 the director's own expense goes to the liaison leader first, then the social affairs office")
  void directorsOwnExpenseAboveLimit() {
    JsonNode pi = startExpense("zhang.director", expense(800, "repairs", "张志华", "刘洋"));
    String id = pi.get("id").asText();
    String first = openTasks(id).get(0).get("id").asText();
    assertThat(candidateGroups(first)).containsExactly("zaozhi-liaison");
    assertThat(as("zhou.liaison").post("/engine-rest/task/" + first + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意"))).status()).isEqualTo(204);
    assertThat(candidateGroups(openTasks(id).get(0).get("id").asText())).containsExactly("pencheng-social");
  }

  @Test
  @DisplayName("回避: the bookkeeper's own expense is booked by the director; she can neither claim nor complete the voucher")
  void bookkeepersOwnVoucher() {
    JsonNode pi = startExpense("huang.bookkeeper", expense(300, "office", "黄丽", "刘洋"));
    String id = pi.get("id").asText();
    String approval = openTasks(id).get(0).get("id").asText();
    assertThat(as("zhang.director").post("/engine-rest/task/" + approval + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意"))).status()).isEqualTo(204);
    List<JsonNode> tasks = openTasks(id);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("bookVoucher");
    String voucher = tasks.get(0).get("id").asText();
    assertThat(candidateGroups(voucher)).containsExactly("zaozhi-director");
    assertRefusedAndUnchanged("huang.bookkeeper", voucher);
    attach("zhang.director", pi.get("businessKey").asText(), voucher, "invoice");
    Response booked = as("zhang.director").post("/engine-rest/task/" + voucher + "/complete",
        RestClient.variables(Map.of("voucherType", "invoice", "invoiceNumber", "No.SoD-" + id.substring(0, 8),
            "paidAmount", 300, "paidOn", Clock.today().toString())));
    assertThat(booked.status()).as(booked.body()).isEqualTo(204);
  }

  @Test
  @DisplayName("RM-1, 回避: huang.bookkeeper, also staff, is a candidate of the verification of her own filing but cannot claim or complete it")
  void ownResidentFiling() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("moveType", "move-in");
    v.put("residentType", "registered");
    v.put("name", "王小明");
    v.put("idNumber", cn.shequflow.residence.ResidentIds.next());
    v.put("phone", "13907920001");
    v.put("occupation", "个体经营");
    v.put("address", "浔阳区湓城街道造纸社区滨江路 18 号");
    v.put("building", "3 栋");
    v.put("movedOn", Clock.today().toString());
    Response started = as("huang.bookkeeper").post("/engine-rest/process-definition/key/resident-move/start",
        RestClient.variables(v));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String verify = onlyTask("huang.bookkeeper", started.json().get("id").asText());
    assertThat(candidateGroups(verify)).containsExactly("zaozhi-staff");
    assertRefusedAndUnchanged("huang.bookkeeper", verify);
    Response colleague = as("chen.staff").post("/engine-rest/task/" + verify + "/claim", Map.of("userId", "chen.staff"));
    assertThat(colleague.status()).as(colleague.body()).isEqualTo(204);
  }

  @Test
  @DisplayName("回避: where nobody but the applicant holds a role and the policy names no substitute, the case is refused when filed")
  void nobodyEligible() {
    CaseRecord principalsOwn = new CaseRecord("LV-0000-000000", "leave", null, "wang.principal", "王建国",
        "PRINCIPAL_LEADER", "zaozhi", "造纸社区", "请假", "submitted", 1, Clock.now(), Clock.now(), null);
    assertThatThrownBy(() -> duties.eligibleRole(principalsOwn, Role.PRINCIPAL_LEADER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("approvalChain").hasMessageContaining("回避");
    assertThat(duties.eligibleRole(principalsOwn, Role.DIRECTOR)).isEqualTo(Role.DIRECTOR);
  }
}
