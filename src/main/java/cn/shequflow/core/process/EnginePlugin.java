package cn.shequflow.core.process;

import java.util.ArrayList;
import java.util.List;
import cn.shequflow.core.security.TaskListColumns;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Engine settings that Spring Boot properties cannot express: refused input reaches clients as
 * such, and every user task carries the Tasklist columns ({@link TaskListColumns}).
 */
@Component
public class EnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        append(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        append(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new TaskListColumns());
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }

  private static List<CommandInterceptor> append(List<CommandInterceptor> existing) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(new UnwrapInvalidInputInterceptor());
    return list;
  }
}
