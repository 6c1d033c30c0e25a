package cn.shequflow.core.guard;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;

/**
 * What guards read by id, as the product reads it (no permission check), from the entity cache of
 * the one engine command all guards of a request share ({@link GuardInterceptor}): a task one guard
 * has read (or a query has returned) is not read from the database again
 * (issue 21). Use it only for facts the product itself acts on; what the person may see is still
 * asked of the engine with his own rights.
 */
public final class GuardLookups {

  private GuardLookups() {}

  /** The task {@code taskId}, or {@code null} if there is none. */
  public static Task task(String taskId) {
    return context().getTaskManager().findTaskById(taskId);
  }

  private static CommandContext context() {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("Guards read inside the guards' engine command");
    }
    return context;
  }
}
