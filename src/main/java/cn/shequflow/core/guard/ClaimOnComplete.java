package cn.shequflow.core.guard;

import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * 认领并办理 (issue 18): a person who completes an unclaimed task of his post (Tasklist's 完成, REST
 * {@code complete} or {@code submit-form}) claims it in the same command, so the decision costs no
 * separate claim and history names who took it. {@link TaskHandOnGuard} checks the claim with the
 * claim's own rules before the transaction and requests it here; this interceptor, registered by
 * {@code EnginePlugin} inside the transaction, runs Camunda's own claim (its permission check,
 * assignment listeners with the duties rule, operation log) just before the completion. A refused
 * claim or completion rolls both back: nothing is written.
 */
public class ClaimOnComplete extends CommandInterceptor {

  private record Request(Command<?> command, String taskId, String userId) {}

  private static final ThreadLocal<Request> REQUESTED = new ThreadLocal<>();

  /** Requested by the guard for the one command it is checking. */
  static void request(Command<?> command, String taskId, String userId) {
    REQUESTED.set(new Request(command, taskId, userId));
  }

  /** Dropped before each outermost command is checked, so a request never outlives its command. */
  static void clear() {
    REQUESTED.remove();
  }

  @Override
  public <T> T execute(Command<T> command) {
    Request request = REQUESTED.get();
    if (request != null && request.command() == command) {
      REQUESTED.remove();
      new ClaimTaskCmd(request.taskId(), request.userId()).execute(Context.getCommandContext());
    }
    return next.execute(command);
  }
}
