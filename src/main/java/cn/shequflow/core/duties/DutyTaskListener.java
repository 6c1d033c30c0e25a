package cn.shequflow.core.duties;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Puts {@link SeparationOfDuties} on every user task of every model, before the model's own
 * listeners: a deciding task is never assigned to (claimed by, handed to) a party of its case, and
 * never completed by one, whatever route the command came by (REST, Tasklist, the product's own
 * operations). The refusal is thrown inside the command, so nothing of it is written.
 */
public class DutyTaskListener extends AbstractBpmnParseListener implements TaskListener {

  private final ObjectProvider<SeparationOfDuties> duties;
  private final ObjectProvider<Cases> cases;
  private final ObjectProvider<CurrentUser> currentUser;

  public DutyTaskListener(ObjectProvider<SeparationOfDuties> duties, ObjectProvider<Cases> cases,
      ObjectProvider<CurrentUser> currentUser) {
    this.duties = duties;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this);
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    CaseRecord record = key == null ? null : cases.getObject().get(key);
    if (record == null) {
      return;
    }
    String processKey = task.getProcessDefinitionId().split(":")[0];
    String user = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())
        ? task.getAssignee() : currentUser.getObject().id();
    duties.getObject().checkMayDecide(user, record, processKey, task.getTaskDefinitionKey(), task.getName());
  }
}
