package cn.shequflow.core.security;

import cn.shequflow.core.guard.Caller;
import cn.shequflow.core.guard.CommandGuard;
import cn.shequflow.core.guard.Refusals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A task that belongs to a process (or case) is done in the process, never deleted on its own: the
 * engine refuses it too, but as a server error. A person below admin gets 403, whether or not they
 * can see the task; the administrators get 400 from {@link EngineRestErrors}.
 */
@Component
public class ProcessTaskDeletionGuard implements CommandGuard {

  static final String REFUSED = "流程中的任务不能删除，只能在流程中办理。";

  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;

  public ProcessTaskDeletionGuard(ObjectProvider<ProcessEngineConfigurationImpl> engine) {
    this.engine = engine;
  }

  @Override
  public void check(Command<?> command, Caller caller) {
    if (!(command instanceof DeleteTaskCmd)) {
      return;
    }
    List<String> ids = new ArrayList<>();
    String taskId = Refusals.field(command, "taskId");
    Collection<String> taskIds = Refusals.field(command, "taskIds");
    if (taskId != null) {
      ids.add(taskId);
    }
    if (taskIds != null) {
      ids.addAll(taskIds);
    }
    boolean inProcess = engine.getObject().getCommandExecutorTxRequired().execute(context -> {
      // Whether the caller may see the task or not: the answer must not depend on it.
      context.disableAuthorizationCheck();
      try {
        for (String id : ids) {
          TaskEntity task = id == null ? null : context.getTaskManager().findTaskById(id);
          if (task != null && (task.getExecutionId() != null || task.getCaseExecutionId() != null)) {
            return true;
          }
        }
        return false;
      } finally {
        context.enableAuthorizationCheck();
      }
    });
    if (inProcess) {
      throw Refusals.forbidden(REFUSED);
    }
  }
}
