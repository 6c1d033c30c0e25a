package cn.shequflow.core.approval;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.support.ChainTestFamily;
import cn.shequflow.support.ProcessTestSupport;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform's approval chain on its own (test process {@code approval-chain-test}): sequential
 * steps, parallel positions within a step, the empty chain, and a resubmission with a new chain.
 */
class ApprovalChainTest extends ProcessTestSupport {

  static final String KEY = ChainTestFamily.PROCESS_KEY;

  @Autowired ApprovalChain chain;
  @Autowired CaseMapper cases;

  private ProcessInstance start(String user, String variant) {
    return startAs(user, KEY, Map.of("variant", variant));
  }

  private List<ApprovalStep> round(ProcessInstance pi, int submission) {
    return chain.chain(pi.getBusinessKey()).stream().filter(s -> s.submission() == submission).toList();
  }

  private void decide(String user, ProcessInstance pi, boolean approved, String comment) {
    Task t = onlyTaskFor(user, pi);
    completeAs(user, t, Map.of("approved", approved, "comment", comment));
  }

  @Test
  @DisplayName("Sequential: one step after the other, each decision on its own row, status from the register")
  void sequential() {
    ProcessInstance pi = start("liu.staff", "sequential");
    Assertions.assertThat(pi.getBusinessKey()).matches("TS-2026-\\d{6}");
    Assertions.assertThat(visibleTo("qian.social", pi)).as("second step not yet").isEmpty();
    decide("zhang.director", pi, true, "同意");
    Assertions.assertThat(visibleTo("zhang.director", pi)).isEmpty();
    decide("qian.social", pi, true, "");
    assertThat(pi).isEnded().hasPassed("testApproved");
    Assertions.assertThat(round(pi, 1))
        .extracting(ApprovalStep::stepNo, ApprovalStep::candidateGroup, ApprovalStep::state, ApprovalStep::decidedBy)
        .containsExactly(
            Assertions.tuple(1, "zaozhi-director", "approved", "zhang.director"),
            Assertions.tuple(2, "pencheng-social", "approved", "qian.social"));
    Assertions.assertThat(cases.find(pi.getBusinessKey()).status()).isEqualTo("approved");
    Assertions.assertThat(cases.find(pi.getBusinessKey()).closedAt()).isNotNull();
  }

  @Test
  @DisplayName("Parallel: both positions of a step at once, decisions never overwrite each other, then the next step")
  void parallel() {
    ProcessInstance pi = start("chen.staff", "parallel");
    Assertions.assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(2);
    Assertions.assertThat(visibleTo("zhang.director", pi)).hasSize(1);
    Assertions.assertThat(visibleTo("zhou.liaison", pi)).hasSize(1);
    Assertions.assertThat(visibleTo("wang.principal", pi)).isEmpty();
    decide("zhou.liaison", pi, true, "蹲点领导同意");
    Assertions.assertThat(visibleTo("wang.principal", pi)).as("waits for the whole step").isEmpty();
    decide("zhang.director", pi, true, "主任同意");
    decide("wang.principal", pi, true, "批准");
    assertThat(pi).isEnded();
    Assertions.assertThat(round(pi, 1))
        .extracting(ApprovalStep::decidedBy, ApprovalStep::comment)
        .containsExactlyInAnyOrder(
            Assertions.tuple("zhang.director", "主任同意"),
            Assertions.tuple("zhou.liaison", "蹲点领导同意"),
            Assertions.tuple("wang.principal", "批准"));
  }

  @Test
  @DisplayName("Parallel: one refusal ends the step, the other position is cancelled, the applicant gets it back")
  void parallelRefusal() {
    ProcessInstance pi = start("chen.staff", "parallel");
    decide("zhang.director", pi, false, "预算不足");
    assertThat(pi).isWaitingAt("reviseTest");
    Assertions.assertThat(visibleTo("zhou.liaison", pi)).isEmpty();
    Assertions.assertThat(round(pi, 1)).extracting(ApprovalStep::approverRole, ApprovalStep::state)
        .containsExactlyInAnyOrder(
            Assertions.tuple("DIRECTOR", "rejected"),
            Assertions.tuple("LIAISON_LEADER", "cancelled"),
            Assertions.tuple("PRINCIPAL_LEADER", "cancelled"));
    Assertions.assertThat(cases.find(pi.getBusinessKey()).status()).isEqualTo("rejected");
  }

  @Test
  @DisplayName("An empty chain is refused at start with a clear error; nothing is left behind")
  void emptyChain() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
    Assertions.assertThatThrownBy(() -> start("liu.staff", "empty"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("审批链为空")
        .extracting("field").isEqualTo("approvalChain");
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
  }

  @Test
  @DisplayName("Resubmission fixes a new chain for the new round; the earlier round keeps its refusal")
  void resubmissionWithNewChain() {
    ProcessInstance pi = start("liu.staff", "sequential");
    decide("zhang.director", pi, false, "请改为会签");
    Task revise = onlyTaskFor("liu.staff", pi);
    completeAs("liu.staff", revise, Map.of("variant", "parallel", "resubmit", true));
    Assertions.assertThat(cases.find(pi.getBusinessKey()).submission()).isEqualTo(2);
    Assertions.assertThat(round(pi, 1)).extracting(ApprovalStep::state).containsExactly("rejected", "cancelled");
    Assertions.assertThat(round(pi, 2)).extracting(ApprovalStep::approverRole)
        .containsExactlyInAnyOrder("DIRECTOR", "LIAISON_LEADER", "PRINCIPAL_LEADER");
    Assertions.assertThat(visibleTo("zhou.liaison", pi)).hasSize(1);
    Task director = onlyTaskFor("zhang.director", pi);
    Assertions.assertThat(tasks.getVariable(director.getId(), "approved")).as("no earlier decision carried over").isNull();
  }

  @Test
  @DisplayName("A refusal without a comment is refused and the position stays open")
  void refusalNeedsComment() {
    ProcessInstance pi = start("liu.staff", "sequential");
    Task t = onlyTaskFor("zhang.director", pi);
    Assertions.assertThatThrownBy(() -> completeAs("zhang.director", t, Map.of("approved", false, "comment", " ")))
        .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("comment");
    Assertions.assertThat(round(pi, 1).get(0).state()).isEqualTo("active");
  }
}
