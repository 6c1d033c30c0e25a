package cn.shequflow.core.guard;

import cn.shequflow.core.process.CaseConflictException;
import cn.shequflow.core.process.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A person's completion ({@code complete}, {@code resolve}, {@code submit-form}, on every route) that
 * failed because the task went meanwhile: {@link StaleTasks} decides whether that is a conflict (409)
 * or an unknown id. Registered by {@code EnginePlugin} outside the guards, so it sees the engine's
 * answer however late the task went: before the command ("Cannot find task", else 404), or while the
 * command ran and an operation removed the task under it (its authorizations gone: an English 403;
 * its execution gone: a null error, else 500 or 404 with a NullPointerException in the log). The
 * command itself has been rolled back, so a task that has ended since was ended by someone else.
 * Refused input, conflicts the product found itself and the engine's optimistic locking keep their
 * own answers; when the task is still open, or was never the caller's, the engine's answer stands.
 */
public class StaleTaskInterceptor extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(StaleTaskInterceptor.class);

  private final ObjectProvider<StaleTasks> staleTasks;
  private final ProcessEngineConfigurationImpl engine;

  public StaleTaskInterceptor(ObjectProvider<StaleTasks> staleTasks, ProcessEngineConfigurationImpl engine) {
    this.staleTasks = staleTasks;
    this.engine = engine;
  }

  @Override
  public <T> T execute(Command<T> command) {
    boolean completion = Context.getCommandContext() == null && !Trusted.active()
        && (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd);
    try {
      return next.execute(command);
    } catch (RuntimeException failure) {
      if (!completion || answeredAlready(failure)) {
        throw failure;
      }
      throw conflict(command, failure).map(RuntimeException.class::cast).orElse(failure);
    }
  }

  private Optional<CaseConflictException> conflict(Command<?> command, RuntimeException failure) {
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return Optional.empty();
    }
    try {
      String taskId = Refusals.field(command, "taskId");
      Caller caller = new Caller(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
      Optional<CaseConflictException> conflict = staleTasks.getObject().conflict(taskId, caller);
      conflict.ifPresent(c -> LOG.info("{} of task {} by {} found the task gone ({}): {}",
          command.getClass().getSimpleName(), taskId, caller.userId(), failure.getClass().getSimpleName(),
          failure.getMessage()));
      return conflict;
    } catch (RuntimeException unknown) {
      LOG.debug("Could not tell whether the task of {} is gone", command.getClass().getSimpleName(), unknown);
      return Optional.empty();
    }
  }

  /** Answers that already say what happened: refused input, a conflict, a lost concurrent write. */
  private static boolean answeredAlready(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidInputException || t instanceof CaseConflictException
          || t instanceof OptimisticLockingException) {
        return true;
      }
    }
    return false;
  }
}
