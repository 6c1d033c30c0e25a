package cn.shequflow.core.sandbox;

import cn.shequflow.core.guard.Refusals;
import java.beans.FeatureDescriptor;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Iterator;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The runtime backstop of {@link ModelCheck} (issue 17), first among the expression manager's
 * resolvers: whatever slipped past the deployment check, an expression calls methods only on an
 * allowed bean ({@link ModelBeans}), on a value (text, number, date) or on a record of the product
 * an allowed bean returned, and reads no property of anything else — not of {@code execution}, a
 * task, the engine or a bean. A refused step is an {@code AuthorizationException}: the command
 * rolls back, a person's request is answered 403 and recorded as a refusal.
 *
 * <p>Names (the first step, {@code base == null}) are left to the other resolvers (variables, and
 * the beans of {@link ModelBeans#map()} only), but a name of another bean of the application that
 * is no variable is refused here, so that the answer says so rather than "unknown property".
 */
class SandboxElResolver extends ELResolver {

  static final String REFUSED = "流程模型中的表达式试图访问系统不允许的对象（%s），已拒绝执行：表达式只能使用流程变量和系统为流程提供的对象。";

  private final ModelBeans beans;

  SandboxElResolver(ModelBeans beans) {
    this.beans = beans;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null) {
      if (property instanceof String name && beans.forbiddenBean(name) && !isVariable(context, name)) {
        throw refused(name);
      }
      return null;
    }
    if (!isValue(base)) {
      throw refused(property);
    }
    return null;
  }

  /** Whether {@code name} is a variable of the scope the expression runs in (which may share a bean's name). */
  private static boolean isVariable(ELContext context, String name) {
    if (context.getContext(VariableScope.class) instanceof VariableScope scope && scope.hasVariable(name)) {
      return true;
    }
    return context.getContext(VariableContext.class) instanceof VariableContext variables
        && variables.containsVariable(name);
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base == null) {
      return null;
    }
    if (ExpressionRules.OBJECT_METHODS.contains(String.valueOf(method))
        || !(beans.isAllowedInstance(base) || isValue(base))
        || !beans.isAllowedInstance(base) && isStatic(base, String.valueOf(method))) {
      throw refused(method + "()");
    }
    return null;
  }

  /**
   * Whether {@code name} is a static method of a value's class: EL calls a public static method
   * through an instance, which would let an expression change JVM-wide state (Joda-Time's
   * {@code DateTimeZone.setDefault} through {@code dateTime().getZone()}). The product's own beans are
   * exempt (their static helpers may share a name with the methods models call).
   */
  static boolean isStatic(Object base, String name) {
    for (java.lang.reflect.Method m : base.getClass().getMethods()) {
      if (m.getName().equals(name) && java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (base != null) {
      throw refused(property);
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }

  /** Plain values and the product's own records (what {@code cases.of(execution)} returns). */
  static boolean isValue(Object base) {
    Class<?> type = base.getClass();
    return base instanceof CharSequence || base instanceof Number || base instanceof Boolean
        || base instanceof Character || base instanceof Enum<?> || base instanceof TemporalAccessor
        || base instanceof Date || type.getName().startsWith("org.joda.time.") // dateTime() of filters
        || (type.isRecord() && type.getName().startsWith("cn.shequflow."));
  }

  private static RuntimeException refused(Object what) {
    return Refusals.forbidden(String.format(REFUSED, what));
  }
}
