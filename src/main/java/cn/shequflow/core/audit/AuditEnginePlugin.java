package cn.shequflow.core.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the audit into the engine's command chain: {@link RefusalAuditInterceptor} first of all
 * (it sees every refusal, by a guard or by the engine, of what a person sent) and
 * {@link ChangeAuditInterceptor} inside the transaction (changes to users, groups, grants, filters
 * and deployments, logins and failed logins, administrators' commands).
 */
@Component
public class AuditEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<AuditLog> audit;

  public AuditEnginePlugin(ObjectProvider<AuditLog> audit) {
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        first(configuration.getCustomPreCommandInterceptorsTxRequired(), new RefusalAuditInterceptor(audit, configuration)));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        first(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new RefusalAuditInterceptor(audit, configuration)));
    configuration.setCustomPostCommandInterceptorsTxRequired(
        first(configuration.getCustomPostCommandInterceptorsTxRequired(), new ChangeAuditInterceptor(audit)));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        first(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new ChangeAuditInterceptor(audit)));
  }

  private static List<CommandInterceptor> first(List<CommandInterceptor> existing, CommandInterceptor interceptor) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(0, interceptor);
    return list;
  }
}
