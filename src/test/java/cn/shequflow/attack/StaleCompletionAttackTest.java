package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.cases.CaseEvent;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.guard.StaleTaskInterceptor;
import cn.shequflow.core.guard.StaleTasks;
import cn.shequflow.core.organisation.OrganisationMapper;
import cn.shequflow.core.process.CaseConflictException;
import cn.shequflow.support.ExtraDirector;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15: a completion that loses a race to 退回, 加签 or 撤回. The director opens the approval
 * task; meanwhile his colleague returns it or adds a signer before it, or the applicant withdraws;
 * then the director presses 完成 on the task he still has open. That task no longer exists: the
 * answer is 409 with a Chinese message (not 404, not an English 403), nothing is written, and no
 * NullPointerException reaches the log. A task id that never existed, or a task the caller never
 * held, stays 404.
 */
@ExtendWith(OutputCaptureExtension.class)
class StaleCompletionAttackTest extends AttackSupport {

  /** A second director of zaozhi: a candidate of the same approval task as zhang.director. */
  static final String VICE = "vice2.zaozhi";

  private static final String DECISION = "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"同意\"}}}";

  @Autowired IdentityService identity;
  @Autowired OrganisationMapper people;
  @Autowired JdbcTemplate jdbc;
  @Autowired Cases cases;

  @BeforeEach
  void vice() {
    new ExtraDirector(identity, people, jdbc).add(VICE, "吴", "zaozhi", true);
  }

  @AfterEach
  void noVice() {
    new ExtraDirector(identity, people, jdbc).remove(VICE);
  }

  /**
   * liu.staff's one-day leave; zhang.director opens its approval task; {@code meanwhile} takes it
   * away; then zhang.director completes the stale task on every route.
   */
  private void staleCompletion(String operation, Consumer<String[]> meanwhile, CapturedOutput output) {
    JsonNode pi = start("liu.staff");
    String id = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    String stale = onlyTask("zhang.director", id);
    assertThat(as("zhang.director").get("/engine-rest/task/" + stale).status())
        .as("the director has the task open").isEqualTo(200);

    meanwhile.accept(new String[] {stale, key});
    assertThat(as("admin").get("/engine-rest/task/" + stale).status()).as("the task is gone").isEqualTo(404);
    List<String> before = timeline(key);
    int logBefore = output.getAll().length();

    WebappSession tasklist = WebappSession.login(port, "zhang.director", "tasklist");
    List<Response> answers = List.of(
        as("zhang.director").postJson("/engine-rest/task/" + stale + "/complete", DECISION),
        as("zhang.director").postJson("/engine-rest/task/" + stale + "/submit-form", DECISION),
        as("zhang.director").postJson("/engine-rest/task/" + stale + "/resolve", DECISION),
        tasklist.post("/camunda/api/engine/engine/default/task/" + stale + "/submit-form", DECISION),
        tasklist.post("/camunda/api/engine/engine/default/task/" + stale + "/complete", DECISION));
    for (Response r : answers) {
      assertThat(r.status()).as(operation + ": " + r.body()).isEqualTo(409);
      assertThat(r.json().path("message").asText()).as(operation).contains("请刷新").containsPattern("\\p{IsHan}")
          .doesNotContainPattern("[A-Za-z]{4,}");
    }
    assertThat(timeline(key)).as("nothing written").isEqualTo(before);
    assertThat(output.getAll().substring(logBefore)).as("log of the stale completions")
        .doesNotContain("NullPointerException");

    // Someone who never held the task learns nothing about it: 404, as for an unknown id.
    Response stranger = as("gao.director").postJson("/engine-rest/task/" + stale + "/complete", DECISION);
    assertThat(stranger.status()).as(stranger.body()).isEqualTo(404);
  }

  private List<String> timeline(String key) {
    return cases.timeline(key).stream().map(e -> e.action() + "/" + e.userId()).toList();
  }

