package cn.shequflow.core.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The columns of the Tasklist filters. Tasklist reads them as variables of the listed tasks, and
 * a user who may see a task (READ on the task, as every candidate has) may read the task's own
 * variables but not the process instance's. So every user task copies the column values into
 * task-local variables when it is created, under names of their own ({@code list*}) that no form
 * submits, so a submitted form always updates the process variables.
 */
public class TaskListColumns extends AbstractBpmnParseListener implements TaskListener {

  /** Column variable → label and the process variables it is taken from, first present wins. */
  public record Column(String name, String label, List<String> sources) {}

  public static final List<Column> COLUMNS = List.of(
      new Column("listNo", "编号", List.of("requestNo")),
      new Column("listApplicant", "申请人", List.of("applicantName")),
      new Column("listCommunity", "社区", List.of("communityName")),
      new Column("listType", "类型", List.of("leaveTypeLabel")),
      new Column("listDays", "天数", List.of("daysLabel")),
      new Column("listStart", "开始日期", List.of("startDate")),
      new Column("listEnd", "结束日期", List.of("endDate")));

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    for (Column column : COLUMNS) {
      for (String source : column.sources()) {
        Object value = task.getVariable(source);
        if (value != null) {
          task.setVariableLocal(column.name(), value);
          break;
        }
      }
    }
  }

  /** The {@code variables} property of a Tasklist filter. */
  static List<Map<String, String>> filterVariables() {
    return COLUMNS.stream().map(c -> {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("label", c.label());
      return m;
    }).toList();
  }
}
