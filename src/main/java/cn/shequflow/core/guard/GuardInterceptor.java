package cn.shequflow.core.guard;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs every {@link CommandGuard} before the outermost command a person below admin sends to the
 * engine. Sits before the transaction, so a refusal writes nothing. Commands nested in another
 * (delegates, listeners), commands without an authenticated user (timers, start-up) and the
 * product's {@link Trusted} work are not checked.
 */
public class GuardInterceptor extends CommandInterceptor {

  private final ObjectProvider<CommandGuard> guards;
  /**
   * The engine's own identity service (not the Spring bean: the engine runs commands while it is
   * being built, when asking Spring for that bean is a circular reference).
   */
  private final Supplier<IdentityService> identity;

  public GuardInterceptor(ObjectProvider<CommandGuard> guards, Supplier<IdentityService> identity) {
    this.guards = guards;
    this.identity = identity;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() == null && !Trusted.active()) {
      Authentication auth = identity.get().getCurrentAuthentication();
      if (auth != null && auth.getUserId() != null) {
        Caller caller = new Caller(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
        if (!caller.isAdmin()) {
          Trusted.run(() -> guards.orderedStream().forEach(g -> g.check(command, caller)));
        }
      }
    }
    return next.execute(command);
  }
}
