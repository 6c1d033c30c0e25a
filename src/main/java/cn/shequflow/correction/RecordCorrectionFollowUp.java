package cn.shequflow.correction;

import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code chaseReport} (CC-1): what the justice office did about a missed
 * report (called, visited, found the person …) goes onto the timeline; it is required.
 */
@Component("recordCorrectionFollowUp")
public class RecordCorrectionFollowUp implements TaskListener {

  public static final int MAX_NOTE = 1000;

  private final Cases cases;
  private final CurrentUser currentUser;

  public RecordCorrectionFollowUp(Cases cases, CurrentUser currentUser) {
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String note = Inputs.of(task).requiredText(CorrectionVariables.FOLLOW_UP_NOTE, "核查处置情况", MAX_NOTE);
    cases.event(task.getExecution().getProcessBusinessKey(), currentUser.id(), CorrectionActions.CHASED, task.getName(),
        null, note);
  }
}
