package cn.shequflow.core.guard;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.springframework.beans.factory.ObjectProvider;

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
          Trusted.run(() -> guards.orderedStream().forEach(g -> g.check(command, caller)));
          if (Elevation.take()) {
            return withProductRights(auth, command);
          }
        }
      }
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
