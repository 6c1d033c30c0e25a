package cn.shequflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 21: policy answers are kept per decision version and inputs, and which version is the
 * latest is kept for seconds; a version deployed or deleted on this node still applies at once.
 */
class PolicyDecisionsTest extends RestTestSupport {

  private static final String KEY = "policyCacheProbe";

  @Autowired private PolicyDecisions policies;
  @Autowired private PlatformTransactionManager transactions;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    RepositoryService repository = engine.getRepositoryService();
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  @DisplayName("A policy answers by its latest version: a version deployed later applies to the next question, "
      + "also within the transaction that deploys it, and a deleted one no longer")
  void newVersionAppliesAtOnce() {
    deploy("\"first\"");
    assertThat(answer("a")).isEqualTo("first");
    assertThat(answer("a")).as("asked again").isEqualTo("first");

    deploy("\"second\"");
    assertThat(answer("a")).isEqualTo("second");

    String inOneTransaction = new TransactionTemplate(transactions).execute(status -> {
      assertThat(answer("a")).isEqualTo("second");
      deploy("\"third\"");
      return answer("a");
    });
    assertThat(inOneTransaction).as("the deployment made the transaction ask for the latest version again")
        .isEqualTo("third");
    assertThat(answer("a")).isEqualTo("third");
    assertThat(answer("b")).as("no rule for other inputs").isNull();

    engine.getRepositoryService().deleteDeployment(deployments.remove(deployments.size() - 1), true);
    assertThat(answer("a")).as("the latest version deleted: the one before applies at once").isEqualTo("second");
  }

  @Test
  @DisplayName("An answer of a version is given again without evaluating; one that reads the clock is evaluated each time")
  void answersKeptUnlessTheyReadTheClock() {
    deploy("\"kept\"");
    DmnDecisionResult first = policies.evaluate(KEY, Map.of("x", "a"));
    assertThat(policies.evaluate(KEY, Map.of("x", "a"))).isSameAs(first);
    assertThat(policies.evaluate(KEY, Map.of("x", "b"))).isNotSameAs(first);

    deploy("string(now())");
    DmnDecisionResult clock = policies.evaluate(KEY, Map.of("x", "a"));
    assertThat((String) clock.getSingleResult().getSingleEntry()).isNotBlank();
    assertThat(policies.evaluate(KEY, Map.of("x", "a"))).isNotSameAs(clock);
  }

  private String answer(String x) {
    DmnDecisionResult result = policies.evaluate(KEY, Map.of("x", x));
    return result.isEmpty() ? null : (String) result.getSingleResult().getSingleEntry();
  }

  private void deploy(String output) {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="policyCacheProbeDefinitions"
            name="probe" namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="%s" name="probe" camunda:historyTimeToLive="1">
            <decisionTable id="probeTable">
              <input id="probeInput"><inputExpression id="probeInputExpression" typeRef="string"><text>x</text></inputExpression></input>
              <output id="probeOutput" name="answer" typeRef="string" />
              <rule id="probeRule">
                <inputEntry id="probeEntry"><text>"a"</text></inputEntry>
                <outputEntry id="probeAnswer"><text>%s</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(KEY, output);
    deployments.add(engine.getRepositoryService().createDeployment().name("policy cache probe")
        .addString("policy-cache-probe.dmn", dmn).deploy().getId());
  }
}
