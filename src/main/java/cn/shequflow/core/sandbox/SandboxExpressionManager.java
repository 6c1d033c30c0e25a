package cn.shequflow.core.sandbox;

import java.util.Map;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Camunda's Spring expression manager with the allowed beans only ({@code beans} given, so the
 * application context is not exposed) and {@link SandboxElResolver} ahead of every other resolver.
 */
class SandboxExpressionManager extends SpringExpressionManager {

  private final ModelBeans modelBeans;

  SandboxExpressionManager(ApplicationContext context, ModelBeans modelBeans, Map<Object, Object> beans) {
    super(context, beans);
    this.modelBeans = modelBeans;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new SandboxElResolver(modelBeans));
    resolver.add(super.createElResolver());
    return resolver;
  }
}
