package cn.shequflow.core.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Deployed models run only what the product allows (issue 17): expressions resolve the beans of
 * {@link ModelBeans} and nothing else of the application ({@code setBeans}, which also keeps the
 * application context from scripts), {@link SandboxElResolver} checks every step at runtime, and
 * {@link ModelCheck} refuses a model outside these rules when it is deployed, {@link FilterCheck} a
 * saved Tasklist filter whose query's expressions are outside them.
 */
@Component
public class SandboxEnginePlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public SandboxEnginePlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ModelBeans beans = new ModelBeans(context);
    Map<Object, Object> map = beans.map();
    configuration.setBeans(map);
    // The Spring factory bean made an expression manager with the whole context before the plugins ran.
    configuration.setExpressionManager(new SandboxExpressionManager(context, beans, map));
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    ExpressionRules rules = new ExpressionRules(beans);
    deployers.add(0, new ModelCheck(rules));
    configuration.setCustomPreDeployers(deployers);
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withFilterCheck(configuration.getCustomPreCommandInterceptorsTxRequired(), rules));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withFilterCheck(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), rules));
  }

  private static List<CommandInterceptor> withFilterCheck(List<CommandInterceptor> existing, ExpressionRules rules) {
    List<CommandInterceptor> list = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    list.add(new FilterCheck(rules));
    return list;
  }
}
