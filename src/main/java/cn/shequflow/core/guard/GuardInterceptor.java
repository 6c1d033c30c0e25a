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
 */
public class GuardInterceptor extends CommandInterceptor {

  private final ObjectProvider<CommandGuard> guards;
  private final ProcessEngineConfigurationImpl engine;

  public GuardInterceptor(ObjectProvider<CommandGuard> guards, ProcessEngineConfigurationImpl engine) {
    this.guards = guards;
    this.engine = engine;
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
          runGuards(command, caller);
          if (Elevation.take()) {
            return withProductRights(auth, command);
          }
        }
      }
    }
    return next.execute(command);
  }

  /**
   * Runs every guard in one database transaction of its own (issue 21): the engine commands the
   * guards send (task, form, variable and decision look-ups) join it instead of each opening and
   * committing one. A refusal rolls it back, so it still writes nothing. When a guard handled the
   * failure of one of its own look-ups, the transaction can only be rolled back; that is kept so.
   */
  private void runGuards(Command<?> command, Caller caller) {
    Runnable all = () -> guards.orderedStream().forEach(g -> g.check(command, caller));
    PlatformTransactionManager transactions = engine instanceof SpringProcessEngineConfiguration spring
        ? spring.getTransactionManager() : null;
    if (transactions == null) {
      Trusted.run(all);
      return;
    }
    try {
      new TransactionTemplate(transactions).executeWithoutResult(status -> Trusted.run(all));
    } catch (UnexpectedRollbackException handledInsideAGuard) {
      // Every guard passed; only a look-up a guard caught failed, and there is nothing to keep.
    }
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
