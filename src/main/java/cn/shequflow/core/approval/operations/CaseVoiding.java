package cn.shequflow.core.approval.operations;

import cn.shequflow.core.approval.ApprovalMapper;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.approval.operations.ApprovalOperations.Outcome;
import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.cases.VoidRule;
import cn.shequflow.core.guard.Refusals;
import cn.shequflow.core.inbox.CcMapper;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.CaseConflictException;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.Notifications;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * 作废 (void): an approved request whose effect has not started is cancelled by its applicant or an
 * administrator, with a reason. Whether the effect has started is the family's {@link VoidRule}
 * (a leave before its first working day, an expense before its voucher is booked); the rest is one
 * rule for every family, here:
 *
 * <ul>
 *   <li>Who: the applicant or an administrator (404 for a case the user may not see, 403 for anyone
 *       else); the reason is required, at most {@value ApprovalOperations#MAX_REASON} characters
 *       (400 naming {@code reason}); a case that is not approved, has started or has ended is 409.
 *   <li>What: one timeline entry ({@code void}, 作废: who and why); everything still waiting in the
 *       process (the report-back task and its overdue timer, the voucher task, ...) is cancelled and
 *       the instance ends through the family's voided end event, whose listener moves the case to
 *       {@code voided} with the register's one status mechanism ({@link Cases#moveTo}); every
 *       approver of the case (and the applicant, when an administrator voids) is notified.
 *   <li>How: with the product's rights in one engine command and one transaction, after the case
 *       row is locked: a refusal writes nothing.
 * </ul>
 */
@Service
public class CaseVoiding {

  public static final String VOIDED = "voided";

  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final ApprovalMapper approvals;
  private final Cases cases;
  private final CommunityScope scope;
  private final Organisation organisation;
  private final CurrentUser currentUser;
  private final Notifications notifications;
  private final CcMapper locks;
  private final Map<String, VoidRule> rules;

  public CaseVoiding(ObjectProvider<ProcessEngineConfigurationImpl> engine, RuntimeService runtime,
      RepositoryService repository, ApprovalMapper approvals, Cases cases, CommunityScope scope,
      Organisation organisation, CurrentUser currentUser, Notifications notifications, CcMapper locks,
      List<VoidRule> rules) {
    this.engine = engine;
    this.runtime = runtime;
    this.repository = repository;
    this.approvals = approvals;
    this.cases = cases;
    this.scope = scope;
    this.organisation = organisation;
    this.currentUser = currentUser;
    this.notifications = notifications;
    this.locks = locks;
    this.rules = rules.stream().collect(Collectors.toUnmodifiableMap(VoidRule::family, Function.identity()));
  }

  /** Whether {@code userId} may void the case now (the 作废 button of 我的申请); never throws for a refusal. */
  public boolean voidable(String userId, CaseRecord record) {
    if (record.closedAt() != null || !userId.equals(record.applicantId())) {
      return false;
    }
    VoidRule rule = rules.get(record.family());
    return rule != null && rule.refusal(record).isEmpty();
  }

  public Outcome voidCase(String businessKey, String reason) {
    String userId = currentUser.id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    scope.visibleCase(userId, businessKey);
    return ApprovalOperations.trusted(engine, () -> {
      locks.lockCase(businessKey);
      CaseRecord record = cases.get(businessKey); // as it is now that no one else changes it
      boolean administrator = currentUser.isAdministrator();
      if (!userId.equals(record.applicantId()) && !administrator) {
        throw Refusals.forbidden("只有申请人本人或管理员可以作废申请");
      }
      String why = reason(reason);
      CaseFamily family = cases.familyOf(record);
      VoidRule rule = rules.get(record.family());
      if (rule == null) {
        throw new CaseConflictException(family.label() + "不支持作废");
      }
      if (record.closedAt() != null) {
        throw new CaseConflictException("事项 " + businessKey + " " + family.statusLabel(record.status()) + "，不能作废");
      }
      Optional<String> refusal = rule.refusal(record);
      if (refusal.isPresent()) {
        throw new CaseConflictException(refusal.get());
      }
      ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(record.processInstanceId())
          .singleResult();
      if (instance == null) {
        throw new CaseConflictException("事项 " + businessKey + " 的流程已结束，不能作废");
      }
      Optional<EndEvent> end = ApprovalModel.voidedEnd(repository.getBpmnModelInstance(instance.getProcessDefinitionId()));
      if (end.isEmpty()) {
        throw new CaseConflictException("事项 " + businessKey + " 所用的流程版本没有作废环节，不能作废，请联系管理员");
      }
      cases.event(businessKey, userId, CaseActions.VOIDED, null, null, why);
      ApprovalOperations.endThrough(runtime, record.processInstanceId(), end.get().getId());
      notifyPeople(record, family, userId, why);
      CaseRecord now = cases.get(businessKey);
      return new Outcome(businessKey, now.status(), family.statusLabel(now.status()),
          family.label() + " " + businessKey + " 已作废，已通知审批人");
    });
  }

  /** Every approver of the case, and the applicant when someone else voided it; never the person who voided. */
  private void notifyPeople(CaseRecord record, CaseFamily family, String userId, String why) {
    Set<String> approvers = new LinkedHashSet<>();
    for (ApprovalStep s : approvals.all(record.businessKey())) {
      if (ApprovalStep.APPROVED.equals(s.state()) && s.decidedBy() != null) {
        approvers.add(s.decidedBy());
      }
    }
    String who = organisation.displayName(userId);
    String what = family.label() + " " + record.businessKey() + "「" + record.subject() + "」";
    for (String approver : approvers) {
      if (!approver.equals(userId)) {
        notifications.send(approver, record.businessKey(), who + "作废了您已批准的" + what + "，理由：" + why);
      }
    }
    if (!userId.equals(record.applicantId()) && !record.systemCase()) {
      notifications.send(record.applicantId(), record.businessKey(), "您的" + what + "已被" + who + "作废，理由：" + why);
    }
  }

  private static String reason(String reason) {
    String text = cn.shequflow.core.process.Texts.written("reason", "作废理由（reason）", reason, ApprovalOperations.MAX_REASON);
    if (text == null) {
      throw new InvalidInputException("reason", "请填写作废理由（reason）");
    }
    return text;
  }
}
