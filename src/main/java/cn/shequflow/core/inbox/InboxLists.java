package cn.shequflow.core.inbox;

import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.calendar.Deadlines;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.Inputs;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import cn.shequflow.core.approval.operations.CaseVoiding;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The inbox lists of the Tasklist plugin: 我的申请 ({@code GET /api/cases/mine}), 已办
 * ({@code GET /api/tasks/done}) and 抄送我的 ({@code GET /api/cc}), newest first, paged with
 * {@link Paging}. Each shows only the caller's own rows.
 */
@Service
public class InboxLists {

  /** How many of a person's finished tasks 已办 reads back from history. */
  static final int DONE_WINDOW = 500;

  public record Page<T>(int page, int size, long total, List<T> items) {}

  /** An open task of a case and whom it is with. */
  /** {@code provisional}: the due date is 暂定 (counted with estimated holidays, see {@code Deadlines}); {@code note} says so. */
  public record Step(String taskId, String taskName, String assigneeId, String holders, LocalDateTime due,
      boolean provisional, String note) {}

  /** {@code voidable}: the applicant may void it now (作废, {@link CaseVoiding#voidable}). */
  public record MyCase(String businessKey, String family, String familyLabel, String subject, String status,
      String statusLabel, List<Step> currentSteps, LocalDateTime createdAt, LocalDateTime updatedAt,
      LocalDateTime closedAt, boolean voidable) {}

  public record DoneTask(String businessKey, String familyLabel, String subject, String taskId, String taskName,
      Boolean approved, String decisionLabel, String comment, LocalDateTime at) {}

  public record CcItem(long id, String businessKey, String familyLabel, String subject, String statusLabel,
      String taskName, String fromUserId, String fromName, String note, LocalDateTime at, boolean read) {}

  private final Cases cases;
  private final CcMapper mapper;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final Organisation organisation;
  private final ProductRights product;
  private final CommunityScope scope;
  private final Deadlines deadlines;
  private final CaseVoiding voiding;

  public InboxLists(Cases cases, CcMapper mapper, TaskService tasks, HistoryService history, IdentityService identity,
      Organisation organisation, ProductRights product, CommunityScope scope, Deadlines deadlines, CaseVoiding voiding) {
    this.voiding = voiding;
    this.deadlines = deadlines;
    this.scope = scope;
    this.cases = cases;
    this.mapper = mapper;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.organisation = organisation;
    this.product = product;
  }

  public Page<MyCase> myCases(Paging paging) {
    String me = caller();
    long total = mapper.countCasesOf(me);
    List<MyCase> items = new ArrayList<>();
    for (String key : mapper.casesOf(me, paging.size(), paging.offset())) {
      CaseRecord c = cases.get(key);
      CaseFamily family = cases.familyOf(c);
      items.add(new MyCase(c.businessKey(), c.family(), family.label(), c.subject(), c.status(),
          family.statusLabel(c.status()), c.closedAt() == null ? openSteps(c) : List.of(),
          c.createdAt(), c.updatedAt(), c.closedAt(), voiding.voidable(me, c)));
    }
    return new Page<>(paging.page(), paging.size(), total, items);
  }

  /** The case's open tasks: name, and the person holding it or the posts it waits for. */
  List<Step> openSteps(CaseRecord c) {
    return product.run(() -> {
      List<Step> steps = new ArrayList<>();
      for (Task t : tasks.createTaskQuery().processInstanceId(c.processInstanceId()).orderByTaskCreateTime().asc().list()) {
        String holders;
        if (t.getAssignee() != null) {
          holders = organisation.displayName(t.getAssignee());
        } else {
          Set<String> names = new LinkedHashSet<>();
          tasks.getIdentityLinksForTask(t.getId()).forEach(link -> {
            if (link.getUserId() != null) {
              names.add(organisation.displayName(link.getUserId()));
            } else if (link.getGroupId() != null) {
              Group g = identity.createGroupQuery().groupId(link.getGroupId()).singleResult();
              names.add(g == null ? link.getGroupId() : g.getName());
            }
          });
          holders = String.join("、", names);
        }
        LocalDateTime due = t.getDueDate() == null ? null : LocalDateTime.ofInstant(t.getDueDate().toInstant(), Inputs.ZONE);
        LocalDateTime created = LocalDateTime.ofInstant(t.getCreateTime().toInstant(), Inputs.ZONE);
        boolean provisional = due != null && deadlines.isProvisional(c.businessKey(), created, due);
        steps.add(new Step(t.getId(), t.getName(), t.getAssignee(), holders, due, provisional,
            provisional ? Deadlines.PROVISIONAL_NOTE : null));
      }
      return steps;
    });
  }

