package cn.shequflow.core.approval.operations;

import cn.shequflow.core.approval.ApprovalMapper;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.approval.ApprovalTask;
import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.guard.Refusals;
import cn.shequflow.core.guard.TaskHandOnGuard;
import cn.shequflow.core.guard.Trusted;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Person;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.organisation.RoleAssignment;
import cn.shequflow.core.process.CaseConflictException;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The approval operations that change the chain and the flow: 退回 return, 撤回 withdraw and 加签
 * add signer, for the approval task of every family (CONTRACTS.md "Approval operations"). The rule
 * of each stands here, in one place:
 *
 * <ul>
 *   <li>Who: a task operation is for the task's assignee or a candidate of an open approval task
 *       (404 if the task is not visible at all, 403 for anyone else, 409 for a task that is not an
 *       approval task or a task claimed by a colleague); withdraw is for the applicant or the
 *       previous approver (404 for a case the user may not see, 403 for anyone else).
 *   <li>What: changes to the rows of {@code approval_step} (decisions are never deleted: a returned
 *       or withdrawn decision stays on its row as {@code returned}/{@code withdrawn}, a fresh row
 *       takes its place), one timeline entry, and where the flow must move a fixed process
 *       instance modification: the approval multi-instance is cancelled and started again (its
 *       collection {@code approvalChain.currentStep} then opens the right step), or the flow
 *       starts before the family's reject task, an earlier task or its withdrawn end event.
 *   <li>How: after the checks above, the engine work runs inside {@link Trusted#run} in one engine
 *       command with the product's rights, in one transaction with the rows and the timeline: a
 *       refusal or failure leaves nothing half-written.
 * </ul>
 */
@Service
public class ApprovalOperations {

  public static final int MAX_REASON = 1000;

  /** An earlier task the approval task may be returned to ({@code GET /api/tasks/{id}/return-targets}). */
  public record Target(String targetActivityId, String name) {}

  /** What an operation did: the case, its status, and a sentence for the person who did it. */
  public record Outcome(String businessKey, String status, String statusLabel, String message) {}

  /** An open approval task, its position on the chain, its case and its model. */
  private record Held(Task task, ApprovalStep step, CaseRecord record, ApprovalModel model) {}

  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final HistoryService history;
  private final IdentityService identity;
  private final ApprovalMapper mapper;
  private final Cases cases;
  private final CommunityScope scope;
  private final Organisation organisation;
  private final CurrentUser currentUser;

  public ApprovalOperations(ObjectProvider<ProcessEngineConfigurationImpl> engine, TaskService tasks,
      RuntimeService runtime, RepositoryService repository, HistoryService history, IdentityService identity,
      ApprovalMapper mapper, Cases cases, CommunityScope scope, Organisation organisation, CurrentUser currentUser) {
    this.engine = engine;
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.history = history;
    this.identity = identity;
    this.mapper = mapper;
    this.cases = cases;
    this.scope = scope;
    this.organisation = organisation;
    this.currentUser = currentUser;
  }

  // ---------------------------------------------------------------------------------------------
  // 退回 return

  public List<Target> returnTargets(String taskId) {
    String userId = user();
    visibleTask(taskId);
    return trusted(() -> targets(held(taskId, userId, "退回")));
  }

  public Outcome returnTo(String taskId, String targetActivityId, String reason) {
    String userId = user();
    visibleTask(taskId);
    return trusted(() -> {
      Held h = held(taskId, userId, "退回");
      String why = reason(reason, true);
      if (targetActivityId == null || targetActivityId.isBlank()) {
        throw new InvalidInputException("targetActivityId", "请选择退回到哪一步（targetActivityId）");
      }
      List<Target> targets = targets(h);
      Target target = targets.stream().filter(t -> t.targetActivityId().equals(targetActivityId)).findFirst()
          .orElseThrow(() -> new InvalidInputException("targetActivityId", "不能退回到“" + targetActivityId + "”。"
              + (targets.isEmpty() ? "本任务没有可退回的环节" : "可退回的环节："
                  + targets.stream().map(t -> t.targetActivityId() + "（" + t.name() + "）")
                      .collect(Collectors.joining("、")))));
      String name = organisation.displayName(userId);
      if (mapper.decide(h.step().id(), ApprovalStep.RETURNED, userId, name, false, why, Clock.now()) != 1) {
        throw new CaseConflictException("该审批岗位已不在办理中，不能退回");
      }
      cases.event(h.record().businessKey(), userId, CaseActions.RETURNED, h.task().getName(), false,
          timelineComment("退回至" + target.name() + "：", why));
      Optional<UserTask> revise = h.model().reviseTask();
      if (revise.isPresent() && revise.get().getId().equals(targetActivityId)) {
        returnToApplicant(h, name, why);
      } else if (targetActivityId.startsWith(h.model().approvalId() + STEP_SEPARATOR)) {
        returnToStep(h, Integer.parseInt(targetActivityId.substring(h.model().approvalId().length() + 1)));
      } else {
        returnBeforeChain(h, targetActivityId);
      }
      return outcome(h.record().businessKey(), "已退回至" + target.name());
    });
  }

  /** Separates the approval activity from a step number in a step's target id, e.g. {@code approveLeave:1}. */
  static final String STEP_SEPARATOR = ":";

  private List<Target> targets(Held h) {
    List<Target> targets = new ArrayList<>();
    h.model().reviseTask().ifPresent(revise -> targets.add(new Target(revise.getId(),
        "申请人" + h.record().applicantName() + "（修改后重新提交或撤回）")));
    List<UserTask> before = new ArrayList<>(h.model().userTasksBeforeChain());
    java.util.Collections.reverse(before);
    for (UserTask task : before) {
      boolean done = history.createHistoricActivityInstanceQuery().processInstanceId(h.task().getProcessInstanceId())
          .activityId(task.getId()).finished().count() > 0;
      if (done) {
        targets.add(new Target(task.getId(), ApprovalModel.staticName(task)));
      }
    }
    List<ApprovalStep> round = mapper.round(h.record().businessKey(), h.record().submission());
    Set<Integer> earlier = new TreeSet<>();
    round.stream().filter(s -> s.stepNo() < h.step().stepNo() && ApprovalStep.APPROVED.equals(s.state()))
        .forEach(s -> earlier.add(s.stepNo()));
    for (int stepNo : earlier) {
      String holders = round.stream()
          .filter(s -> s.stepNo() == stepNo && ApprovalStep.APPROVED.equals(s.state()))
          .map(s -> roleLabel(s) + " " + s.decidedByName())
          .collect(Collectors.joining("、"));
      targets.add(new Target(h.model().approvalId() + STEP_SEPARATOR + stepNo, "第" + stepNo + "步审批（" + holders + "）"));
    }
    return targets;
  }

  /**
   * (b) To the applicant: the round's open positions end as returned, and the flow goes where a
   * refusal goes, the family's reject task (status 已退回, the notice with the reason) and then
   * the revise task, from which the applicant resubmits (a new round) or withdraws.
   */
  private void returnToApplicant(Held h, String name, String why) {
    closeRound(h.record(), ApprovalStep.RETURNED);
    String pi = h.task().getProcessInstanceId();
    runtime.setVariable(pi, "returnedByName", name);
    runtime.setVariable(pi, "returnComment", why);
    FlowNode reject = h.model().rejectTask().orElseThrow();
    modification(pi, h.model().approvalId()).startBeforeActivity(reject.getId()).execute();
  }

  /**
   * (a) To an earlier step of the current round: the decisions of that step and later stay on
   * their rows as returned and fresh pending rows take their places; positions open now go back to
   * pending; the approval multi-instance starts again at the target step.
   */
  private void returnToStep(Held h, int stepNo) {
    CaseRecord record = h.record();
    for (ApprovalStep s : mapper.round(record.businessKey(), record.submission())) {
      if (s.stepNo() < stepNo) {
        continue;
      }
      if (s.id().equals(h.step().id())) {
        mapper.insert(s.freshCopy(UUID.randomUUID().toString(), s.stepNo()));
      } else if (ApprovalStep.APPROVED.equals(s.state())) {
        mapper.transition(s.id(), ApprovalStep.APPROVED, ApprovalStep.RETURNED);
        mapper.insert(s.freshCopy(UUID.randomUUID().toString(), s.stepNo()));
      } else if (ApprovalStep.ACTIVE.equals(s.state())) {
        mapper.transition(s.id(), ApprovalStep.ACTIVE, ApprovalStep.PENDING);
      }
    }
    restartApproval(h.task().getProcessInstanceId(), h.model().approvalId());
  }

  /**
   * (c) To a task before the chain is fixed (e.g. the justice office's check of the proofs): the
   * round is closed (its open positions end as returned) and a new round begins, which the
   * re-run fixes afresh from the decision table.
   */
  private void returnBeforeChain(Held h, String targetActivityId) {
    closeRound(h.record(), ApprovalStep.RETURNED);
    cases.nextSubmission(h.record());
    modification(h.task().getProcessInstanceId(), h.model().approvalId()).startBeforeActivity(targetActivityId)
        .execute();
  }

  // ---------------------------------------------------------------------------------------------
  // 撤回 withdraw

  public Outcome withdraw(String businessKey, String reason) {
    String userId = user();
    CaseRecord visible = scope.visibleCase(userId, businessKey);
    return trusted(() -> {
      mapper.lockRound(businessKey, cases.get(businessKey).submission());
      CaseRecord record = cases.get(businessKey); // as it is now that no one else changes the round
      List<ApprovalStep> round = mapper.round(record.businessKey(), record.submission());
      Optional<ApprovalStep> ownDecision = previousDecision(round, userId);
      boolean applicant = userId.equals(record.applicantId());
      if (ownDecision.isEmpty() && !applicant) {
        throw Refusals.forbidden("只有申请人，或刚审批过的上一步审批人，可以撤回");
      }
      String why = reason(reason, false);
      CaseFamily family = cases.familyOf(record);
      if (record.closedAt() != null) {
        throw new CaseConflictException("事项 " + businessKey + " 已" + family.statusLabel(record.status()) + "，不能撤回");
      }
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(record.processInstanceId())
          .singleResult();
      if (instance == null) {
        throw new CaseConflictException("事项 " + businessKey + " 的流程已结束，不能撤回");
      }
      BpmnModelInstance bpmn = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
      ApprovalModel model = new ApprovalModel(bpmn, approvalActivity(bpmn));
      List<String> leaves = leaves(runtime.getActivityInstance(instance.getId()));
      if (ownDecision.isPresent()) {
        return withdrawDecision(record, model, ownDecision.get(), leaves, userId, why);
      }
      return withdrawRequest(record, family, model, round, leaves, userId, why);
    });
  }

  /**
   * The caller's approval on the last completed step of the current round, while no later step
   * has a decision: the decision he may still take back.
   */
  private static Optional<ApprovalStep> previousDecision(List<ApprovalStep> round, String userId) {
    Set<Integer> steps = new TreeSet<>(java.util.Comparator.reverseOrder());
    round.stream().filter(s -> !ApprovalStep.RETURNED.equals(s.state()) && !ApprovalStep.WITHDRAWN.equals(s.state()))
        .forEach(s -> steps.add(s.stepNo()));
    for (int stepNo : steps) {
      List<ApprovalStep> step = round.stream().filter(s -> s.stepNo() == stepNo && !ApprovalStep.RETURNED.equals(s.state())
          && !ApprovalStep.WITHDRAWN.equals(s.state())).toList();
      boolean complete = step.stream().allMatch(s -> ApprovalStep.APPROVED.equals(s.state()));
      if (complete) {
        return step.stream().filter(s -> userId.equals(s.decidedBy())).findFirst();
      }
      if (step.stream().anyMatch(s -> s.decidedBy() != null)) {
        return Optional.empty(); // a later step (or this one) already has a decision
      }
    }
    return Optional.empty();
  }

  /**
   * (2) The previous approver takes his decision back while the next step has not decided: his row
   * stays as withdrawn, a fresh one takes its place, the next step's open tasks are cancelled
   * (their positions back to pending) and the task comes back to him.
   */
  private Outcome withdrawDecision(CaseRecord record, ApprovalModel model, ApprovalStep own, List<String> leaves,
      String userId, String why) {
    if (leaves.isEmpty() || !leaves.stream().allMatch(model.approvalId()::equals)) {
      throw new CaseConflictException("事项 " + record.businessKey() + " 已进入下一环节，不能撤回审批意见");
    }
    if (mapper.transition(own.id(), ApprovalStep.APPROVED, ApprovalStep.WITHDRAWN) != 1) {
      throw new CaseConflictException("审批意见已变化，请刷新后重试");
    }
    for (ApprovalStep s : mapper.round(record.businessKey(), record.submission())) {
      if (s.stepNo() > own.stepNo() && ApprovalStep.ACTIVE.equals(s.state())) {
        mapper.transition(s.id(), ApprovalStep.ACTIVE, ApprovalStep.PENDING);
      }
    }
    ApprovalStep fresh = own.freshCopy(UUID.randomUUID().toString(), own.stepNo());
    mapper.insert(fresh);
    restartApproval(record.processInstanceId(), model.approvalId());
    ApprovalStep reopened = mapper.find(fresh.id());
    if (!ApprovalStep.ACTIVE.equals(reopened.state()) || reopened.taskId() == null) {
      throw new IllegalStateException("Withdrawn decision " + own.id() + " did not reopen its position");
    }
    // Created in this command, not flushed yet: read through the command's cache.
    Task task = Context.getCommandContext().getTaskManager().findTaskById(reopened.taskId());
    if (task.getAssignee() == null) {
      tasks.setAssignee(task.getId(), userId);
    }
    cases.event(record.businessKey(), userId, CaseActions.DECISION_WITHDRAWN, task.getName(), null, why);
    return outcome(record.businessKey(), "已撤回审批意见，任务“" + task.getName() + "”已回到您的待办");
  }

  /**
   * (1) The applicant withdraws the request while it is with him (the revise task) or while no
   * approver has decided in the current round: the case ends through the family's withdrawn end
   * event (its listener sets the status; the instance ends normally).
   */
  private Outcome withdrawRequest(CaseRecord record, CaseFamily family, ApprovalModel model, List<ApprovalStep> round,
      List<String> leaves, String userId, String why) {
    Optional<EndEvent> end = model.withdrawnEnd();
    if (end.isEmpty()) {
      throw new CaseConflictException(family.label() + "没有撤回环节，不能撤回；不再办理的，请由审批人作出不予批准的决定");
    }
    boolean withApplicant = model.reviseTask().map(r -> !leaves.isEmpty() && leaves.stream().allMatch(r.getId()::equals))
        .orElse(false);
    if (!withApplicant) {
      if (round.stream().anyMatch(s -> s.decidedBy() != null)) {
        throw new CaseConflictException("已有审批意见，不能撤回");
      }
      Set<String> beforeDecision = new HashSet<>();
      beforeDecision.add(model.approvalId());
      model.userTasksBeforeChain().forEach(t -> beforeDecision.add(t.getId()));
      if (leaves.isEmpty() || !beforeDecision.containsAll(leaves)) {
        throw new CaseConflictException("事项 " + record.businessKey() + " 当前环节不能撤回");
      }
    }
    closeRound(record, ApprovalStep.WITHDRAWN);
    cases.event(record.businessKey(), userId, CaseActions.WITHDRAWN, null, null, why);
    endThrough(runtime, record.processInstanceId(), end.get().getId());
    return outcome(record.businessKey(), "申请已撤回");
  }

  /**
   * Ends the instance through {@code endEventId}: everything still open (tasks, timers, transitions)
   * is cancelled and the flow starts before the end event, whose listener sets the case's status
   * (撤回 withdrawn, 作废 voided). Call with the product's rights.
   */
  static void endThrough(RuntimeService runtime, String processInstanceId, String endEventId) {
    ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
    ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(processInstanceId);
    for (ActivityInstance child : tree.getChildActivityInstances()) {
      modification.cancelActivityInstance(child.getId());
    }
    for (var child : tree.getChildTransitionInstances()) {
      modification.cancelTransitionInstance(child.getId());
    }
    modification.startBeforeActivity(endEventId).execute();
  }

  // ---------------------------------------------------------------------------------------------
  // 加签 add signer

  public Outcome addSigner(String taskId, String signerId, String position, String reason) {
    String userId = user();
    visibleTask(taskId);
    return trusted(() -> {
      Held h = held(taskId, userId, "加签");
      if (signerId == null || signerId.isBlank()) {
        throw new InvalidInputException("userId", "请选择加签人员（userId）");
      }
      if (!"before".equals(position) && !"after".equals(position)) {
        throw new InvalidInputException("position", "加签位置（position）只能是 before（前加签）或 after（后加签）");
      }
      String why = reason(reason, false);
      RoleAssignment role = signerRole(h, signerId, userId);
      CaseRecord record = h.record();
      int current = h.step().stepNo();
      boolean before = "before".equals(position);
      ApprovalStep added = new ApprovalStep(UUID.randomUUID().toString(), record.businessKey(), record.submission(),
          before ? current : current + 1, role.role().name(), role.unitId(), null, ApprovalStep.PENDING, null, null,
          null, null, null, null, signerId);
      String signerName = organisation.displayName(signerId);
      if (before) {
        mapper.shiftFrom(record.businessKey(), record.submission(), current);
        for (ApprovalStep s : mapper.round(record.businessKey(), record.submission())) {
          if (ApprovalStep.ACTIVE.equals(s.state())) {
            mapper.transition(s.id(), ApprovalStep.ACTIVE, ApprovalStep.PENDING);
          }
        }
        mapper.insert(added);
        cases.event(record.businessKey(), userId, CaseActions.SIGNER_ADDED_BEFORE, h.task().getName(), null,
            timelineComment("前加签 " + signerName, why == null ? null : "：" + why));
        restartApproval(h.task().getProcessInstanceId(), h.model().approvalId());
        return outcome(record.businessKey(), "已前加签：先由" + signerName + "审批，再回到本岗位");
      }
      mapper.shiftFrom(record.businessKey(), record.submission(), current + 1);
      mapper.insert(added);
      cases.event(record.businessKey(), userId, CaseActions.SIGNER_ADDED_AFTER, h.task().getName(), null,
          timelineComment("后加签 " + signerName, why == null ? null : "：" + why));
      return outcome(record.businessKey(), "已后加签：本岗位审批后，由" + signerName + "审批");
    });
  }

  /**
   * The role in which a person may be added as a signer: a known person, not the caller, not the
   * applicant, not already on the current round of the chain, who may be brought into the case
   * ({@link CommunityScope#broughtInAs}: the case's own community and the street roles its family
   * allows, ORG-5); his position is held in that role.
   */
  private RoleAssignment signerRole(Held h, String signerId, String userId) {
    Optional<Person> person = organisation.person(signerId);
    if (person.isEmpty() || identity.createUserQuery().userId(signerId).count() == 0) {
      throw new InvalidInputException("userId", "没有用户“" + signerId + "”");
    }
    if (signerId.equals(userId)) {
      throw new InvalidInputException("userId", "不能给自己加签");
    }
    CaseRecord record = h.record();
    if (signerId.equals(record.applicantId())) {
      throw new InvalidInputException("userId", "申请人不能审批自己的申请");
    }
    Set<String> groups = identity.createGroupQuery().groupMember(signerId).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
    for (ApprovalStep s : mapper.round(record.businessKey(), record.submission())) {
      boolean holds = signerId.equals(s.candidateUser()) || signerId.equals(s.decidedBy())
          || (s.open() && s.candidateGroup() != null && groups.contains(s.candidateGroup()));
      if (holds && !ApprovalStep.RETURNED.equals(s.state()) && !ApprovalStep.WITHDRAWN.equals(s.state())) {
        throw new InvalidInputException("userId", person.get().name() + "已在本轮审批链上，不能再加签");
      }
    }
    CaseFamily family = cases.familyOf(record);
    return scope.broughtInAs(signerId, record, family).orElseThrow(() -> new InvalidInputException("userId",
        scope.notBroughtIn(signerId, record, family) + "，不能加签"));
  }

  // ---------------------------------------------------------------------------------------------
  // shared

  private String user() {
    String userId = currentUser.id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    return userId;
  }

  /** The task as the user sees it (the engine's own authorization): 404 when not visible. */
  private void visibleTask(String taskId) {
    Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + taskId + " 的任务，或无权查看");
    }
  }

  /** The open approval task the user holds (assignee or candidate), with its position and case. */
  private Held held(String taskId, String userId, String operation) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("没有编号为 " + taskId + " 的任务，或无权查看");
    }
    boolean candidate = false;
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
    for (IdentityLink link : TaskHandOnGuard.identityLinks(tasks, taskId)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (userId.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
        candidate = true;
      }
    }
    if (!userId.equals(task.getAssignee()) && !candidate) {
      throw Refusals.forbidden("只有任务的办理人或候选人可以" + operation + "该任务");
    }
    TaskHandOnGuard.notWhileDelegated(task, userId, operation);
    if (task.getAssignee() != null && !userId.equals(task.getAssignee())) {
      throw new CaseConflictException("该任务已由" + organisation.displayName(task.getAssignee()) + "认领，只有认领人可以"
          + operation);
    }
    Object stepId = task.getExecutionId() == null ? null
        : runtime.getVariableLocal(task.getExecutionId(), ApprovalTask.STEP_VARIABLE);
    ApprovalStep step = stepId instanceof String id ? mapper.find(id) : null;
    if (step == null) {
      throw new CaseConflictException("“" + task.getName() + "”不是审批任务，不能" + operation);
    }
    // One change of a round at a time: a decision completing at the same moment waits, or has won.
    mapper.lockRound(step.businessKey(), step.submission());
    step = mapper.find(step.id());
    if (!ApprovalStep.ACTIVE.equals(step.state()) || !taskId.equals(step.taskId())) {
      throw new CaseConflictException("该审批岗位已不在办理中，不能" + operation);
    }
    CaseRecord record = cases.get(step.businessKey());
    if (record == null || !record.processInstanceId().equals(task.getProcessInstanceId())
        || record.submission() != step.submission()) {
      throw new CaseConflictException("该审批岗位不属于事项的本轮审批，不能" + operation);
    }
    ApprovalModel model = new ApprovalModel(repository.getBpmnModelInstance(task.getProcessDefinitionId()),
        task.getTaskDefinitionKey());
    return new Held(task, step, record, model);
  }

  /** The approval activity of a family's model (each family has one). */
  private static String approvalActivity(BpmnModelInstance bpmn) {
    return bpmn.getModelElementsByType(UserTask.class).stream().filter(ApprovalModel::isApprovalTask)
        .map(UserTask::getId).findFirst()
        .orElseThrow(() -> new CaseConflictException("该事项没有审批环节，不能撤回"));
  }

  private static String reason(String reason, boolean required) {
    String text = cn.shequflow.core.process.Texts.written("reason", "理由（reason）", reason, MAX_REASON);
    if (text == null && required) {
      throw new InvalidInputException("reason", "请填写理由（reason）");
    }
    return text;
  }

  /** The timeline's comment: what was done, then the person's reason ({@link Cases#event} fits it to its column). */
  private static String timelineComment(String what, String reason) {
    return reason == null ? what : what + reason;
  }

  private static String roleLabel(ApprovalStep s) {
    try {
      return Role.parse(s.approverRole()).label();
    } catch (IllegalArgumentException e) {
      return s.approverRole();
    }
  }

  /** The round's open positions end in {@code state} (returned, withdrawn). */
  private void closeRound(CaseRecord record, String state) {
    for (ApprovalStep s : mapper.round(record.businessKey(), record.submission())) {
      if (s.open()) {
        mapper.transition(s.id(), s.state(), state);
      }
    }
  }

  /** A modification that first cancels the approval multi-instance of the process instance. */
  private ProcessInstanceModificationBuilder modification(String processInstanceId, String approvalId) {
    ActivityInstance tree;
    try {
      tree = runtime.getActivityInstance(processInstanceId);
    } catch (NullPointerException e) {
      // The instance was ended by a concurrent withdrawal while its tree was read (an engine NPE).
      throw new CaseConflictException("事项刚被他人处理，请刷新后重试");
    }
    ActivityInstance body = find(tree, approvalId + MI_BODY);
    if (body == null) {
      throw new CaseConflictException("事项已不在审批环节");
    }
    return runtime.createProcessInstanceModification(processInstanceId).cancelActivityInstance(body.getId());
  }

  /** Starts the approval multi-instance again: its collection opens the lowest pending step. */
  private void restartApproval(String processInstanceId, String approvalId) {
    modification(processInstanceId, approvalId).startBeforeActivity(approvalId + MI_BODY).execute();
  }

  private static final String MI_BODY = "#multiInstanceBody";

  private static ActivityInstance find(ActivityInstance instance, String activityId) {
    if (instance == null) {
      return null;
    }
    if (activityId.equals(instance.getActivityId())) {
      return instance;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      ActivityInstance found = find(child, activityId);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The activity ids of the leaves of the activity instance tree (what is open now). */
  private static List<String> leaves(ActivityInstance instance) {
    List<String> leaves = new ArrayList<>();
    if (instance == null) {
      return leaves;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0) {
        leaves.add(child.getActivityId());
      } else {
        leaves.addAll(leaves(child));
      }
    }
    for (var transition : instance.getChildTransitionInstances()) {
      leaves.add(transition.getActivityId());
    }
    return leaves;
  }

  private Outcome outcome(String businessKey, String message) {
    CaseRecord record = cases.get(businessKey);
    CaseFamily family = cases.familyOf(record);
    return new Outcome(businessKey, record.status(), family.statusLabel(record.status()), message);
  }

  /** The product's own engine work, with its rights, in one transaction with the rows and the timeline. */
  private <T> T trusted(Supplier<T> work) {
    return trusted(engine, work);
  }

  /** As above, for the other operations of this package (作废). */
  static <T> T trusted(ObjectProvider<ProcessEngineConfigurationImpl> engine, Supplier<T> work) {
    return Trusted.run(() -> engine.getObject().getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      try {
        return work.get();
      } finally {
        context.enableAuthorizationCheck();
      }
    }));
  }
}
