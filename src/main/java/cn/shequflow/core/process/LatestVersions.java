package cn.shequflow.core.process;

import cn.shequflow.core.TransactionMemo;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.springframework.stereotype.Component;

/**
 * Which version of a policy decision or of a form is the latest, asked once per database
 * transaction (issue 21). The guards of a request, its command and the command's listeners each
 * asked the database again (one query per policy evaluation and per form contract); within one
 * transaction the answer is the same unless something is deployed in it, and a deployment forgets
 * what the transaction had read (a post-deployer of the engine). A new version deployed by an
 * analyst applies from the next transaction on, as before.
 */
@Component
public class LatestVersions extends AbstractProcessEnginePlugin {

  private final TransactionMemo memo = new TransactionMemo("latest versions");

  /** The latest version of decision {@code key} (no tenant), or {@code null} if none is deployed. */
  public DecisionDefinitionEntity decision(CommandContext context, String key) {
    return memo.get(List.of("decision", key),
        () -> context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key));
  }

  /**
   * The form definition a form reference names, as the engine resolves it for Tasklist; the latest
   * binding read once per transaction, the others (deployment, version) as the engine reads them.
   */
  public CamundaFormDefinition form(CommandContext context, CamundaFormRef ref, String deploymentId) {
    if (!DefaultFormHandler.FORM_REF_BINDING_LATEST.equals(ref.getBinding())) {
      return new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context);
    }
    return memo.get(List.of("form", ref.getKey()), () -> new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPostDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
    deployers.add(deployment -> memo.forget());
    configuration.setCustomPostDeployers(deployers);
  }
}
