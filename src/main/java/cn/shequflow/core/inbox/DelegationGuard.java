package cn.shequflow.core.inbox;

import static cn.shequflow.core.guard.Refusals.field;

import cn.shequflow.core.guard.Caller;
import cn.shequflow.core.guard.CommandGuard;
import cn.shequflow.core.process.CaseConflictException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 委派: a delegated task (PENDING) is handed back (Tasklist's 完成 submits the form, which resolves
 * it; REST {@code resolve}), never completed by the delegate: REST {@code complete} of such a task
 * is 409 with a plain message instead of the engine's error, and nothing is written.
 */
@Component
@Order(6)
public class DelegationGuard implements CommandGuard {

  private final TaskService tasks;

  public DelegationGuard(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public void check(Command<?> command, Caller caller) {
    if (!(command instanceof CompleteTaskCmd) || command instanceof ResolveTaskCmd) {
      return;
    }
    String taskId = field(command, "taskId");
    Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task != null && task.getDelegationState() == DelegationState.PENDING) {
      throw new CaseConflictException("该任务是委派给您处理的：请提交处理意见（表单“完成”或 resolve），任务将交回委派人决定");
    }
  }
}
