package cn.shequflow.core.sandbox;

import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The shapes an expression in a deployed model may take (issue 17), checked on the parsed
 * expression (the engine's own JUEL parser, so that what is checked is what would run):
 *
 * <ul>
 *   <li>a process variable by its name ({@code ${resubmit}}, {@code ${title}}), read as it is;
 *   <li>an allowed bean ({@link ModelBeans#ALLOWED}) alone ({@code ${approvalTask}}) or called
 *       ({@code ${cases.moveTo(execution, 'approved')}}), and a call on what such a call returned
 *       ({@code ${cases.of(execution).applicantId()}});
 *   <li>{@code execution}, {@code task} and the like only as an argument, never called or read;
 *   <li>literals, operators ({@code ==}, {@code !}, {@code &&}, {@code ? :}, arithmetic) and the
 *       engine's functions {@code now()}, {@code dateTime()}, {@code currentUser()},
 *       {@code currentUserGroups()}.
 * </ul>
 *
 * Anything else — another bean ({@code jdbcTemplate}), a property or method of the execution or
 * of a variable, an index ({@code a['b']}), {@code getClass()} — is refused with a reason in Chinese.
 */
public final class ExpressionRules {

  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  static final Set<String> OBJECT_METHODS = Set.of("getClass", "wait", "notify", "notifyAll", "finalize", "clone");

  private final ModelBeans beans;

  public ExpressionRules(ModelBeans beans) {
    this.beans = beans;
  }

  /** Whether the text holds an expression at all ({@code ${…}} or {@code #{…}}). */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Null when {@code text} may be deployed, else why not (Chinese). */
  public String refusal(String text) {
    if (!isExpression(text)) {
      return null;
    }
    Node root;
    try {
      root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
    } catch (TreeBuilderException | IllegalArgumentException e) {
      return "表达式无法解析";
    }
    return check(root, false);
  }

  /** {@code base}: the node is the object of a call or a property read. */
  private String check(Node node, boolean base) {
    if (node instanceof AstIdentifier id) {
      return identifier(id.getName(), base);
    }
    if (node instanceof AstMethod) {
      Node property = node.getChild(0);
      if (!(property instanceof AstDot dot)) {
        return "不允许以下标方式调用方法";
      }
      String method = name(dot);
      if (OBJECT_METHODS.contains(method)) {
        return "不允许调用 " + method + "()";
      }
      Node target = dot.getChild(0);
      String refused = check(target, true); // the root first: the message names where the chain starts
      // A call on an allowed object, on what a call returned, or on what an allowed function returned
      // (Tasklist's date filters: ${dateTime().plusDays(2).toDate()}); at run time SandboxElResolver
      // lets methods run only on allowed beans and values.
      if (refused == null && (target instanceof AstFunction || target instanceof AstMethod)
          && method.startsWith("set")) {
        refused = "不允许在函数或方法的结果上调用 " + method + "()";
      }
      if (refused == null && !(target instanceof AstIdentifier) && !(target instanceof AstMethod)
          && !(target instanceof AstFunction)) {
        refused = "方法 " + method + "() 只能在系统允许的对象上调用";
      }
      return refused != null ? refused : check(node.getChild(1), false);
    }
    if (node instanceof AstDot dot) {
      String refused = check(dot.getChild(0), true);
      return refused != null ? refused : "不允许读取属性 " + name(dot) + "：只能调用系统允许的对象的方法";
    }
    if (node instanceof AstBracket) {
      return "不允许使用下标 [ ] 读取属性";
    }
    if (node instanceof AstFunction function) {
      if (!FUNCTIONS.contains(function.getName())) {
        return "不允许使用函数 " + function.getName() + "()";
      }
      return children(node);
    }
    if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstText
        || node instanceof AstNested || node instanceof AstBinary || node instanceof AstUnary
        || node instanceof AstChoice || node instanceof AstParameters || node instanceof AstString
        || node instanceof AstNumber || node instanceof AstBoolean || node instanceof AstNull) {
      return children(node);
    }
    return "表达式含有不允许的写法";
  }

  private String children(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      String refused = check(node.getChild(i), false);
      if (refused != null) {
        return refused;
      }
    }
    return null;
  }

  private String identifier(String name, boolean base) {
    if (beans.allowed(name)) {
      return null;
    }
    if (beans.forbiddenBean(name)) {
      return "不能使用 " + name + "：表达式只能调用系统为流程提供的对象";
    }
    if (base) {
      return ModelBeans.ENGINE_OBJECTS.contains(name)
          ? "不能调用或读取 " + name + " 的方法和属性：它只能作为参数交给系统提供的对象"
          : "不能调用或读取 " + name + " 的方法和属性：流程变量只能直接读取";
    }
    return null;
  }

  /** The property name of {@code a.b} ({@link AstDot} keeps it to itself; its text is ". b"). */
  private static String name(AstDot dot) {
    String text = dot.toString();
    return text.startsWith(". ") ? text.substring(2) : text;
  }
}
