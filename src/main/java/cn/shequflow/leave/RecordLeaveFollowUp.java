package cn.shequflow.leave;

import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code arrangeCover} (LV-5) and {@code remindReportBack} (LV-6): who covers
 * the post goes into the register, what was done about a late report-back onto the timeline.
 */
@Component("recordLeaveFollowUp")
public class RecordLeaveFollowUp implements TaskListener {

  private final LeaveRegister register;
  private final Cases cases;
  private final CurrentUser currentUser;

  public RecordLeaveFollowUp(LeaveRegister register, Cases cases, CurrentUser currentUser) {
    this.register = register;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = task.getExecution().getProcessBusinessKey();
    if ("arrangeCover".equals(task.getTaskDefinitionKey())) {
      String cover = Inputs.of(task).requiredText(LeaveVariables.COVER_PERSON, "顶岗人员", 100);
      register.recordCover(key, cover);
      cases.event(key, currentUser.id(), "cover", task.getName(), null, "顶岗人员：" + cover);
    } else {
      String note = Inputs.of(task).optionalText(LeaveVariables.OVERDUE_NOTE, "处理情况", 1000);
      cases.event(key, currentUser.id(), "chased", task.getName(), null, note);
    }
  }
}