  /**
   * 已办: the tasks the caller completed (history: finished with him as assignee), the approval
   * decisions he took (the chain, also when he completed without claiming) and the delegated tasks
   * he handed back with his opinion (timeline), newest first.
   */
  public Page<DoneTask> done(Paging paging) {
    String me = caller();
    Map<String, DoneTask> byTask = new HashMap<>();
    List<DoneTask> all = new ArrayList<>();
    Map<String, String> keyByInstance = new HashMap<>();
    List<HistoricTaskInstance> finished = product.run(() -> history.createHistoricTaskInstanceQuery()
        .taskAssignee(me).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, DONE_WINDOW));
    Map<String, CcMapper.Decision> decisions = new HashMap<>();
    for (CcMapper.Decision d : mapper.decisionsBy(me, DONE_WINDOW)) {
      if (d.taskId() != null) {
        decisions.put(d.taskId(), d);
      }
    }
    for (HistoricTaskInstance t : finished) {
      if (!"completed".equals(t.getDeleteReason())) {
        continue;
      }
      CaseRecord c = cases.get(keyByInstance.computeIfAbsent(t.getProcessInstanceId(), mapper::caseKeyOfInstance));
      if (c == null) {
        continue;
      }
      CcMapper.Decision d = decisions.get(t.getId());
      LocalDateTime at = LocalDateTime.ofInstant(t.getEndTime().toInstant(), Inputs.ZONE);
      DoneTask item = new DoneTask(c.businessKey(), cases.familyOf(c).label(), c.subject(), t.getId(), t.getName(),
          d == null ? null : d.approved(), d == null ? "已办理" : decisionLabel(d),
          d == null ? null : d.comment(), at);
      byTask.put(t.getId(), item);
      all.add(item);
    }
    for (CcMapper.Decision d : decisions.values()) {
      if (byTask.containsKey(d.taskId())) {
        continue;
      }
      CaseRecord c = cases.get(d.businessKey());
      HistoricTaskInstance t = product.run(() -> history.createHistoricTaskInstanceQuery().taskId(d.taskId())
          .singleResult());
      all.add(new DoneTask(c.businessKey(), cases.familyOf(c).label(), c.subject(), d.taskId(),
          t == null ? null : t.getName(), d.approved(), decisionLabel(d), d.comment(), d.decidedAt()));
    }
    for (CcMapper.Handed h : mapper.eventsBy(me, CaseActions.DELEGATE_RESOLVED, DONE_WINDOW)) {
      CaseRecord c = cases.get(h.businessKey());
      all.add(new DoneTask(c.businessKey(), cases.familyOf(c).label(), c.subject(), null, h.taskName(), null,
          "委派处理意见", h.comment(), h.occurredAt()));
    }
    all.sort(Comparator.comparing(DoneTask::at, Comparator.nullsLast(Comparator.reverseOrder())));
    int from = (int) Math.min(paging.offset(), all.size());
    int to = Math.min(from + paging.size(), all.size());
    return new Page<>(paging.page(), paging.size(), all.size(), List.copyOf(all.subList(from, to)));
  }

  /**
   * What the person did on the chain: 同意 / 不同意, or 退回 (his return, not a refusal) and
   * 同意（已撤回） (an approval he took back).
   */
  static String decisionLabel(CcMapper.Decision d) {
    if (ApprovalStep.RETURNED.equals(d.state()) && Boolean.FALSE.equals(d.approved())) {
      return "退回";
    }
    if (ApprovalStep.WITHDRAWN.equals(d.state())) {
      return "同意（已撤回）";
    }
    if (d.approved() == null) {
      return "已办理";
    }
    return d.approved() ? "同意" : "不同意";
  }

  /**
   * 抄送我的. A copy an earlier, laxer rule let through to someone who may not be brought into the
   * case (ORG-5, {@link CommunityScope#canSee}) is left out: it shows nothing of the case.
   */
  public Page<CcItem> copiedToMe(Paging paging) {
    String me = caller();
    long total = mapper.countForRecipient(me);
    List<CcItem> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CcMapper.CcRow r : mapper.forRecipient(me, paging.size(), paging.offset())) {
      CaseRecord c = cases.get(r.businessKey());
      CaseFamily family = cases.familyOf(c);
      if (!scope.canSee(me, c, family)) {
        continue;
      }
      seen.add(c.businessKey());
      items.add(new CcItem(r.id(), c.businessKey(), family.label(), c.subject(), family.statusLabel(c.status()),
          r.taskName(), r.senderId(), r.senderName(), r.note(), r.createdAt(), r.readAt() != null));
    }
    return new Page<>(paging.page(), paging.size(), total, items);
  }

  private String caller() {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    return auth.getUserId();
  }
}
