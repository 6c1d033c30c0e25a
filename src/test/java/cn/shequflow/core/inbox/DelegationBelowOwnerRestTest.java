package cn.shequflow.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18 item 5: 委派 to someone of the same unit below the owner (ORG-2 the director's committee,
 * ORG-4 its staff, ORG-5 the case's own community), the decision staying with the owner; 转办 stays
 * with the same post. Refusals (upward, sideways to another unit or community, the applicant)
 * write nothing.
 */
class DelegationBelowOwnerRestTest extends RestTestSupport {

  @Autowired JdbcTemplate jdbc;

  List<String> ids(JsonNode options) {
    List<String> list = new ArrayList<>();
    options.forEach(o -> list.add(o.get("userId").asText()));
    return list;
  }

  List<String> actions(String user, String key) {
    Response r = as(user).get("/api/cases/" + key + "/timeline");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> list = new ArrayList<>();
    r.json().forEach(e -> list.add(e.get("action").asText()));
    return list;
  }

  int notices(String userId, String key) {
    return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and business_key = ?",
        Integer.class, userId, key);
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

  @Test
  @DisplayName("ORG-2/ORG-4/ORG-5: the director delegates a leave approval to a staff member of his community; the staff member gives an opinion, the director decides")
  void directorDelegatesToStaff() {
    JsonNode instance = start("liu.staff", leave(1));
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", pid);

    List<String> delegates = ids(as("zhang.director").get("/api/tasks/" + taskId + "/targets?for=delegate").json());
    assertThat(delegates).contains("chen.staff", "huang.bookkeeper", "he.grid", "lin.grid")
        .doesNotContain("liu.staff", "zhang.director", "zhou.liaison", "gao.director", "ma.staff", "xu.grid",
            "qian.social", "wang.principal", "li.leader");
    // 转办 stays with the same post: nobody below is offered, and naming him is refused
    assertThat(ids(as("zhang.director").get("/api/tasks/" + taskId + "/targets?for=transfer").json()))
        .doesNotContain("chen.staff");
    assertThat(as("zhang.director").post("/api/tasks/" + taskId + "/transfer",
        body("userId", "chen.staff", "reason", "x")).status()).isEqualTo(400);

    Response ok = as("zhang.director").post("/api/tasks/" + taskId + "/delegate",
        body("userId", "chen.staff", "reason", "请核实请假天数"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    JsonNode task = as("chen.staff").get("/engine-rest/task/" + taskId).json();
    assertThat(task.get("assignee").asText()).isEqualTo("chen.staff");
    assertThat(task.get("owner").asText()).isEqualTo("zhang.director");
    assertThat(as("chen.staff").get("/api/cases/" + key).status()).as("the delegate sees the case he is asked about")
        .isEqualTo(200);
    assertThat(notices("chen.staff", key)).isEqualTo(1);

    // the delegate may not decide: complete is 409; his submission hands it back
    assertThat(as("chen.staff").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意"))).status()).isEqualTo(409);
    Response submit = as("chen.staff").post("/engine-rest/task/" + taskId + "/submit-form",
        RestClient.variables(Map.of("approved", true, "comment", "天数无误，建议同意")));
    assertThat(submit.status()).as(submit.body()).isIn(200, 204);
    assertThat(as("zhang.director").get("/engine-rest/task/" + taskId).json().get("assignee").asText())
        .isEqualTo("zhang.director");
    assertThat(actions("liu.staff", key)).containsSubsequence("delegate", "delegate-resolved").doesNotContain("approve");

    Response decide = as("zhang.director").post("/engine-rest/task/" + taskId + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(decide.status()).as(decide.body()).isEqualTo(204);
    assertThat(tasksOf("liu.staff", pid)).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly("reportBack");
  }

  @Test
  @DisplayName("ORG-5: 委派 is refused sideways to another unit or community and to the applicant; nothing is written")
  void refusedSidewaysAndToApplicant() {
    JsonNode instance = start("liu.staff", leave(1));
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    String taskId = onlyTaskId("zhang.director", pid);
    List<String> before = actions("liu.staff", key);
    for (String target : List.of("qian.social", "zhou.liaison", "ma.staff", "gao.director", "liu.staff")) {
      Response r = as("zhang.director").post("/api/tasks/" + taskId + "/delegate", body("userId", target, "reason", "请提意见"));
      assertThat(r.status()).as(target + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo("userId");
      assertThat(r.json().get("message").asText()).containsPattern("\\p{IsHan}");
      assertThat(notices(target, key)).as(target).isZero();
    }
    // the engine's own delegate follows the same rule
    for (String target : List.of("qian.social", "ma.staff", "liu.staff")) {
      assertThat(as("zhang.director").post("/engine-rest/task/" + taskId + "/delegate", body("userId", target)).status())
          .as(target).isEqualTo(403);
    }
    assertThat(actions("liu.staff", key)).isEqualTo(before);
    JsonNode task = as("zhang.director").get("/engine-rest/task/" + taskId).json();
    assertThat(task.get("assignee").isNull()).isTrue();
    assertThat(task.get("owner").isNull()).isTrue();
  }

  @Test
  @DisplayName("ORG-2/ORG-4: 委派 never goes upward: the bookkeeper cannot delegate the voucher to the director; nothing is written")
  void refusedUpward() {
    JsonNode instance = as("liu.staff").post("/engine-rest/process-definition/key/expense-approval/start",
        RestClient.variables(expense(200))).json();
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();
    String approval = onlyTaskId("zhang.director", pid);
    assertThat(as("zhang.director").post("/engine-rest/task/" + approval + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意"))).status()).isEqualTo(204);
    String voucher = onlyTaskId("huang.bookkeeper", pid);
    assertThat(ids(as("huang.bookkeeper").get("/api/tasks/" + voucher + "/targets?for=delegate").json()))
        .doesNotContain("zhang.director");
    List<String> before = actions("liu.staff", key);
    int noticesBefore = notices("zhang.director", key);
    Response r = as("huang.bookkeeper").post("/api/tasks/" + voucher + "/delegate",
        body("userId", "zhang.director", "reason", "请主任核对"));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("userId");
    assertThat(actions("liu.staff", key)).isEqualTo(before);
    assertThat(notices("zhang.director", key)).isEqualTo(noticesBefore);
    assertThat(as("huang.bookkeeper").get("/engine-rest/task/" + voucher).json().get("owner").isNull()).isTrue();
  }
}
