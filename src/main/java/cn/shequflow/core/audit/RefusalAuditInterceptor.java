package cn.shequflow.core.audit;

import cn.shequflow.core.sandbox.ModelRefusedException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Records every refusal of a command a person sent (a guard's, the separation of duties', or the
 * engine's own authorization check, and a model the deployment check refused): who, which command,
 * and the message they read. Sits before
 * the guards and the transaction; the entry is written in its own transaction after the refused
 * one has ended, so it is the only row the refusal leaves.
 */
class RefusalAuditInterceptor extends CommandInterceptor {

  private final ObjectProvider<AuditLog> audit;
  private final ProcessEngineConfigurationImpl engine;

  RefusalAuditInterceptor(ObjectProvider<AuditLog> audit, ProcessEngineConfigurationImpl engine) {
    this.audit = audit;
    this.engine = engine;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    try {
      return next.execute(command);
    } catch (AuthorizationException | ModelRefusedException refused) {
      record(command, refused instanceof ModelRefusedException model ? model.getReason() : refused.getMessage());
      throw refused;
    }
  }

  private void record(Command<?> command, String message) {
    Authentication auth = engine.getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      audit.getObject().refusal(auth.getUserId(), command.getClass().getSimpleName(), null, message);
    }
  }
}
