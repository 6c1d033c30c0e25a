package cn.shequflow.leave;

import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.ApprovalDecision;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code approveLeave}: checks the decision (a refusal needs a comment; the
 * task stays open otherwise) and writes it to the ledger with who decided and when.
 */
@Component("recordLeaveDecision")
public class RecordLeaveDecision implements TaskListener {

  private final LeaveLedgerMapper ledger;
  private final Organisation organisation;
  private final CurrentUser currentUser;

  public RecordLeaveDecision(LeaveLedgerMapper ledger, Organisation organisation, CurrentUser currentUser) {
    this.ledger = ledger;
    this.organisation = organisation;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    ApprovalDecision decision = ApprovalDecision.read(task);
    String approverId = currentUser.idOr(task.getAssignee() != null ? task.getAssignee() : "system");
    Role role = Role.parse((String) task.getVariable("approverRole"));
    String businessKey = task.getExecution().getProcessBusinessKey();
    Number submission = (Number) task.getVariable("submission");
    ledger.insertDecision(new LeaveDecisionEntry(
        UUID.randomUUID().toString(),
        businessKey,
        submission == null ? 1 : submission.intValue(),
        ((Number) task.getVariable("loopCounter")).intValue() + 1,
        approverId,
        organisation.displayName(approverId),
        role.name(),
        decision.approved(),
        decision.comment(),
        Clock.now()));
    String group = organisation.candidateGroup(role.name(), (String) task.getVariable("communityId"));
    task.setVariable("lastApproverGroup", group);
    task.setVariable("lastApproverName", organisation.displayName(approverId));
    task.setVariable("comment", decision.comment());
  }
}
