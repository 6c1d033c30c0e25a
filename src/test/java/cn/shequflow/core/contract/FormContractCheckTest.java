package cn.shequflow.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.support.ProcessTestSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every deployed process against its contract: each start event a person fills in and each user
 * task names a form that exists (a timer start event, and the start of a family nobody may start,
 * need none); each form lets a person write exactly what the family's Java reads from it
 * ({@link FormInputs}); and the contract built from each form refuses a variable it does not declare.
 */
class FormContractCheckTest extends ProcessTestSupport {

  @Autowired RepositoryService repository;
  @Autowired List<FormInputs> formInputs;
  @Autowired List<CaseFamily> families;
  @Autowired ObjectMapper json;

  private Map<String, FormContract> deployedForms() throws Exception {
    Map<String, FormContract> forms = new HashMap<>();
    for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
      try (InputStream in = r.getInputStream()) {
        FormContract contract = FormContract.parse(json.readTree(in));
        forms.put(contract.formId(), contract);
      }
    }
    return forms;
  }

  @Test
  @DisplayName("Every form of every process declares exactly the inputs its family reads, and refuses anything else")
  void everyTaskMatchesItsContract() throws Exception {
    Map<String, FormContract> forms = deployedForms();
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion().list();
    assertThat(definitions).isNotEmpty();
    int checked = 0;
    for (ProcessDefinition definition : definitions) {
      FormInputs declared = formInputs.stream().filter(f -> f.processKey().equals(definition.getKey())).findFirst()
          .orElseThrow(() -> new AssertionError("No FormInputs for process " + definition.getKey()));
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      CaseFamily family = families.stream().filter(f -> f.processKey().equals(definition.getKey())).findFirst()
          .orElse(null);
      if (startedByTimerOnly(model)) {
        // A schedule: the product starts it, so it opens no case itself (the processes it starts do)
        // and gives no person a task.
        assertThat(model.getModelElementsByType(UserTask.class)).as("user tasks of the schedule %s", definition.getKey())
            .isEmpty();
      } else {
        assertThat(family).as("a case family for %s", definition.getKey()).isNotNull();
      }
      Set<String> used = new LinkedHashSet<>();
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        String formRef = node instanceof UserTask t ? t.getCamundaFormRef()
            : node instanceof StartEvent s ? s.getCamundaFormRef() : null;
        if (node instanceof UserTask || node instanceof StartEvent s && s.getParentElement() instanceof
            org.camunda.bpm.model.bpmn.instance.Process && startedByPeople(s, family)) {
          assertThat(formRef).as("%s / %s has a form", definition.getKey(), node.getId()).isNotNull();
        }
        if (formRef == null) {
          continue;
        }
        used.add(formRef);
        FormContract contract = forms.get(formRef);
        assertThat(contract).as("form %s of %s / %s is deployed", formRef, definition.getKey(), node.getId()).isNotNull();
        assertThat(contract.inputs()).as("inputs of form %s (%s / %s)", formRef, definition.getKey(), node.getId())
            .containsExactlyInAnyOrderElementsOf(declared.byForm().getOrDefault(formRef, Set.of()));
        assertThatThrownBy(() -> contract.accept(Map.of("undeclaredVariable", 1)))
            .as("%s refuses an undeclared variable", formRef)
            .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("undeclaredVariable");
        checked++;
      }
      assertThat(used).as("forms %s declares for %s", declared.byForm().keySet(), definition.getKey())
          .containsExactlyInAnyOrderElementsOf(declared.byForm().keySet());
    }
    assertThat(checked).isGreaterThanOrEqualTo(7);
  }

  /** Every start event of the process is a timer: only the product starts it. */
  private static boolean startedByTimerOnly(BpmnModelInstance model) {
    List<StartEvent> starts = model.getModelElementsByType(StartEvent.class).stream()
        .filter(s -> s.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process).toList();
    return !starts.isEmpty() && starts.stream().allMatch(FormContractCheckTest::isTimer);
  }

  private static boolean isTimer(StartEvent start) {
    return start.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition);
  }

  /**
   * Whether a person fills in this start event, so it needs a form. Not a timer start event, and not
   * the start of a family nobody may start (no starters: the product starts it, see
   * {@code OpenCase.openSystemCase}).
   */
  private static boolean startedByPeople(StartEvent start, CaseFamily family) {
    return !isTimer(start) && !(family != null && family.starters().isEmpty());
  }

  @Test
  @DisplayName("A contract drops read-only fields, checks types and limits, and fills required fields from current values")
  void contractSemantics() throws Exception {
    FormContract revise = deployedForms().get("leave-revise");
    Map<String, Object> submitted = new HashMap<>(Map.of("returnComment", "改过的意见", "resubmit", false));
    assertThat(revise.accept(submitted, key -> "current")).containsOnlyKeys("resubmit");
    assertThatThrownBy(() -> revise.accept(Map.of("resubmit", false)))
        .as("required, with no current value").isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> revise.accept(Map.of("days", "two"), k -> "x"))
        .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("days");
    assertThatThrownBy(() -> revise.accept(Map.of("days", 400), k -> "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("366");
    assertThatThrownBy(() -> revise.accept(Map.of("leaveType", "holiday"), k -> "x"))
        .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("leaveType");
    assertThatThrownBy(() -> revise.accept(Map.of("resubmit", "true"), k -> "x"))
        .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("resubmit");
    assertThatThrownBy(() -> revise.accept(Map.of("startDate", "2026-12-07X"), k -> "x"))
        .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("startDate");
    assertThatThrownBy(() -> revise.accept(Map.of("reason", "😀".repeat(251)), k -> "x"))
        .as("500 UTF-16 units, as H2 and form-js count").isInstanceOf(InvalidInputException.class);
    assertThat(revise.accept(Map.of("reason", "😀".repeat(250)), k -> "x")).containsKey("reason");
  }
}
