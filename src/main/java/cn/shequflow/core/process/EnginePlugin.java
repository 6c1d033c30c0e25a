package cn.shequflow.core.process;

import java.util.ArrayList;
import java.util.List;
import cn.shequflow.core.guard.ClaimOnComplete;
import cn.shequflow.core.guard.CommandGuard;
import cn.shequflow.core.guard.GuardInterceptor;
import cn.shequflow.core.guard.StaleTaskInterceptor;
import cn.shequflow.core.guard.StaleTasks;
import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.cases.TaskListColumns;
import cn.shequflow.core.duties.DutyTaskListener;
import cn.shequflow.core.duties.SeparationOfDuties;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine settings that Spring Boot properties cannot express: refused input reaches clients as
 * such, every command a person sends passes the {@link CommandGuard}s, a completion of a task an
 * approval operation removed meanwhile is a conflict ({@link StaleTaskInterceptor}), a person
 * completing an unclaimed task of his post claims it in the same command ({@link ClaimOnComplete}), and every user
 * task keeps the separation of duties ({@link DutyTaskListener}) and carries the Tasklist columns
 * ({@link TaskListColumns}) and its detailed runtime name ({@link TaskTitles}).
 */
@Component
public class EnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CommandGuard> guards;
  private final ObjectProvider<CaseMapper> cases;
  private final ObjectProvider<SeparationOfDuties> duties;
  private final ObjectProvider<Cases> caseRegister;
  private final ObjectProvider<CurrentUser> currentUser;
  private final ObjectProvider<StaleTasks> staleTasks;

  public EnginePlugin(ObjectProvider<CommandGuard> guards, ObjectProvider<CaseMapper> cases,
      ObjectProvider<SeparationOfDuties> duties, ObjectProvider<Cases> caseRegister,
      ObjectProvider<CurrentUser> currentUser, ObjectProvider<StaleTasks> staleTasks) {
    this.guards = guards;
    this.cases = cases;
    this.duties = duties;
    this.caseRegister = caseRegister;
    this.currentUser = currentUser;
    this.staleTasks = staleTasks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // A lock-wait timeout is a lost concurrent change (409), like a deadlock: see LostLockCodes.
    configuration.setDisableBuiltinExceptionCodeProvider(true);
    configuration.setBuiltinExceptionCodeProvider(new LostLockCodes());
    configuration.setCustomPreCommandInterceptorsTxRequired(
        append(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration, true));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        append(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration, false));
    // Inside the transaction: the claim a guard approved for a completion (认领并办理).
    configuration.setCustomPostCommandInterceptorsTxRequired(
        withClaimOnComplete(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        withClaimOnComplete(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    // First, so that a party's claim or completion of a deciding task is refused before any model listener runs.
    parseListeners.add(0, new DutyTaskListener(duties, caseRegister, currentUser));
    parseListeners.add(new TaskListColumns(cases));
    parseListeners.add(new TaskTitles(configuration));
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }

  private static List<CommandInterceptor> withClaimOnComplete(List<CommandInterceptor> existing) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(new ClaimOnComplete());
    return list;
  }

  private List<CommandInterceptor> append(List<CommandInterceptor> existing, ProcessEngineConfigurationImpl configuration,
      boolean sameTransaction) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(new cn.shequflow.core.security.IdentityChanges());
    list.add(new UnwrapInvalidInputInterceptor());
    list.add(new StaleTaskInterceptor(staleTasks, configuration));
    list.add(new GuardInterceptor(guards, configuration, sameTransaction));
    return list;
  }
}
