package cn.shequflow.core.guard;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link CommandGuard} before the outermost command a person below admin sends to the
 * engine. Sits before the transaction, so a refusal writes nothing. Commands nested in another
 * (delegates, listeners), commands without an authenticated user (timers, start-up) and the
 * product's {@link Trusted} work are not checked. A refusal changes nothing: Camunda's failed-job
 * listener, which would count a refused "execute job" as a job failure, does not run for them.
 *
 * <p>Cost (issue 21, docs/benchmarks.md): the guards run as one engine command of their own, so
 * their look-ups (task, form, variables, decisions) share one command context: the engine's
 * authorization set-up (the groups that hold authorizations, whether revokes apply) is read once,
 * and an entity read by id once; the task as the person sees it is asked once for all of them
 * ({@link GuardLookups}). On the engine's ordinary executor that command and the person's
 * command then share one database transaction: one commit per request, and a refusal or a failure
 * of the command rolls back both. Should a guard have handled the failure of one of its own
 * look-ups (the transaction can then only be rolled back), the guards' work is rolled back and the
 * command runs in a transaction of its own, as it would have before.
 */
public class GuardInterceptor extends CommandInterceptor {

  private final ObjectProvider<CommandGuard> guards;
  private final ProcessEngineConfigurationImpl engine;
  private final boolean sameTransaction;

  /**
   * @param sameTransaction whether the checked command may join the guards' transaction: true on
   *     the engine's ordinary executor (transaction required), false on the one that always opens a
   *     new transaction
   */
  public GuardInterceptor(ObjectProvider<CommandGuard> guards, ProcessEngineConfigurationImpl engine,
      boolean sameTransaction) {
    this.guards = guards;
    this.engine = engine;
    this.sameTransaction = sameTransaction;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() == null && !Trusted.active()) {
      ClaimOnComplete.clear();
      Authentication auth = engine.getIdentityService().getCurrentAuthentication();
      if (auth != null && auth.getUserId() != null) {
        Caller caller = new Caller(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
        if (!caller.isAdmin()) {
          if (command instanceof FailedJobListener) {
            // Camunda records a failure after any refused "execute job" (retries, failure log,
            // incident). Nobody below admin runs a job, so their attempt is refused and leaves nothing.
            return null;
          }
          Elevation.take();
          PlatformTransactionManager transactions = engine instanceof SpringProcessEngineConfiguration spring
              ? spring.getTransactionManager() : null;
          if (transactions != null && sameTransaction) {
            return guardedInOneTransaction(command, caller, auth, transactions);
          }
          runGuards(command, caller);
          return proceed(command, auth);
        }
      }
    }
    return next.execute(command);
  }

  /** All guards as one engine command: their look-ups share its command context. */
  private Command<Void> guardsCommand(Command<?> command, Caller caller) {
    return context -> {
      Trusted.run(() -> GuardLookups.pass(() -> guards.orderedStream().forEach(g -> g.check(command, caller))));
      return null;
    };
  }

  /** Guards, then the command, in one transaction (see the class comment). */
  private <T> T guardedInOneTransaction(Command<T> command, Caller caller, Authentication auth,
      PlatformTransactionManager transactions) {
    try {
      return new TransactionTemplate(transactions).execute(status -> {
        next.execute(guardsCommand(command, caller));
        if (status.isRollbackOnly()) {
          throw new GuardLookupFailed();
        }
        return proceed(command, auth);
      });
    } catch (GuardLookupFailed handledInsideAGuard) {
      // Every guard passed; only a look-up a guard caught failed, and there is nothing to keep.
      return proceed(command, auth);
    }
  }

  /** Thrown to roll back the guards' transaction when a look-up a guard handled marked it rollback-only. */
  private static final class GuardLookupFailed extends RuntimeException {
    GuardLookupFailed() {
      super(null, null, false, false);
    }
  }

  /**
   * Runs every guard as one engine command in a transaction of its own (the executor that always
   * opens a new transaction). A refusal rolls it back, so it still writes nothing.
   */
  private void runGuards(Command<?> command, Caller caller) {
    try {
      next.execute(guardsCommand(command, caller));
    } catch (UnexpectedRollbackException handledInsideAGuard) {
      // Every guard passed; only a look-up a guard caught failed, and there is nothing to keep.
    }
  }

  /** The checked command, with the product's rights when a guard asked for them. */
  private <T> T proceed(Command<T> command, Authentication auth) {
    if (Elevation.take()) {
      return withProductRights(auth, command);
    }
    return next.execute(command);
  }

  /** Runs a command a guard has checked without the person's own permission checks. */
  private <T> T withProductRights(Authentication auth, Command<T> command) {
    IdentityService service = engine.getIdentityService();
    service.clearAuthentication();
    try {
      return next.execute(command);
    } finally {
      service.setAuthentication(auth);
    }
  }
}
