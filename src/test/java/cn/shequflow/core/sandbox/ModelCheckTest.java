package cn.shequflow.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.StaticApplicationContext;

/**
 * Issue 17: what a deployed model may run. The shipped models pass; expressions outside the
 * allowed shapes, scripts and Java classes are refused, naming the element.
 */
class ModelCheckTest {

  private final ModelBeans beans = new ModelBeans(context());
  private final ExpressionRules rules = new ExpressionRules(beans);
  private final ModelCheck check = new ModelCheck(rules);

  private static StaticApplicationContext context() {
    StaticApplicationContext context = new StaticApplicationContext();
    for (String name : ModelBeans.ALLOWED) {
      context.registerSingleton(name, Object.class);
    }
    for (String name : List.of("jdbcTemplate", "dataSource", "processEngine", "processEngineConfiguration",
        "auditLog", "caseMapper", "runtimeService")) {
      context.registerSingleton(name, Object.class);
    }
    return context;
  }

  private static List<Path> shippedModels() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn")).sorted().toList();
    }
  }

  @Test
  @DisplayName("issue 17: every shipped model passes the check")
  void shippedModelsPass() throws IOException {
    List<Path> models = shippedModels();
    assertThat(models).hasSizeGreaterThan(15);
    for (Path model : models) {
      check.check(model.getFileName().toString(), Files.readAllBytes(model));
    }
  }

  @Test
  @DisplayName("issue 17: the allowed beans are exactly those the shipped models call")
  void allowedBeansAreThoseTheModelsUse() throws IOException {
    Pattern call = Pattern.compile("(?<![.\\w'])([A-Za-z_]\\w*)\\s*(?:\\.|\\})");
    TreeSet<String> used = new TreeSet<>();
    for (Path model : shippedModels()) {
      Matcher expression = Pattern.compile("[$#]\\{[^}]*\\}").matcher(Files.readString(model, StandardCharsets.UTF_8));
      while (expression.find()) {
        Matcher m = call.matcher(expression.group().substring(2));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    // Every allowed bean is used by a shipped model (no stale entry widens the sandbox).
    assertThat(used).containsAll(ModelBeans.ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"${approvalTask}", "${cases.moveTo(execution, 'approved')}", "${cases.of(execution).applicantId()}",
      "${approvalChain.outcome(execution) == 'next'}", "${!resubmit}", "${coverRole != null}", "${name}（${moveTypeLabel}）",
      "${organisation.candidateGroup('DIRECTOR', cases.of(execution).communityId())}", "${incidents.handled(task)}",
      "${now()}", "${days > 2 && leaveType == 'sick' ? 'a' : 'b'}", "#{deadlines.due(execution, 'settle')}", "PT5M"})
  @DisplayName("issue 17: the shapes the shipped models use are allowed")
  void allowedShapes(String expression) {
    assertThat(rules.refusal(expression)).as(expression).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${jdbcTemplate.update('delete from audit_entry')}", "${jdbcTemplate}", "${dataSource}",
      "${execution.processEngine}", "${execution.getProcessEngine()}", "${execution.setVariable('a', 1)}",
      "${task.execution}", "${execution['processEngine']}", "${cases.getClass().forName('java.lang.Runtime')}",
      "${cases.mapper}", "${cases['of']}", "${title.getClass()}", "${title.concat('x')}", "${'x'.concat('y')}",
      "${processEngine.runtimeService}", "${auditLog.record()}", "${unknownFunction()}", "${cases.of(",
      "${approvalChain.currentStep(execution).clear() == null ? caseMapper : 1}",
      "${cases.of(execution).applicantId().getClass()}"})
  @DisplayName("issue 17: other beans, the engine's objects, properties, indexes and getClass are refused")
  void refusedShapes(String expression) {
    assertThat(rules.refusal(expression)).as(expression).isNotNull();
  }

  private static String process(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://shequflow.cn/test">
          <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="P180D">
            <bpmn:startEvent id="start"/>
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(body);
  }

  private void refused(String resource, String xml, String elementId, String... words) {
    assertThatThrownBy(() -> check.check(resource, xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ModelRefusedException.class, e -> {
          assertThat(e.getField()).isEqualTo(elementId);
          assertThat(e.getReason()).contains("模型未部署").contains(elementId).contains(words);
        });
  }

  @Test
  @DisplayName("issue 17: an expression outside the rules is refused wherever it stands, naming its element")
  void expressionsEverywhere() {
    refused("a.bpmn", process("<bpmn:serviceTask id=\"erase\" camunda:expression=\"${jdbcTemplate.update('x')}\"/>"),
        "erase", "jdbcTemplate", "camunda:expression");
    refused("a.bpmn", process("<bpmn:serviceTask id=\"t\" camunda:delegateExpression=\"${processEngine}\"/>"),
        "t", "processEngine");
    refused("a.bpmn", process("""
        <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="start">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[${execution.processEngine != null}]]></bpmn:conditionExpression>
        </bpmn:sequenceFlow>"""), "flow", "execution");
    refused("a.bpmn", process("""
        <bpmn:userTask id="u" camunda:assignee="${cases.of(execution).applicantId()}">
          <bpmn:extensionElements>
            <camunda:taskListener event="create" expression="${task.execution.processEngine}"/>
          </bpmn:extensionElements>
        </bpmn:userTask>"""), "u", "task");
    refused("a.bpmn", process("""
        <bpmn:serviceTask id="io" camunda:delegateExpression="${approvalTask}">
          <bpmn:extensionElements><camunda:inputOutput>
            <camunda:inputParameter name="x">${dataSource}</camunda:inputParameter>
          </camunda:inputOutput></bpmn:extensionElements>
        </bpmn:serviceTask>"""), "io", "dataSource");
    refused("a.bpmn", process("""
        <bpmn:intermediateCatchEvent id="timer"><bpmn:timerEventDefinition>
          <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${execution.getProcessEngine()}</bpmn:timeDate>
        </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"""), "timer", "execution");
    refused("a.bpmn", process("""
        <bpmn:serviceTask id="field" camunda:delegateExpression="${approvalTask}">
          <bpmn:extensionElements><camunda:field name="f"><camunda:expression>${runtimeService}</camunda:expression></camunda:field></bpmn:extensionElements>
        </bpmn:serviceTask>"""), "field", "runtimeService");
    refused("a.bpmn", process("<bpmn:userTask id=\"named\" name=\"${caseMapper}\"/>"), "named", "caseMapper");
    refused("a.bpmn", process("<bpmn:userTask id=\"cand\" camunda:candidateGroups=\"${execution.processEngine.name}\"/>"),
        "cand", "execution");
  }

  @Test
  @DisplayName("issue 17: scripts, Java classes, CMMN and DOCTYPE are refused; documentation is not read")
  void scriptsAndClasses() {
    refused("a.bpmn", process("<bpmn:scriptTask id=\"s\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"),
        "s", "脚本");
    refused("a.bpmn", process("""
        <bpmn:userTask id="sl"><bpmn:extensionElements><camunda:taskListener event="create">
          <camunda:script scriptFormat="groovy">x</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask>"""),
        "sl", "脚本");
    refused("a.bpmn", process("""
        <bpmn:sequenceFlow id="sc" sourceRef="start" targetRef="start">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
        </bpmn:sequenceFlow>"""), "sc", "脚本条件");
    refused("a.bpmn", process("<bpmn:serviceTask id=\"c\" camunda:class=\"org.example.Delegate\"/>"), "c", "Java 类");
    refused("a.bpmn", process("""
        <bpmn:serviceTask id="cl" camunda:delegateExpression="${approvalTask}"><bpmn:extensionElements>
          <camunda:executionListener event="start" class="x.Y"/></bpmn:extensionElements></bpmn:serviceTask>"""), "cl", "Java 类");
    // The engine reads the old Activiti namespace as Camunda's: the same refusals hold there.
    String activiti = process("""
        <bpmn:serviceTask id="ac" activiti:class="org.example.Delegate"/>""")
        .replace("xmlns:camunda=", "xmlns:activiti=\"http://activiti.org/bpmn\" xmlns:camunda=");
    refused("a.bpmn", activiti, "ac", "Java 类");
    refused("a.bpmn", process("""
        <bpmn:userTask id="as"><bpmn:extensionElements><activiti:taskListener event="create">
          <activiti:script scriptFormat="groovy">x</activiti:script></activiti:taskListener></bpmn:extensionElements></bpmn:userTask>""")
        .replace("xmlns:camunda=", "xmlns:activiti=\"http://activiti.org/bpmn\" xmlns:camunda="), "as", "脚本");
    refused("a.cmmn", "<definitions/>", "a.cmmn", "CMMN");
    refused("a.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"${jdbcTemplate}\">]>" + process("").substring(39),
        "a.bpmn", "DOCTYPE");
    check.check("a.bpmn", process("<bpmn:userTask id=\"d\"><bpmn:documentation>${jdbcTemplate} 只是说明</bpmn:documentation></bpmn:userTask>")
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("issue 17: decision tables use FEEL; JUEL keeps to the rules; script languages are refused")
  void decisions() {
    String dmn = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
          <decision id="dec" name="dec"><decisionTable id="table">
            <input id="in"><inputExpression id="inExpr" typeRef="string" %s><text>%s</text></inputExpression></input>
            <output id="out" name="o" typeRef="string"/>
          </decisionTable></decision>
        </definitions>""";
    check.check("a.dmn", dmn.formatted("", "amount").getBytes(StandardCharsets.UTF_8));
    check.check("a.dmn", dmn.formatted("expressionLanguage=\"juel\"", "${amount > 5}").getBytes(StandardCharsets.UTF_8));
    refused("a.dmn", dmn.formatted("expressionLanguage=\"juel\"", "${jdbcTemplate.update('x')}"), "inExpr", "jdbcTemplate");
    refused("a.dmn", dmn.formatted("expressionLanguage=\"javascript\"", "1"), "inExpr", "FEEL");
  }
}
