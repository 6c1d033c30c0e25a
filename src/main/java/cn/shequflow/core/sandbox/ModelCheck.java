package cn.shequflow.core.sandbox;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a deployed model may run (issue 17), checked before the engine's own deployers, for every
 * new deployment (Modeler, Cockpit, {@code /engine-rest/deployment/create}, Java, start-up):
 *
 * <ul>
 *   <li>BPMN: every attribute and text that holds an expression (service tasks, listeners,
 *       conditions, inputs and outputs, timers, assignees and candidates, fields, names, task
 *       properties) keeps to {@link ExpressionRules}. No scripts (script tasks, script listeners,
 *       inputs, outputs or conditions, inline or in a resource) and no Java classes named in the
 *       model ({@code camunda:class} and the like): the shipped models need neither.
 *   <li>DMN: FEEL, whose external Java functions the engine leaves off; JUEL only in the shapes of
 *       {@link ExpressionRules}; no script language.
 *   <li>CMMN: not accepted at all (the product has no case models).
 * </ul>
 *
 * A refusal throws {@link ModelRefusedException} (400 naming the element's id, in Chinese) and the
 * deployment's transaction rolls back: no deployment, resource or definition is written. Models
 * already in the database are not checked again when the engine reloads them.
 */
public class ModelCheck implements Deployer {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
  /** The engine's parser reads the old Activiti namespace as the Camunda one: it is checked the same way. */
  static final Set<String> CAMUNDA_NAMESPACES = Set.of(CAMUNDA_BPMN, "http://activiti.org/bpmn");

  /** Attributes of the Camunda namespace that name a Java class or a script. */
  static final Set<String> CODE_ATTRIBUTES = Set.of("class", "formHandlerClass", "variableMappingClass",
      "scriptFormat", "resource");

  /** DMN expression languages the engine evaluates without a script engine. */
  static final Set<String> DMN_LANGUAGES = Set.of("feel", "juel", "https://www.omg.org/spec/feel/20140401",
      "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20191111/feel/");

  private final ExpressionRules rules;

  public ModelCheck(ExpressionRules rules) {
    this.rules = rules;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      check(resource.getName(), resource.getBytes());
    }
  }

  /** Checks one resource of a deployment; throws {@link ModelRefusedException} when it is refused. */
  public void check(String name, byte[] bytes) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
      walkBpmn(parse(name, bytes), name);
    } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
      walkDmn(parse(name, bytes), null, name);
    } else if (lower.endsWith(".cmmn") || lower.endsWith(".cmmn10.xml") || lower.endsWith(".cmmn11.xml")) {
      throw new ModelRefusedException(name, "模型未部署：不接受 CMMN 案例模型（" + name + "），本系统只部署 BPMN 流程、DMN 决策表和表单。");
    }
  }

  private static Element parse(String name, byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(bytes == null ? new byte[0] : bytes)).getDocumentElement();
    } catch (Exception e) {
      throw new ModelRefusedException(name, "模型未部署：" + name + " 不是有效的 XML 模型文件（不允许 DOCTYPE）。");
    }
  }

  private static boolean isCamunda(String namespace) {
    return namespace != null && CAMUNDA_NAMESPACES.contains(namespace);
  }

  private void walkBpmn(Element element, String resource) {
    String ns = element.getNamespaceURI();
    String local = element.getLocalName();
    if (BPMN.equals(ns) && ("documentation".equals(local) || "textAnnotation".equals(local))) {
      return; // text for people, never evaluated
    }
    if (ns != null && ns.startsWith("http://www.omg.org/spec/") && !BPMN.equals(ns)) {
      return; // diagram interchange: shapes and edges
    }
    if (BPMN.equals(ns) && ("scriptTask".equals(local) || "script".equals(local))) {
      throw refused(element, resource, "脚本", "不允许在模型中使用脚本");
    }
    if (isCamunda(ns) && "script".equals(local)) {
      throw refused(element, resource, "脚本", "不允许在模型中使用脚本（监听器、输入输出或条件中的脚本也不行）");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      boolean camunda = isCamunda(attribute.getNamespaceURI())
          || attribute.getNamespaceURI() == null && isCamunda(ns); // <camunda:taskListener class="…">
      if (camunda && CODE_ATTRIBUTES.contains(attributeName)) {
        throw refused(element, resource, "camunda:" + attributeName,
            "不允许在模型中指定 Java 类或脚本，请使用系统提供的对象（delegateExpression）");
      }
      if (attribute.getNamespaceURI() == null && BPMN.equals(ns) && "language".equals(attributeName) && !attribute.getValue().isBlank()
          && !"juel".equalsIgnoreCase(attribute.getValue().trim())) {
        throw refused(element, resource, "language=\"" + attribute.getValue() + "\"", "不允许在模型中使用脚本条件");
      }
      expression(element, resource, attribute.getName(), attribute.getValue());
    }
    expression(element, resource, element.getTagName(), text(element));
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walkBpmn(e, resource);
      }
    }
  }

  private void walkDmn(Element element, String inherited, String resource) {
    String language = element.getAttribute("expressionLanguage");
    String effective = language.isBlank() ? inherited : language.trim().toLowerCase(Locale.ROOT);
    if (!language.isBlank() && !DMN_LANGUAGES.contains(effective)) {
      throw refused(element, resource, "expressionLanguage=\"" + language + "\"",
          "决策表只能使用 FEEL 表达式，不允许脚本语言");
    }
    if ("juel".equals(effective)) {
      expression(element, resource, element.getTagName(), text(element));
      for (int i = 0; i < element.getAttributes().getLength(); i++) {
        Node attribute = element.getAttributes().item(i);
        expression(element, resource, attribute.getNodeName(), attribute.getNodeValue());
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walkDmn(e, effective, resource);
      }
    }
  }

  /** {@code where}: the attribute or element holding the text, as the Modeler's XML names it. */
  private void expression(Element element, String resource, String where, String text) {
    String refusal = rules.refusal(text);
    if (refusal != null) {
      throw refused(element, resource, where + " 里的表达式", refusal);
    }
  }

  /** The element's own text (text and CDATA children), or null. */
  private static String text(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.isEmpty() ? null : text.toString();
  }

  private static ModelRefusedException refused(Element element, String resource, String what, String reason) {
    String id = elementId(element);
    return new ModelRefusedException(id == null ? resource : id,
        "模型未部署：" + resource + " 中元素 " + (id == null ? "（无 id）" : id) + " 的 " + what + " 不被允许：" + reason + "。");
  }

  /** The id of the element or of its nearest ancestor that has one (listeners, fields: their task). */
  static String elementId(Element element) {
    for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
      if (!e.getAttribute("id").isBlank()) {
        return e.getAttribute("id");
      }
    }
    return null;
  }
}
