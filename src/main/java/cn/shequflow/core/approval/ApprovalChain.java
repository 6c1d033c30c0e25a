package cn.shequflow.core.approval;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.duties.SeparationOfDuties;
import cn.shequflow.core.organisation.OrgUnit;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The one approval chain every family uses. When a request is submitted (or resubmitted) the
 * family's decision table names the approver roles; {@link #fix} resolves each to the group that
 * holds it for the case's unit ({@link Cases#unitOf}: its community, or the street of an applicant
 * who acts in a street role) and stores the chain. The model then loops over it:
 *
 * <pre>
 *   approve (parallel multi-instance over {@code ${approvalChain.currentStep(execution)}},
 *            candidate group {@code ${approvalChain.candidateGroup(approvalStepId)}},
 *            done early when {@code ${approvalChain.stepRejected(execution)}})
 *   → gateway on {@code ${approvalChain.outcome(execution)}}: next (loop) | approved | rejected
 * </pre>
 *
 * Steps are decided in order; positions with the same step number are decided in parallel and all
 * must agree. Decisions are written by {@link ApprovalTask} onto the chain's rows; nothing here
 * reads a process variable a person could have written.
 */
@Service("approvalChain")
public class ApprovalChain {

  public static final String NEXT = "next";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";

  private final ApprovalMapper mapper;
  private final Cases cases;
  private final Organisation organisation;
  private final IdentityService identity;
  private final SeparationOfDuties duties;

  public ApprovalChain(ApprovalMapper mapper, Cases cases, Organisation organisation, IdentityService identity,
      SeparationOfDuties duties) {
    this.mapper = mapper;
    this.cases = cases;
    this.organisation = organisation;
    this.identity = identity;
    this.duties = duties;
  }

  /** A position named by a decision table: its role and (for parallel positions) its step number. */
  public record Position(Role role, Integer step) {}

  /**
   * Fixes the chain of the case's current submission from the decision result: a list of role
   * names (one output, {@code collectEntries}) or of maps with {@code approverRole} and optionally
   * {@code step} ({@code resultList}). An empty chain is refused: no request goes through unapproved.
   */
  public List<ApprovalStep> fix(DelegateExecution execution, Object decisionResult, String decisionKey) {
    CaseRecord record = cases.of(execution);
    List<Position> positions = positions(decisionResult);
    if (positions.isEmpty()) {
      throw new InvalidInputException("approvalChain", "审批链为空：决策表 " + decisionKey
          + " 没有为本申请给出任何审批岗位，请联系管理员补充规则");
    }
    if (!mapper.round(record.businessKey(), record.submission()).isEmpty()) {
      throw new IllegalStateException("The chain of " + record.businessKey() + " round " + record.submission()
          + " is fixed already");
    }
    // The case's community, or the street or district unit of an applicant who acts in a street role.
    String caseUnit = cases.unitOf(record);
    List<ApprovalStep> steps = new ArrayList<>();
    java.util.Set<Role> roles = new java.util.HashSet<>();
    int order = 0;
    for (Position p : positions) {
      order++;
      int stepNo = p.step() != null ? p.step() : order;
      // 回避: where only the applicant holds the role, the policy's substitute decides instead, once.
      Role role = duties.eligibleRole(record, p.role());
      if (!roles.add(role)) {
        continue;
      }
      OrgUnit unit = organisation.unitFor(role, caseUnit);
      String group = organisation.candidateGroup(role.name(), caseUnit);
      ApprovalStep step = new ApprovalStep(UUID.randomUUID().toString(), record.businessKey(), record.submission(),
          stepNo, role.name(), unit.id(), group, ApprovalStep.PENDING, null, null, null, null, null, null, null);
      mapper.insert(step);
      steps.add(step);
    }
    return steps;
  }

  /**
   * The positions of the step to decide now (the multi-instance collection, which the engine reads
   * more than once): the active positions if a step is open, otherwise the lowest step number with
   * pending positions in the current round, which become active.
   */
  public List<String> currentStep(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    List<ApprovalStep> round = mapper.round(record.businessKey(), record.submission());
    List<String> active = round.stream().filter(s -> ApprovalStep.ACTIVE.equals(s.state())).map(ApprovalStep::id).toList();
    if (!active.isEmpty()) {
      return active;
    }
    List<ApprovalStep> pending = round.stream().filter(s -> ApprovalStep.PENDING.equals(s.state())).toList();
    if (pending.isEmpty()) {
      throw new IllegalStateException("No pending approval step for " + record.businessKey());
    }
    int stepNo = pending.get(0).stepNo();
    List<String> ids = new ArrayList<>();
    for (ApprovalStep s : pending) {
      if (s.stepNo() == stepNo) {
        mapper.transition(s.id(), ApprovalStep.PENDING, ApprovalStep.ACTIVE);
        ids.add(s.id());
      }
    }
    return ids;
  }

  /**
   * The candidate groups of the position's task ({@code camunda:candidateGroups}): the group that
   * holds it, as fixed with the chain, or none for a position held by one person (an added
   * signer). A list, because the engine refuses {@code null} but accepts an empty collection.
   */
  public List<String> candidateGroup(String stepId) {
    ApprovalStep step = step(stepId);
    return step.candidateGroup() == null ? List.of() : List.of(step.candidateGroup());
  }

