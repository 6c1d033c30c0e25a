package cn.shequflow.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.ProcessTestSupport;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the engine's history keeps of a case under {@link LeanFullHistory}: level full less two kinds of rows. */
class LeanFullHistoryTest extends ProcessTestSupport {

  @Autowired HistoryService history;

  @Test
  @DisplayName("History level full (id 3) is kept; a leave case leaves no variable-change details, no multi-instance "
      + "counters and no list columns in history, and everything else full writes is there")
  void fullWithoutDetailsAndCounters() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel()).isSameAs(LeanFullHistory.LEVEL);
    assertThat(configuration.getHistoryLevel().getId()).as("the id recorded in every existing database").isEqualTo(3);
    assertThat(configuration.getHistory()).isEqualTo("full");

    String start = DEFAULT_NOW.toLocalDate().plusDays(1).toString();
    ProcessInstance pi = startAs("liu.staff", "leave-request",
        Map.of("leaveType", "personal", "startDate", start, "endDate", start, "days", 1, "reason", "家中有事需要处理"));
    Task approval = onlyTaskFor("zhang.director", pi);
    assertThat(tasks.getVariableLocal(approval.getId(), "listNo")).as("the open task has its list column")
        .isEqualTo(pi.getBusinessKey());
    completeAs("zhang.director", approval, Map.of("approved", true, "comment", "同意"));

    assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).count())
        .as("detail rows of variable changes (ACT_HI_DETAIL)").isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(HistoricVariableInstance::getName)
        .as("the multi-instance counters and the task list's columns are not kept")
        .doesNotContainAnyElementsOf(LeanFullHistory.MULTI_INSTANCE_COUNTERS)
        .doesNotContain("listNo", "listApplicant", "listCommunity", "listSubject")
        .contains("leaveType", "approved", "comment");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("approved")
        .singleResult().getValue()).as("the latest value of each variable stays").isEqualTo(true);
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).variableName("nrOfInstances").count()
        + history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId("approveLeave").count())
        .as("the approval ran as the chain's multi-instance step").isPositive();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).finished().count()).isEqualTo(1);
    assertThat(history.createHistoricIdentityLinkLogQuery().taskId(approval.getId()).count())
        .as("identity links (level full)").isPositive();
    assertThat(history.createUserOperationLogQuery().taskId(approval.getId()).operationType("Complete").count())
        .as("the user operation log (level full)").isEqualTo(1);
  }
}
