package cn.shequflow.core.guard;

import static cn.shequflow.core.guard.Refusals.field;

import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.CaseConflictException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A claimed task is done by the person who claimed it: another candidate completing it (REST
 * {@code complete}, {@code submit-form}, {@code resolve}, Tasklist) gets 409 and nothing is written.
 */
@Component
@Order(5)
public class TaskHolderGuard implements CommandGuard {

  private final TaskService tasks;
  private final Organisation organisation;

  public TaskHolderGuard(TaskService tasks, Organisation organisation) {
    this.tasks = tasks;
    this.organisation = organisation;
  }

  @Override
  public void check(Command<?> command, Caller caller) {
    if (!(command instanceof CompleteTaskCmd) && !(command instanceof SubmitTaskFormCmd)) {
      return;
    }
    String taskId = field(command, "taskId");
    Task task = taskId == null ? null : GuardLookups.visibleTask(tasks, taskId);
    if (task != null && task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
      throw new CaseConflictException("该任务已由" + organisation.displayName(task.getAssignee()) + "认领，只能由其办理");
    }
  }
}