  /**
   * The assignee of the position's task ({@code camunda:assignee}): the person who holds it (an
   * added signer, 加签), or {@code null} for a position held by a group.
   */
  public String assignee(String stepId) {
    return step(stepId).candidateUser();
  }

  /**
   * The refusal or return (退回) that ended the current round, for the family's notice to the
   * applicant: the last position of the round decided "no".
   */
  public ApprovalStep refusal(CaseRecord record) {
    List<ApprovalStep> refusals = mapper.round(record.businessKey(), record.submission()).stream()
        .filter(s -> (ApprovalStep.REJECTED.equals(s.state()) || ApprovalStep.RETURNED.equals(s.state()))
            && s.decidedBy() != null && Boolean.FALSE.equals(s.approved()))
        .sorted(java.util.Comparator.comparing(ApprovalStep::decidedAt))
        .toList();
    if (refusals.isEmpty()) {
      throw new IllegalStateException("Nobody refused round " + record.submission() + " of " + record.businessKey());
    }
    return refusals.get(refusals.size() - 1);
  }

  /** Completion condition of the multi-instance: a refusal ends the step at once. */
  public boolean stepRejected(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    return mapper.round(record.businessKey(), record.submission()).stream()
        .anyMatch(s -> ApprovalStep.REJECTED.equals(s.state()));
  }

  /** After a step: {@code rejected}, {@code next} (more steps to decide) or {@code approved}. */
  public String outcome(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    List<ApprovalStep> round = mapper.round(record.businessKey(), record.submission());
    if (round.stream().anyMatch(s -> ApprovalStep.REJECTED.equals(s.state()))) {
      return REJECTED;
    }
    if (round.stream().anyMatch(s -> ApprovalStep.PENDING.equals(s.state()) || ApprovalStep.ACTIVE.equals(s.state()))) {
      return NEXT;
    }
    return APPROVED;
  }

  /**
   * Ends the current round without a decision on its open positions (e.g. a vote the rules require
   * failed): they are cancelled, so the outcome is no longer "next".
   */
  public void cancelRound(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    mapper.cancelOpen(record.businessKey(), record.submission());
  }

  /**
   * The group of the last position held by a group that approved the current round (e.g. to chase
   * a late report-back); an added signer (加签) is one person, not a group that follows a case up.
   */
  public String lastApproverGroup(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    List<ApprovalStep> approved = mapper.round(record.businessKey(), record.submission()).stream()
        .filter(s -> ApprovalStep.APPROVED.equals(s.state()) && s.candidateGroup() != null).toList();
    if (approved.isEmpty()) {
      throw new IllegalStateException("Nobody approved " + record.businessKey());
    }
    return approved.get(approved.size() - 1).candidateGroup();
  }

  /** The rows of every round, in order (ledgers show them). */
  public List<ApprovalStep> chain(String businessKey) {
    return mapper.all(businessKey);
  }

  /** The chains of several cases (a ledger's page): business key → its rows, as {@link #chain}; none: empty. */
  public java.util.Map<String, List<ApprovalStep>> chains(java.util.Collection<String> businessKeys) {
    java.util.Map<String, List<ApprovalStep>> chains = new java.util.HashMap<>();
    businessKeys.forEach(k -> chains.put(k, new java.util.ArrayList<>()));
    if (!businessKeys.isEmpty()) {
      mapper.allOf(businessKeys).forEach(s -> chains.get(s.businessKey()).add(s));
    }
    return chains;
  }

  /** Whether the user decided on the case, holds a position on its chain, or belongs to a group on it. */
  public boolean involves(String businessKey, String userId) {
    if (mapper.decidedBy(businessKey, userId) > 0 || mapper.users(businessKey).contains(userId)) {
      return true;
    }
    List<String> groups = mapper.groups(businessKey);
    return !groups.isEmpty() && identity.createGroupQuery().groupMember(userId).groupIdIn(groups.toArray(String[]::new))
        .count() > 0;
  }

  public ApprovalStep step(String stepId) {
    ApprovalStep step = stepId == null ? null : mapper.find(stepId);
    if (step == null) {
      throw new IllegalStateException("Unknown approval step " + stepId);
    }
    return step;
  }

  private static List<Position> positions(Object result) {
    List<Position> positions = new ArrayList<>();
    if (result == null) {
      return positions;
    }
    if (!(result instanceof List<?> list)) {
      throw new IllegalStateException("Approver decision result must be a list, not " + result.getClass());
    }
    for (Object entry : list) {
      if (entry instanceof String role) {
        positions.add(new Position(Role.parse(role), null));
      } else if (entry instanceof Map<?, ?> map) {
        Object role = map.get("approverRole");
        Object step = map.get("step");
        if (role == null) {
          continue;
        }
        positions.add(new Position(Role.parse(role.toString()), step instanceof Number n ? n.intValue() : null));
      } else if (entry != null) {
        throw new IllegalStateException("Unexpected approver entry " + entry);
      }
    }
    return positions;
  }
}
