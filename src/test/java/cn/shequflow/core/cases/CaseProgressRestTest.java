package cn.shequflow.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: after 完成 the inbox says where the case went, from {@code GET /api/cases/{key}/progress}
 * (status and open tasks with who holds them), for those who may see the case only.
 */
class CaseProgressRestTest extends RestTestSupport {

  String onlyTask(String user, String processInstanceId) {
    Response r = as(user).get("/engine-rest/task?processInstanceId=" + processInstanceId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().size()).as(r.body()).isEqualTo(1);
    return r.json().get(0).get("id").asText();
  }

  @Test
  @DisplayName("the applicant sees his request waiting for the director's role, then back with him, then closed")
  void progressFollowsTheCase() {
    JsonNode instance = start("liu.staff", leave(1));
    String pid = instance.get("id").asText();
    String key = instance.get("businessKey").asText();

    Response waiting = as("liu.staff").get("/api/cases/" + key + "/progress");
    assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);
    assertThat(waiting.json().get("statusLabel").asText()).isEqualTo("审批中");
    assertThat(waiting.json().get("closed").asBoolean()).isFalse();
    JsonNode open = waiting.json().get("openTasks");
    assertThat(open.size()).isEqualTo(1);
    assertThat(open.get(0).get("assigneeName").isNull()).isTrue();
    assertThat(open.get(0).get("roles").get(0).asText()).isEqualTo("造纸社区居委会主任");

    String approval = onlyTask("zhang.director", pid);
    assertThat(as("zhang.director").post("/engine-rest/task/" + approval + "/complete",
        RestClient.variables(Map.of("approved", false, "comment", "时间冲突"))).status()).isEqualTo(204);
    JsonNode back = as("zhang.director").get("/api/cases/" + key + "/progress").json();
    assertThat(back.get("statusLabel").asText()).isEqualTo("已退回");
    assertThat(back.get("openTasks").get(0).get("assigneeName").asText()).isEqualTo("刘洋");

    String revise = onlyTask("liu.staff", pid);
    assertThat(as("liu.staff").post("/engine-rest/task/" + revise + "/complete",
        RestClient.variables(Map.of("resubmit", false))).status()).isEqualTo(204);
    JsonNode closed = as("liu.staff").get("/api/cases/" + key + "/progress").json();
    assertThat(closed.get("closed").asBoolean()).isTrue();
    assertThat(closed.get("openTasks").size()).isZero();
  }

  @Test
  @DisplayName("a case of another community is not found (ORG-5), nor is an unknown key")
  void othersSeeNothing() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    Response other = as("gao.director").get("/api/cases/" + key + "/progress");
    assertThat(other.status()).as(other.body()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("审批中");
    assertThat(as("liu.staff").get("/api/cases/LV-2026-999999/progress").status()).isEqualTo(404);
  }
}
