package cn.shequflow.core.process;

import java.util.ArrayList;
import java.util.List;
import cn.shequflow.core.guard.CommandGuard;
import cn.shequflow.core.guard.GuardInterceptor;
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
 * such, every command a person sends passes the {@link CommandGuard}s, every user task keeps the
 * separation of duties ({@link DutyTaskListener}) and carries the Tasklist columns
 * ({@link TaskListColumns}) and its detailed runtime name ({@link TaskTitles}).
 */
@Component
public class EnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CommandGuard> guards;
  private final ObjectProvider<CaseMapper> cases;
  private final ObjectProvider<SeparationOfDuties> duties;
  private final ObjectProvider<Cases> caseRegister;
  private final ObjectProvider<CurrentUser> currentUser;

  public EnginePlugin(ObjectProvider<CommandGuard> guards, ObjectProvider<CaseMapper> cases,
      ObjectProvider<SeparationOfDuties> duties, ObjectProvider<Cases> caseRegister,
      ObjectProvider<CurrentUser> currentUser) {
    this.guards = guards;
    this.cases = cases;
    this.duties = duties;
    this.caseRegister = caseRegister;
    this.currentUser = currentUser;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        append(configuration.getCustomPreCommandInterceptorsTxRequired(), new GuardInterceptor(guards, configuration)));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        append(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new GuardInterceptor(guards, configuration)));
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    // First, so that a party's claim or completion of a deciding task is refused before any model listener runs.
    parseListeners.add(0, new DutyTaskListener(duties, caseRegister, currentUser));
    parseListeners.add(new TaskListColumns(cases));
    parseListeners.add(new TaskTitles(configuration));
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }

  private static List<CommandInterceptor> append(List<CommandInterceptor> existing, GuardInterceptor guard) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(new UnwrapInvalidInputInterceptor());
    list.add(guard);
    return list;
  }
}
