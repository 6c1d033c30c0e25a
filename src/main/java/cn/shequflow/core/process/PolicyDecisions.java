package cn.shequflow.core.process;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * The product's policy decisions (the separation of duties, the required attachments): the latest
 * deployed version of a decision, parsed once per version by a DMN engine of its own and evaluated
 * without the caller's permissions (nobody needs a right to read policy) and without writing
 * decision history (a policy is read on every claim and completion; its answer shows in what the
 * product does, not in Cockpit's decision instances). The decisions of a process model (business
 * rule tasks) are evaluated by the engine, with their history, as before. Which version is the latest
 * is kept for seconds and forgotten at once on a deployment ({@link LatestVersions}).
 *
 * <p>A decision version never changes, and a decision table is a function of its inputs, so each
 * answer is kept per version and inputs (issue 21: the FEEL engine parses every expression again on
 * each evaluation, about a seventh of the CPU of a leave case). A version whose expressions read
 * the clock ({@code now()}, {@code today()}) is evaluated afresh every time.
 */
@Service
public class PolicyDecisions {

  private static final DmnEngine POLICY_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  /** FEEL's functions of the current time: an answer that may change with the clock is not kept. */
  private static final Pattern CLOCK = Pattern.compile("\\b(now|today)\\s*\\(");
  /** At most this many answers are kept; past it they are all forgotten and gathered again. */
  static final int MAX_ANSWERS = 10_000;

  private record Parsed(DmnDecision decision, boolean readsClock) {}

  private record Question(String definitionId, Map<String, Object> inputs) {}

  private final ProcessEngineConfigurationImpl engine;
  private final LatestVersions latest;
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
  private final Map<Question, DmnDecisionResult> answers = new ConcurrentHashMap<>();

  public PolicyDecisions(@Lazy ProcessEngineConfigurationImpl engine, LatestVersions latest) {
    this.engine = engine;
    this.latest = latest;
  }

  /** Evaluates the latest deployed version of decision {@code decisionKey} with {@code inputs}. */
  public DmnDecisionResult evaluate(String decisionKey, Map<String, Object> inputs) {
    ProcessEngineConfigurationImpl config = Context.getProcessEngineConfiguration() != null
        ? Context.getProcessEngineConfiguration() : engine;
    Map.Entry<String, Parsed> version = config.getCommandExecutorTxRequired().execute(context -> {
      DecisionDefinitionEntity definition = latest.decision(context, decisionKey);
      if (definition == null) {
        throw new IllegalStateException("Policy decision " + decisionKey + " is not deployed");
      }
      return Map.entry(definition.getId(), parsed.computeIfAbsent(definition.getId(), id -> {
        ResourceEntity resource = context.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
        DmnDecision decision = POLICY_ENGINE.parseDecision(decisionKey, new ByteArrayInputStream(resource.getBytes()));
        return new Parsed(decision, CLOCK.matcher(new String(resource.getBytes(), StandardCharsets.UTF_8)).find());
      }));
    });
    Parsed decision = version.getValue();
    if (decision.readsClock()) {
      return POLICY_ENGINE.evaluateDecision(decision.decision(), Variables.fromMap(inputs));
    }
    Question question = new Question(version.getKey(), new HashMap<>(inputs));
    DmnDecisionResult known = answers.get(question);
    if (known != null) {
      return known;
    }
    DmnDecisionResult answer = POLICY_ENGINE.evaluateDecision(decision.decision(), Variables.fromMap(inputs));
    if (answers.size() >= MAX_ANSWERS) {
      answers.clear();
    }
    answers.put(question, answer);
    return answer;
  }
}
