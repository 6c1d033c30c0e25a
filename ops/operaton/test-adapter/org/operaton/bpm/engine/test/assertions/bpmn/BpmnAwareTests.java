package org.operaton.bpm.engine.test.assertions.bpmn;

import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * Operaton variant only (ops/operaton): the part of camunda-bpm-assert's BpmnAwareTests that the
 * product's tests use, because operaton-bpm-assert is not on the Maven repository the build uses.
 * Same names and meaning: waiting at = among the active activities; passed = a finished historic
 * activity instance; ended = no runtime instance left.
 */
public final class BpmnAwareTests {

  private static ProcessEngine engine;

  private BpmnAwareTests() {
  }

  public static void init(ProcessEngine processEngine) {
    engine = processEngine;
  }

  private static ProcessEngine engine() {
    Assertions.assertThat(engine).as("BpmnAwareTests.init(engine) was not called").isNotNull();
    return engine;
  }

  public static ProcessInstanceAssert assertThat(ProcessInstance actual) {
    return new ProcessInstanceAssert(actual);
  }

  public static TaskAssert assertThat(Task actual) {
    return new TaskAssert(actual);
  }

  /** The one task of the instance. */
  public static Task task(ProcessInstance pi) {
    return engine().getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  /** The one job of the instance. */
  public static Job job(ProcessInstance pi) {
    return engine().getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
  }

  /** The one job of the instance at that activity. */
  public static Job job(String activityId, ProcessInstance pi) {
    return engine().getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(activityId).singleResult();
  }

  public static void execute(Job job) {
    Assertions.assertThat(job).as("job to execute").isNotNull();
    engine().getManagementService().executeJob(job.getId());
  }

  public static final class ProcessInstanceAssert {
    private final ProcessInstance actual;

    ProcessInstanceAssert(ProcessInstance actual) {
      Assertions.assertThat(actual).as("process instance").isNotNull();
      this.actual = actual;
    }

    private boolean ended() {
      return engine().getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(actual.getId()).singleResult() == null;
    }

    private List<String> passed() {
      return engine().getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(actual.getId()).finished().list().stream()
          .map(HistoricActivityInstance::getActivityId).toList();
    }

    public ProcessInstanceAssert isWaitingAt(String... activityIds) {
      Assertions.assertThat(ended()).as("process instance %s has ended", actual.getId()).isFalse();
      Assertions.assertThat(engine().getRuntimeService().getActiveActivityIds(actual.getId()))
          .as("active activities of %s", actual.getId()).contains(activityIds);
      return this;
    }

    public ProcessInstanceAssert hasPassed(String... activityIds) {
      Assertions.assertThat(passed()).as("passed activities of %s", actual.getId()).contains(activityIds);
      return this;
    }

    public ProcessInstanceAssert hasNotPassed(String... activityIds) {
      Assertions.assertThat(passed()).as("passed activities of %s", actual.getId())
          .doesNotContainAnyElementsOf(Arrays.asList(activityIds));
      return this;
    }

    public ProcessInstanceAssert isEnded() {
      Assertions.assertThat(ended()).as("process instance %s has ended", actual.getId()).isTrue();
      return this;
    }

    public ProcessInstanceAssert isNotEnded() {
      Assertions.assertThat(ended()).as("process instance %s has ended", actual.getId()).isFalse();
      return this;
    }
  }

  public static final class TaskAssert {
    private final Task actual;

    TaskAssert(Task actual) {
      Assertions.assertThat(actual).as("task").isNotNull();
      this.actual = actual;
    }

    public TaskAssert hasDefinitionKey(String key) {
      Assertions.assertThat(actual.getTaskDefinitionKey()).as("task definition key").isEqualTo(key);
      return this;
    }

    public TaskAssert isAssignedTo(String userId) {
      Assertions.assertThat(actual.getAssignee()).as("assignee of task %s", actual.getId()).isEqualTo(userId);
      return this;
    }
  }
}
