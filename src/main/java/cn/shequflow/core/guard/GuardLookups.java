package cn.shequflow.core.guard;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
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

  /** The tasks read as the person sees them during one pass of the guards (task id → task or none). */
  private static final ThreadLocal<Map<String, Optional<Task>>> VISIBLE = new ThreadLocal<>();

  private GuardLookups() {}

  /** Runs one pass of the guards: a task each of them reads as the person sees it is read once. */
  static void pass(Runnable guards) {
    Map<String, Optional<Task>> outer = VISIBLE.get();
    VISIBLE.set(new HashMap<>());
    try {
      guards.run();
    } finally {
      if (outer == null) {
        VISIBLE.remove();
      } else {
        VISIBLE.set(outer);
      }
    }
  }

  /**
   * The task {@code taskId} as the person sees it (the engine's task query with his rights, form
   * key included), or {@code null} if he cannot see it. Within one pass of the guards it is asked
   * once (issue 21: four guards asked the same question, each a task query with its authorization
   * check); elsewhere every call asks.
   */
  public static Task visibleTask(TaskService tasks, String taskId) {
    Map<String, Optional<Task>> seen = VISIBLE.get();
    if (seen == null) {
      return tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    }
    Optional<Task> task = seen.get(taskId);
    if (task == null) {
      task = Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
      seen.put(taskId, task);
    }
    return task.orElse(null);
  }

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
