package cn.shequflow.core.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of approval tasks: forgets the previous approver's {@code approved} and
 * {@code comment}, so every approver has to decide for himself and an earlier "yes" is never
 * carried into the next step.
 */
@Component("clearDecision")
public class ClearDecision implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.getExecution().getProcessInstance().removeVariables(java.util.List.of("approved", "comment"));
  }
}
