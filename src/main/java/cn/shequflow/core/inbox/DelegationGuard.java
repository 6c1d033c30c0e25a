package cn.shequflow.core.inbox;

import cn.shequflow.core.guard.GuardLookups;
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
 * is 409 with a plain message instead of the engine's error, and nothing is written. Conversely only
 * a delegated task is resolved: Camunda's {@code resolve} of any other task gives it to its owner —
 * usually nobody, so the applicant's own task would be left to no one — and is 409 too.
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
    if (!(command instanceof CompleteTaskCmd)) {
      return;
    }
    String taskId = field(command, "taskId");
    Task task = taskId == null ? null : GuardLookups.visibleTask(tasks, taskId);
    if (task == null) {
      return; // gone or not visible: the engine answers
    }
    boolean pending = task.getDelegationState() == DelegationState.PENDING;
    if (command instanceof ResolveTaskCmd) {
      if (!pending) {
        // Camunda's resolve of a task nobody delegated hands it to its owner, usually nobody: an
        // unclaim that the hand-on rules refuse (the applicant's own task would be left to no one)
        // and that leaves the form's values behind for the next person.
        throw new CaseConflictException("该任务不是委派给您处理的，无需交回；请直接办理（完成）");
      }
      return;
    }
    if (pending) {
      throw new CaseConflictException("该任务是委派给您处理的：请提交处理意见（表单“完成”或 resolve），任务将交回委派人决定");
    }
  }
}
