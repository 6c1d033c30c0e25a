package cn.shequflow.core.process;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * rule tasks) are evaluated by the engine, with their history, as before.
 */
@Service
public class PolicyDecisions {

  private static final DmnEngine POLICY_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final ProcessEngineConfigurationImpl engine;
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public PolicyDecisions(@Lazy ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** Evaluates the latest deployed version of decision {@code decisionKey} with {@code inputs}. */
  public DmnDecisionResult evaluate(String decisionKey, Map<String, Object> inputs) {
    ProcessEngineConfigurationImpl config = Context.getProcessEngineConfiguration() != null
        ? Context.getProcessEngineConfiguration() : engine;
    DmnDecision decision = config.getCommandExecutorTxRequired().execute(context -> {
      DecisionDefinitionEntity latest = context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(decisionKey);
      if (latest == null) {
        throw new IllegalStateException("Policy decision " + decisionKey + " is not deployed");
      }
      return parsed.computeIfAbsent(latest.getId(), id -> {
        ResourceEntity resource = context.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
        return POLICY_ENGINE.parseDecision(decisionKey, new ByteArrayInputStream(resource.getBytes()));
      });
    });
    return POLICY_ENGINE.evaluateDecision(decision, Variables.fromMap(inputs));
  }
}
