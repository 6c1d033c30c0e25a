package cn.shequflow.core.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The columns of the Tasklist filters, the same for every family, from the case register. Tasklist
 * reads them as variables of the listed tasks, and a candidate may read a task's own variables but
 * not the process instance's, so every user task copies them into task-local variables when it is
 * created, under names no form submits ({@code list*}).
 */
public class TaskListColumns extends AbstractBpmnParseListener implements TaskListener {

  /** Column variable → label and how it is read from the case. */
  public record Column(String name, String label, Function<CaseRecord, String> value) {}

  public static final List<Column> COLUMNS = List.of(
      new Column("listNo", "编号", CaseRecord::businessKey),
      new Column("listApplicant", "申请人", CaseRecord::applicantName),
      new Column("listCommunity", "社区", CaseRecord::communityName),
      new Column("listSubject", "事项", CaseRecord::subject));

  private final ObjectProvider<CaseMapper> cases;

  public TaskListColumns(ObjectProvider<CaseMapper> cases) {
    this.cases = cases;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    CaseRecord record = key == null ? null : cases.getObject().find(key);
    if (record == null) {
      return;
    }
    for (Column column : COLUMNS) {
      String value = column.value().apply(record);
      if (value != null) {
        task.setVariableLocal(column.name(), value);
      }
    }
  }

  /** The {@code variables} property of a Tasklist filter. */
  public static List<Map<String, String>> filterVariables() {
    return COLUMNS.stream().map(c -> {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("label", c.label());
      return m;
    }).toList();
  }
}
