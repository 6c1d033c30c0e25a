package cn.shequflow.core.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Listener of the "revise or withdraw" tasks: on create it forgets an earlier choice, on complete
 * it insists on {@code resubmit} (Boolean), so that a request is never resubmitted or withdrawn
 * by default.
 */
@Component("resubmitChoice")
public class ResubmitChoice implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().getProcessInstance().removeVariable("resubmit");
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Inputs.of(task).requiredBoolean("resubmit", "是否重新提交（resubmit）");
    }
  }
}
