package cn.shequflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.ProcessTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10: task and activity names never show raw {@code ${...}} — not in Cockpit's diagrams,
 * not in the history. The BPMN names are static; the runtime detail comes from {@code taskTitle}
 * ({@link TaskTitles}).
 */
class TaskTitlesTest extends ProcessTestSupport {

  @Autowired RepositoryService repository;

  @Test
  @DisplayName("issue 10: no deployed process definition has a flow element or process name with ${")
  void noExpressionInAnyDeployedName() {
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().list();
    assertThat(definitions).isNotEmpty();
    List<String> offending = new ArrayList<>();
    int taskTitles = 0;
    for (ProcessDefinition definition : definitions) {
      if (definition.getName() != null && definition.getName().contains("${")) {
        offending.add(definition.getKey());
      }
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element.getName() != null && element.getName().contains("${")) {
          offending.add(definition.getKey() + "/" + element.getId() + " " + element.getName());
        }
      }
      for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
        if (TaskTitles.PROPERTY.equals(property.getCamundaName())) {
          taskTitles++;
          assertThat(property.getParentElement().getParentElement().getParentElement())
              .as("taskTitle belongs to a user task").isInstanceOf(UserTask.class);
        }
      }
    }
    assertThat(offending).as("names with ${").isEmpty();
    assertThat(taskTitles).as("user tasks with a detailed runtime name").isGreaterThan(0);
  }

  @Test
  @DisplayName("issue 10: the runtime task is named <static name>：<taskTitle>, the activity keeps the static name")
  void runtimeNameIsStaticNamePlusTitle() {
    var instance = startAs("chen.staff", "leave-request", java.util.Map.of(
        "leaveType", "personal",
        "startDate", "2026-12-01",
        "endDate", "2026-12-03",
        "days", 3,
        "reason", "家中有事"));
    var task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("approveLeave")
        .list().get(0);
    assertThat(task.getName()).startsWith("审批请假：").endsWith("（3天）").doesNotContain("${");
    var activity = engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).activityId("approveLeave").list().get(0);
    assertThat(activity.getActivityName()).isEqualTo("审批请假");
  }
}