  @Test
  @DisplayName("完成 after a colleague's 退回 of the same task: 409 in Chinese on /engine-rest and Tasklist's API, nothing written")
  void completionAfterReturn(CapturedOutput output) {
    staleCompletion("退回", t -> {
      Response r = as(VICE).post("/api/tasks/" + t[0] + "/return",
          Map.of("targetActivityId", "reviseLeave", "reason", "材料不全，请补充"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }, output);
  }

  @Test
  @DisplayName("完成 after a colleague's 前加签 on the same task: 409 in Chinese, nothing written")
  void completionAfterAddSignerBefore(CapturedOutput output) {
    staleCompletion("加签", t -> {
      Response r = as(VICE).post("/api/tasks/" + t[0] + "/add-signer",
          Map.of("userId", "li.leader", "position", "before", "reason", "请领导先阅"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }, output);
  }

  @Test
  @DisplayName("完成 after the applicant's 撤回: 409 in Chinese, nothing written")
  void completionAfterWithdraw(CapturedOutput output) {
    staleCompletion("撤回", t -> {
      Response r = as("liu.staff").post("/api/cases/" + t[1] + "/withdraw", Map.of("reason", "不请了"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }, output);
  }

  @Autowired org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration;
  @Autowired ObjectProvider<StaleTasks> staleTasks;

  /**
   * What the stale completion of {@code taskId} by zhang.director answers when the engine fails it
   * with {@code failure} because the operation removed the task while the completion ran (its row
   * or its authorizations gone between two reads: an English AuthorizationException, a
   * NullPointerException in a listener that reads the task's execution).
   */
  private RuntimeException raceInsideTheCommand(String taskId, RuntimeException failure) {
    StaleTaskInterceptor interceptor = new StaleTaskInterceptor(staleTasks, configuration);
    interceptor.setNext(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        throw failure;
      }
    });
    configuration.getIdentityService().setAuthentication("zhang.director", List.of("zaozhi-director", "shequ-users"));
    try {
      interceptor.execute(new CompleteTaskCmd(taskId, Map.of("approved", true)));
      throw new AssertionError("the completion did not fail");
    } catch (RuntimeException e) {
      return e;
    } finally {
      configuration.getIdentityService().clearAuthentication();
    }
  }

  @Test
  @DisplayName("完成 racing 退回 inside the engine (a 403 or a null error once the task is gone) is the same 409; while the task is still there the engine's own answer stands")
  void raceInsideTheCommandIsAConflict() {
    JsonNode pi = start("liu.staff");
    String task = onlyTask("zhang.director", pi.get("id").asText());
    AuthorizationException forbidden = new AuthorizationException("zhang.director", "TASK_WORK", "Task", task);
    NullPointerException npe = new NullPointerException("Cannot invoke \"DelegateExecution.getVariableLocal\"");
    assertThat(raceInsideTheCommand(task, forbidden)).as("task still open").isSameAs(forbidden);
    assertThat(raceInsideTheCommand(task, npe)).as("task still open").isSameAs(npe);

    Response returned = as(VICE).post("/api/tasks/" + task + "/return",
        Map.of("targetActivityId", "reviseLeave", "reason", "材料不全，请补充"));
    assertThat(returned.status()).as(returned.body()).isEqualTo(200);
    for (RuntimeException failure : List.of(forbidden, npe, new NullValueException("Cannot find task with id " + task))) {
      assertThat(raceInsideTheCommand(task, failure)).as(failure.getClass().getSimpleName())
          .isInstanceOf(CaseConflictException.class).hasMessageContaining("请刷新");
    }
  }

  @Test
  @DisplayName("完成 of a task id that never existed stays 404, on /engine-rest and Tasklist's API")
  void unknownTaskIs404() {
    for (Response r : List.of(
        as("zhang.director").postJson("/engine-rest/task/no-such-task/complete", DECISION),
        as("zhang.director").postJson("/engine-rest/task/no-such-task/submit-form", DECISION),
        WebappSession.login(port, "zhang.director", "tasklist")
            .post("/camunda/api/engine/engine/default/task/no-such-task/submit-form", DECISION))) {
      assertThat(r.status()).as(r.body()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName("完成 of a task someone else completed first is 409 for a fellow candidate, 404 for a stranger")
  void completionAfterColleagueDecided() {
    JsonNode pi = start("liu.staff");
    String stale = onlyTask("zhang.director", pi.get("id").asText());
    Response first = as(VICE).postJson("/engine-rest/task/" + stale + "/complete", DECISION);
    assertThat(first.status()).as(first.body()).isEqualTo(204);
    Response late = as("zhang.director").postJson("/engine-rest/task/" + stale + "/complete", DECISION);
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(late.json().path("message").asText()).contains("请刷新");
    assertThat(as("gao.director").postJson("/engine-rest/task/" + stale + "/complete", DECISION).status())
        .isEqualTo(404);
    assertThat(cases.timeline(pi.get("businessKey").asText()).stream().map(CaseEvent::userId))
        .doesNotContain("zhang.director");
  }
}
