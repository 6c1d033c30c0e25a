package cn.shequflow.core.approval;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.ApprovalDecision;
import cn.shequflow.core.process.CaseConflictException;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create and complete listener of every approval task ({@code ${approvalTask}}). On create the task
 * is tied to its position on the chain and gets its own, empty {@code approved} and {@code comment}
 * (local to the task's execution, so parallel approvers never overwrite each other and no earlier
 * "yes" is carried over). On complete the decision is checked (a refusal needs a comment) and
 * written onto the chain and the case's timeline; a refusal closes the round.
 */
@Component("approvalTask")
public class ApprovalTask implements TaskListener {

  /** The multi-instance element variable that names the task's position. */
  public static final String STEP_VARIABLE = "approvalStepId";

  private final ApprovalChain chain;
  private final ApprovalMapper mapper;
  private final Cases cases;
  private final Organisation organisation;
  private final CurrentUser currentUser;

  public ApprovalTask(ApprovalChain chain, ApprovalMapper mapper, Cases cases, Organisation organisation,
      CurrentUser currentUser) {
    this.chain = chain;
    this.mapper = mapper;
    this.cases = cases;
    this.organisation = organisation;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    ApprovalStep step = chain.step((String) execution.getVariableLocal(STEP_VARIABLE));
    if (!step.businessKey().equals(execution.getProcessBusinessKey())) {
      throw new IllegalStateException("Approval step " + step.id() + " is not of " + execution.getProcessBusinessKey());
    }
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      mapper.attachTask(step.id(), task.getId());
      execution.setVariableLocal("approved", null);
      execution.setVariableLocal("comment", null);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      decide(task, execution, step);
    }
  }

  private void decide(DelegateTask task, DelegateExecution execution, ApprovalStep step) {
    ApprovalDecision decision = ApprovalDecision.read(execution);
    String userId = currentUser.idOr(task.getAssignee() != null ? task.getAssignee() : "system");
    String name = organisation.displayName(userId);
    int updated = mapper.decide(step.id(), decision.approved() ? ApprovalStep.APPROVED : ApprovalStep.REJECTED,
        userId, name, decision.approved(), decision.comment(), Clock.now());
    if (updated != 1) {
      // Returned, withdrawn or moved by an approval operation a moment ago (退回, 撤回, 加签): 409.
      throw new CaseConflictException("该审批岗位刚被退回、撤回或加签，已不在办理中，请刷新后查看");
    }
    cases.event(step.businessKey(), userId, decision.approved() ? CaseActions.APPROVED : CaseActions.REJECTED,
        task.getName(), decision.approved(), decision.comment());
    if (!decision.approved()) {
      mapper.cancelOpen(step.businessKey(), step.submission());
      // What the applicant reads on the revise form (display only; nothing routes on it).
      execution.getProcessInstance().setVariable("returnedByName", name);
      execution.getProcessInstance().setVariable("returnComment", decision.comment());
    }
  }
}
