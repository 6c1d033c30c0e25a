package cn.shequflow.core.security;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;

import cn.shequflow.core.guard.Caller;
import cn.shequflow.core.guard.CommandGuard;
import cn.shequflow.core.guard.Refusals;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.DeploymentStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricCaseActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.metrics.MetricsQueryImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Counts over every instance of a process (Cockpit's statistics, the REST statistics and metrics)
 * are for those who may read every instance they count: the street leaders with Cockpit access and
 * the administrators. Camunda checks only READ on the definition for these counts, and every
 * member of staff may read the leave definition (Tasklist shows its diagram), so without this
 * guard a community's staff could count the other communities' leave.
 *
 * <p>A count over one definition needs READ_INSTANCE (runtime) or READ_HISTORY (history) on it;
 * a count over all definitions, deployments or the engine's metrics needs it on every definition
 * ({@code *}). Cockpit's own plugin API does not run through engine commands; it is closed to
 * users without Cockpit access by {@code shequ-security-filter-rules.json}.
 */
@Component
public class InstanceStatisticsGuard implements CommandGuard {

  static final String REFUSED = "统计数据涵盖各社区的办件，仅对街道领导和管理员开放。";

  private final AuthorizationService authorizations;
  private final RepositoryService repository;

  public InstanceStatisticsGuard(AuthorizationService authorizations, RepositoryService repository) {
    this.authorizations = authorizations;
    this.repository = repository;
  }

  @Override
  public void check(Command<?> command, Caller caller) {
    if (command instanceof ProcessDefinitionStatisticsQueryImpl
        || command instanceof DeploymentStatisticsQueryImpl
        || command instanceof MetricsQueryImpl) {
      require(caller, READ_INSTANCE, "*");
    } else if (command instanceof ActivityStatisticsQueryImpl) {
      require(caller, READ_INSTANCE, keyOf(Refusals.field(command, "processDefinitionId")));
    } else if (command instanceof HistoricActivityStatisticsQueryImpl) {
      require(caller, READ_HISTORY, keyOf(Refusals.field(command, "processDefinitionId")));
    } else if (command instanceof HistoricCaseActivityStatisticsQueryImpl
        || command instanceof HistoricDecisionInstanceStatisticsQueryImpl) {
      require(caller, READ_HISTORY, "*");
    }
  }

  /**
   * The definition's key; {@code null} when the caller cannot see it or it does not exist, and the
   * engine then refuses, reports it missing or counts only instances the caller may read.
   */
  private String keyOf(String processDefinitionId) {
    if (processDefinitionId == null) {
      return "*";
    }
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionId(processDefinitionId).singleResult();
    return definition == null ? null : definition.getKey();
  }

  private void require(Caller caller, Permission permission, String key) {
    if (key == null) {
      return;
    }
    if (!authorizations.isUserAuthorized(caller.userId(), caller.groupIds(), permission,
        Resources.PROCESS_DEFINITION, key)) {
      throw Refusals.forbidden(REFUSED);
    }
  }
}
