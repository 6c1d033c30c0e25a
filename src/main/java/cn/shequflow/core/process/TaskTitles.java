package cn.shequflow.core.process;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Task names without raw {@code ${...}} (issue 10). A user task's {@code name} in the BPMN file is
 * static Chinese ({@code 审批请假}), which Cockpit, the Modeler and the history show; the detail a
 * Tasklist user needs to tell two tasks apart is the extension property {@code taskTitle}, an
 * expression such as {@code ${applicantName}（${daysLabel}天）}. This parse listener makes the task
 * created at runtime be named {@code <name>：<taskTitle>} ({@code 审批请假：刘某（3天）}): the one
 * place where that rule lives.
 */
public class TaskTitles extends AbstractBpmnParseListener {

  /** The extension property holding the detail of a task's runtime name. */
  public static final String PROPERTY = "taskTitle";
  /** Between the static name and the detail. */
  public static final String SEPARATOR = "：";

  private final ProcessEngineConfigurationImpl configuration;

  public TaskTitles(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    String title = title(userTaskElement);
    if (title == null || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
      return;
    }
    String name = userTaskElement.attribute("name");
    String runtimeName = name == null || name.isBlank() ? title : name + SEPARATOR + title;
    TaskDefinition definition = behavior.getTaskDefinition();
    definition.setNameExpression(configuration.getExpressionManager().createExpression(runtimeName));
  }

  /** The {@code camunda:property name="taskTitle"} of a user task, or null. */
  static String title(Element userTaskElement) {
    Element extensions = userTaskElement.element("extensionElements");
    if (extensions == null) {
      return null;
    }
    Element properties = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return null;
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      if (PROPERTY.equals(property.attribute("name"))) {
        String value = property.attribute("value");
        return value == null || value.isBlank() ? null : value;
      }
    }
    return null;
  }
}
