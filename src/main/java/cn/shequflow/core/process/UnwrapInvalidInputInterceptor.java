package cn.shequflow.core.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine wraps exceptions thrown by listeners and delegates (for example "Exception while
 * invoking TaskListener"), which the REST API would report as HTTP 500. This interceptor sits
 * outside the transaction interceptor: once the command has been rolled back it rethrows the
 * {@link InvalidInputException} (or {@link CaseConflictException}, or a refusal such as the separation of
 * duties' {@link AuthorizationException}) found in the cause chain, so clients see the field and the reason.
 *
 * <p>It also does the engine's command-failure logging (switched off in application.yaml): input a
 * person got wrong, or was not allowed to send, is one line at INFO; anything else is an ERROR with
 * its stack trace.
 */
public class UnwrapInvalidInputInterceptor extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(UnwrapInvalidInputInterceptor.class);

  @Override
  public <T> T execute(Command<T> command) {
    boolean outermost = Context.getCommandContext() == null;
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      RuntimeException refusal = find(e);
      RuntimeException thrown = refusal != null ? refusal : e;
      if (outermost) {
        log(command, thrown);
      }
      throw thrown;
    }
  }

  private static void log(Command<?> command, RuntimeException e) {
    String name = command.getClass().getSimpleName();
    if (e instanceof InvalidInputException || e instanceof CaseConflictException || e instanceof AuthorizationException
        || e instanceof BadUserRequestException || e instanceof NotFoundException || e instanceof NullValueException
        || e instanceof NotValidException || e instanceof TaskAlreadyClaimedException
        || e instanceof OptimisticLockingException) {
      LOG.info("{} refused: {}", name, e.getMessage());
    } else if (e instanceof ProcessEngineException p && p.getCode() == BuiltinExceptionCode.DEADLOCK.getCode()) {
      LOG.info("{} lost a concurrent change (deadlock or lock-wait timeout), rolled back: {}", name, e.getMessage());
    } else {
      LOG.error("{} failed", name, e);
    }
  }

  /** A claim (or a completion's own claim, 认领并办理) that lost to a colleague's claim or a 转办 a moment before. */
  static final String CLAIMED_MEANWHILE = "该任务刚被他人认领或转办，不在您的待办中了，请刷新后查看";

  /**
   * The refused input ({@link InvalidInputException}), conflict ({@link CaseConflictException}) or refusal in
   * the cause chain; the engine's "already claimed by someone else" (a race the guards could not see
   * coming: the task was free when they read it) is a conflict too.
   */
  static RuntimeException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException || t instanceof CaseConflictException || t instanceof AuthorizationException) {
        return (RuntimeException) t;
      }
      if (t instanceof TaskAlreadyClaimedException) {
        return new CaseConflictException(CLAIMED_MEANWHILE);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
