package cn.shequflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.cases.CaseEvent;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the process tests: the whole application (real delegates, DMN, organisation, ledger)
 * on the test database, authorization on, the job executor off (tests drive timers), the engine
 * clock fixed, and process test coverage recorded under target/process-test-coverage.
 * Users act as themselves: {@link #startAs} and {@link #completeAs} run with that user's
 * identity, so the engine's authorization checks apply exactly as over REST.
 */
@SpringBootTest
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessTestSupport {

  /** Monday 23 November 2026, 09:00 in Beijing. */
  public static final LocalDateTime DEFAULT_NOW = LocalDateTime.of(2026, 11, 23, 9, 0);

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected IdentityService identity;
  @Autowired protected ManagementService management;
  @Autowired private Cases register;
  @Autowired private cn.shequflow.core.files.RequiredAttachments requiredAttachments;
  @Autowired private cn.shequflow.core.files.CaseFiles caseFiles;

  @BeforeEach
  void initEngineForAssertions() {
    BpmnAwareTests.init(engine);
    setClock(DEFAULT_NOW);
  }

  @AfterEach
  void resetEngine() {
    identity.clearAuthentication();
    cn.shequflow.support.TestClock.reset();
  }

  protected void setClock(LocalDateTime beijingTime) {
    ClockUtil.setCurrentTime(cn.shequflow.core.process.Clock.toDate(beijingTime));
  }

  protected ProcessInstance startAs(String userId, String processKey, Map<String, Object> variables) {
    return as(userId, () -> runtime.startProcessInstanceByKey(processKey, variables));
  }

  /**
   * Completes the task as {@code userId}. A completion the policy of required attachments asks a file
   * for (rules sickLeaveCertificate, voucherInvoice: processes/files/required-attachments.dmn, on by
   * default) first gets that file, added by the same user on the task, as a Tasklist user would
   * attach it; the rule itself is tested in CaseFilesRestTest and the browser test 12-files.
   */
  protected void completeAs(String userId, Task task, Map<String, Object> variables) {
    attachRequired(userId, task, variables);
    as(userId, () -> {
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  /** Adds, as {@code userId} on the task, the file the policy requires for this completion, if any is missing. */
  protected void attachRequired(String userId, Task task, Map<String, Object> variables) {
    ProcessInstance instance = task.getProcessInstanceId() == null ? null
        : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    String key = instance == null ? null : instance.getBusinessKey();
    CaseRecord c = key == null ? null : register.get(key);
    if (c == null || task.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING) {
      return;
    }
    boolean approved = variables != null && Boolean.TRUE.equals(variables.get("approved"));
    requiredAttachments.missing(c, task.getTaskDefinitionKey(), approved).ifPresent(r -> caseFiles.add(userId, key,
        new cn.shequflow.core.files.CaseFiles.Upload(r.kind() + ".png", TINY_PNG.length, TINY_PNG, task.getId(),
            r.kind(), null, null)));
  }

  /** A 1×1 PNG. */
  private static final byte[] TINY_PNG = java.util.Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  /** The open tasks of an instance that {@code userId} can see (authorization applies). */
  protected List<Task> visibleTo(String userId, ProcessInstance instance) {
    return as(userId, () -> tasks.createTaskQuery().processInstanceId(instance.getId()).list());
  }

  /** The single task {@code userId} can see in the instance. */
  protected Task onlyTaskFor(String userId, ProcessInstance instance) {
    List<Task> visible = visibleTo(userId, instance);
    assertThat(visible).as("tasks of %s visible to %s", instance.getBusinessKey(), userId).hasSize(1);
    return visible.get(0);
  }

  protected <T> T as(String userId, java.util.function.Supplier<T> action) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The candidate groups of a task. */
  protected List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  /** The instance's case in the register. */
  protected CaseRecord caseOf(ProcessInstance pi) {
    return register.get(pi.getBusinessKey());
  }

  /** The actions on the instance's case timeline, oldest first. */
  protected List<String> actions(ProcessInstance pi) {
    return register.timeline(pi.getBusinessKey()).stream().map(CaseEvent::action).toList();
  }
}
