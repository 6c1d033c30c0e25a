package cn.shequflow.expense.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.process.Clock;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly report end to end over HTTP as the demo users: the schedule's timer fires on
 * 1 December 2026 (driven here, as the job executor would), then the director works the
 * disclosure through {@code /engine-rest} and reads the case and the reports under {@code /api}.
 */
class ExpenseMonthlyRestTest extends RestTestSupport {

  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired CaseMapper caseMapper;

  @AfterEach
  void resetClock() {
    cn.shequflow.support.TestClock.reset();
  }

  private void setClock(LocalDateTime beijingTime) {
    ClockUtil.setCurrentTime(Clock.toDate(beijingTime));
  }

  private ProcessInstance fireAndFind(String communityId) {
    Job timer = management.createJobQuery().processDefinitionKey("expense-monthly").timers().singleResult();
    management.executeJob(timer.getId());
    management.createJobQuery().processDefinitionKey("expense-monthly").messages().list()
        .forEach(job -> management.executeJob(job.getId()));
    return runtime.createProcessInstanceQuery().processDefinitionKey("expense-monthly-report").list().stream()
        .filter(pi -> communityId.equals(caseMapper.find(pi.getBusinessKey()).communityId()))
        .filter(pi -> runtime.getVariable(pi.getId(), "monthLabel").equals("2026年11月"))
        .findFirst().orElseThrow();
  }

  private List<JsonNode> tasks(String user, String processInstanceId) {
    Response r = as(user).get("/engine-rest/task?processInstanceId=" + processInstanceId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.json().forEach(list::add);
    return list;
  }

  private JsonNode onlyTask(String user, String processInstanceId, String definitionKey) {
    List<JsonNode> matching = tasks(user, processInstanceId).stream()
        .filter(t -> t.get("taskDefinitionKey").asText().equals(definitionKey)).toList();
    assertThat(matching).as("%s for %s", definitionKey, user).hasSize(1);
    return matching.get(0);
  }

  @Test
  @DisplayName("EX-8 over REST: taking the disclosure down on day 9 is 400 naming takenDownOn and the task stays; day 10 is 204. "
      + "ORG-5: taiping's director neither sees the tasks nor the case (404) nor the report")
  void disclosureOverRest() {
    setClock(LocalDateTime.of(2026, 12, 1, 8, 0));
    ProcessInstance zaozhi = fireAndFind("zaozhi");
    String id = zaozhi.getId();
    String key = zaozhi.getBusinessKey();
    assertThat(tasks("gao.director", id)).isEmpty();
    assertThat(tasks("ma.staff", id)).isEmpty();

    JsonNode post = onlyTask("zhang.director", id, "postDisclosure");
    assertThat(post.get("name").asText()).isEqualTo("财务公开：2026年11月");
    Response wrong = as("gao.director").post("/engine-rest/task/" + post.get("id").asText() + "/complete",
        RestClient.variables(Map.of("postedOn", "2026-12-01")));
    assertThat(wrong.status()).isEqualTo(403);
    Response posted = as("zhang.director").post("/engine-rest/task/" + post.get("id").asText() + "/complete",
        RestClient.variables(Map.of("postedOn", "2026-12-01")));
    assertThat(posted.status()).as(posted.body()).isEqualTo(204);

    setClock(LocalDateTime.of(2026, 12, 10, 16, 0));
    String takeDown = onlyTask("zhang.director", id, "takeDownDisclosure").get("id").asText();
    Response early = as("zhang.director").post("/engine-rest/task/" + takeDown + "/complete",
        RestClient.variables(Map.of("takenDownOn", "2026-12-10")));
    assertThat(early.status()).as(early.body()).isEqualTo(400);
    assertThat(early.json().get("type").asText()).isEqualTo("InvalidInputException");
    assertThat(early.json().get("field").asText()).isEqualTo("takenDownOn");
    assertThat(early.json().get("message").asText()).contains("至少公示 10 天", "最早 2026-12-11", "只公示了 9 天");
    assertThat(as("zhang.director").get("/engine-rest/task/" + takeDown).status()).isEqualTo(200);

    setClock(LocalDateTime.of(2026, 12, 11, 9, 0));
    Response done = as("zhang.director").post("/engine-rest/task/" + takeDown + "/complete",
        RestClient.variables(Map.of("takenDownOn", "2026-12-11")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);

    assertThat(as("gao.director").get("/api/cases/" + key).status()).isEqualTo(404);
    assertThat(as("gao.director").get("/api/cases/" + key + "/timeline").status()).isEqualTo(404);
    assertThat(as("gao.director").get("/api/expenses/monthly-reports/" + key).status()).isEqualTo(404);
    Response mine = as("gao.director").get("/api/expenses/monthly-reports?month=2026-11");
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    List<String> communities = new ArrayList<>();
    mine.json().forEach(r -> communities.add(r.get("communityId").asText()));
    assertThat(communities).containsExactly("taiping");
    assertThat(as("ma.staff").get("/api/expenses/monthly-reports").status()).isEqualTo(403);

    JsonNode c = as("zhang.director").get("/api/cases/" + key).json();
    assertThat(c.get("subject").asText()).isEqualTo("造纸社区 2026年11月 报账与财务公开");
    assertThat(c.get("applicantName").asText()).isEqualTo("系统");
    assertThat(c.get("familyLabel").asText()).isEqualTo("月度报账与财务公开");
    JsonNode report = as("zhang.director").get("/api/expenses/monthly-reports/" + key).json().get("report");
    assertThat(report.get("postedOn").asText()).isEqualTo("2026-12-01");
    assertThat(report.get("takenDownOn").asText()).isEqualTo("2026-12-11");
    assertThat(report.get("monthLabel").asText()).isEqualTo("2026年11月");
    List<String> actions = new ArrayList<>();
    as("zhang.director").get("/api/cases/" + key + "/timeline").json().forEach(e -> actions.add(e.get("actionLabel").asText()));
    assertThat(actions).containsExactly("系统建立", "张贴公示", "撤下公示");
  }
}
