package cn.shequflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.approval.ApprovalMapper;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseEvent;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers of the tests of the approval operations (退回, 撤回, 加签) over REST as the demo users,
 * with authorization on, and the checks that a case is left consistent: the approval rows, the
 * open tasks, the activity instance tree and the jobs.
 */
public abstract class ApprovalOperationsTestSupport extends RestTestSupport {

  @Autowired protected ApprovalMapper approvalRows;
  @Autowired protected Cases cases;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService taskService;
  @Autowired protected HistoryService historyService;
  @Autowired protected ManagementService management;

  protected JsonNode startProcess(String user, String processKey, Map<String, Object> variables) {
    Response r = as(user).post("/engine-rest/process-definition/key/" + processKey + "/start",
        RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }




  /** The one task {@code user} sees in the instance (asserted). */
  protected JsonNode onlyTask(String user, String processInstanceId) {
    List<JsonNode> t = tasksOf(user, processInstanceId);
    assertThat(t).as("tasks %s sees in %s", user, processInstanceId).hasSize(1);
    return t.get(0);
  }

  protected void complete(String user, String taskId, Map<String, ?> variables) {
    Response r = as(user).post("/engine-rest/task/" + taskId + "/complete", RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  protected void approve(String user, String processInstanceId) {
    complete(user, onlyTaskId(user, processInstanceId), Map.of("approved", true, "comment", "同意"));
  }

  protected List<String> targetIds(String user, String taskId) {
    Response r = as(user).get("/api/tasks/" + taskId + "/return-targets");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    r.json().forEach(t -> {
      assertThat(t.get("name").asText()).isNotBlank().doesNotContain("${");
      ids.add(t.get("targetActivityId").asText());
    });
    return ids;
  }

  protected Response returnTask(String user, String taskId, String target, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("targetActivityId", target);
    body.put("reason", reason);
    return as(user).post("/api/tasks/" + taskId + "/return", body);
  }

  protected Response withdraw(String user, String businessKey, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reason", reason);
    return as(user).post("/api/cases/" + businessKey + "/withdraw", body);
  }

  protected Response addSigner(String user, String taskId, String signer, String position, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", signer);
    body.put("position", position);
    body.put("reason", reason);
    return as(user).post("/api/tasks/" + taskId + "/add-signer", body);
  }

  protected static void ok(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  protected static void refused(Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    if (field != null) {
      assertThat(r.json().get("field").asText()).isEqualTo(field);
    }
    assertThat(r.json().get("message").asText()).as("a Chinese message").containsPattern("\\p{IsHan}");
  }

  protected CaseRecord caseOf(String businessKey) {
    return cases.get(businessKey);
  }

  protected List<ApprovalStep> rows(String businessKey) {
    return approvalRows.all(businessKey);
  }

  protected List<ApprovalStep> round(String businessKey) {
    return approvalRows.round(businessKey, caseOf(businessKey).submission());
  }

  /** The states of the current round's rows, in step order, as "step:state". */
  protected List<String> roundStates(String businessKey) {
    return round(businessKey).stream().map(s -> s.stepNo() + ":" + s.state()).sorted().toList();
  }

  protected List<String> actions(String businessKey) {
    return cases.timeline(businessKey).stream().map(CaseEvent::action).toList();
  }

  /**
   * Nothing is left running wrongly: every leaf of the activity instance tree is a user task with
   * one open task, every active approval row points at an open task of the instance and every
   * open approval task at an active row; no job has failed and no incident is open.
   */
  protected void assertConsistent(String processInstanceId, String businessKey) {
    ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
    assertThat(tree).as("instance %s still runs", processInstanceId).isNotNull();
    List<ActivityInstance> leaves = new ArrayList<>();
    collectLeaves(tree, leaves);
    List<Task> open = taskService.createTaskQuery().processInstanceId(processInstanceId).list();
    assertThat(tree.getChildTransitionInstances()).as("no transition is stuck").isEmpty();
    assertThat(leaves).as("every open activity is a task").allSatisfy(a -> assertThat(a.getActivityType()).isEqualTo("userTask"));
    assertThat(open).hasSameSizeAs(leaves);
    List<String> activeTaskIds = round(businessKey).stream().filter(s -> ApprovalStep.ACTIVE.equals(s.state()))
        .map(ApprovalStep::taskId).sorted().toList();
    List<String> openApprovalTasks = open.stream()
        .filter(t -> runtime.getVariableLocal(t.getExecutionId(), "approvalStepId") != null)
        .map(Task::getId).sorted().toList();
    assertThat(activeTaskIds).as("active approval rows ↔ open approval tasks").isEqualTo(openApprovalTasks);
    assertThat(management.createJobQuery().processInstanceId(processInstanceId).withException().count()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(processInstanceId).count()).isZero();
  }

  /** The instance ended normally (not cancelled), and left no task, job or open approval row. */
  protected void assertEndedNormally(String processInstanceId, String businessKey) {
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
    HistoricProcessInstance h = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    assertThat(h.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(processInstanceId).count()).isZero();
    assertThat(rows(businessKey)).noneSatisfy(s -> assertThat(s.open()).isTrue());
    assertThat(caseOf(businessKey).closedAt()).isNotNull();
  }

  private static void collectLeaves(ActivityInstance instance, List<ActivityInstance> leaves) {
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0) {
        leaves.add(child);
      } else {
        collectLeaves(child, leaves);
      }
    }
  }
}
