package cn.shequflow.expense;

import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of {@code remindReturn} (督促归还): what the director did goes onto the timeline. */
@Component("recordPropertyLoanFollowUp")
public class PropertyLoanFollowUp implements TaskListener {

  public static final int MAX_NOTE = 1000;

  private final Cases cases;
  private final CurrentUser currentUser;

  public PropertyLoanFollowUp(Cases cases, CurrentUser currentUser) {
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getExecution().getProcessBusinessKey();
    String note = Inputs.of(task).optionalText(PropertyLoanVariables.OVERDUE_NOTE, "督促情况", MAX_NOTE);
    cases.event(key, currentUser.id(), "chased", task.getName(), null, note);
  }
}
