package cn.shequflow.core.guard;

import java.util.List;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A person's completion ({@code complete}, {@code resolve}, {@code submit-form}, on every route) of
 * a task that is gone: {@link StaleTasks} decides whether that is a conflict (409) or an unknown id
 * (the engine's own "Cannot find task", 404). Registered by {@code EnginePlugin} outside the guards,
 * so it sees the engine's answer however late the task went (before the guards ran, or while the
 * command waited for the operation that removed it).
 */
public class StaleTaskInterceptor extends CommandInterceptor {

  private final ObjectProvider<StaleTasks> staleTasks;
  private final ProcessEngineConfigurationImpl engine;

  public StaleTaskInterceptor(ObjectProvider<StaleTasks> staleTasks, ProcessEngineConfigurationImpl engine) {
    this.staleTasks = staleTasks;
    this.engine = engine;
  }

  @Override
  public <T> T execute(Command<T> command) {
    boolean completion = Context.getCommandContext() == null
        && (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd);
    try {
      return next.execute(command);
    } catch (NullValueException notFound) {
      if (!completion || Trusted.active()) {
        throw notFound;
      }
      Authentication auth = engine.getIdentityService().getCurrentAuthentication();
      if (auth == null) {
        throw notFound;
      }
      String taskId = Refusals.field(command, "taskId");
      Caller caller = new Caller(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
      throw staleTasks.getObject().conflict(taskId, caller).map(RuntimeException.class::cast).orElse(notFound);
    }
  }
}
