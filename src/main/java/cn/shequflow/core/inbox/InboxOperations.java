package cn.shequflow.core.inbox;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.guard.TaskHandOnGuard;
import cn.shequflow.core.guard.TaskHandOnGuard.Candidates;
import cn.shequflow.core.organisation.OrgUnit;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.OrganisationMapper;
import cn.shequflow.core.organisation.UnitLevel;
import cn.shequflow.core.process.CaseConflictException;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.Texts;
import cn.shequflow.core.process.Notifications;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The "people" approval operations of issue 10 (CONTRACTS.md "Approval operations"): 转办 transfer,
 * 委派 delegate, 抄送 CC and 催办 urge. Each checks who may do it first (403 for someone who does
 * not hold the task, 404 for unknown ids, 400 naming the field for bad input, 409 for a case that
 * cannot take it), then runs its fixed engine commands with the product's rights
 * ({@link ProductRights}), writes the timeline with the person's name and notifies the people
 * concerned, all in one transaction.
 */
@Service
public class InboxOperations {

  /** Longest reason or note (the timeline's comment column holds 1,000 characters). */
  public static final int MAX_TEXT = 1000;
  public static final int MAX_CC = 20;
  /** A case is urged at most once in this many minutes, by anyone. */
  public static final long URGE_INTERVAL_MINUTES = 60;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TaskHandOnGuard handOn;
  private final Cases cases;
  private final CommunityScope scope;
  private final Organisation organisation;
  private final Notifications notifications;
  private final CcMapper cc;
  private final ProductRights product;
  private final OrganisationMapper people;

  public InboxOperations(TaskService tasks, RuntimeService runtime, IdentityService identity, TaskHandOnGuard handOn,
      Cases cases, CommunityScope scope, Organisation organisation, Notifications notifications, CcMapper cc,
      ProductRights product, OrganisationMapper people) {
    this.people = people;
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.handOn = handOn;
    this.cases = cases;
    this.scope = scope;
    this.organisation = organisation;
    this.notifications = notifications;
    this.cc = cc;
    this.product = product;
  }

  public record Result(String businessKey, String taskId, String message, List<String> notified) {}

  /** A task, its case and its candidates, as the product reads them. */
  record Held(Task task, CaseRecord record, Candidates candidates) {}

  // ---- 转办 transfer -------------------------------------------------------------------------

  @Transactional
  public Result transfer(String taskId, String userId, String reason) {
    String me = caller();
    String why = requiredText("reason", reason, "转办理由");
    Held held = heldByCaller(taskId, me, "转办");
    String target = handOnTarget(held, userId, me, false);
    if (target.equals(held.task().getAssignee())) {
      throw new InvalidInputException("userId", "任务已由" + organisation.displayName(target) + "办理，无需转办");
    }
    onTask(() -> {
      if (held.task().getOwner() != null) {
        tasks.setOwner(taskId, target); // an earlier delegation is over: the task is the colleague's now
      }
      tasks.setAssignee(taskId, target);
    });
    String targetName = organisation.displayName(target);
    cases.event(held.record().businessKey(), me, CaseActions.TRANSFERRED, held.task().getName(), null,
        "转办给" + targetName + "：" + why);
    notifications.send(target, held.record().businessKey(), organisation.displayName(me) + "将任务「"
        + held.task().getName() + "」转办给您：" + why);
    return new Result(held.record().businessKey(), taskId, "已转办给" + targetName, List.of(targetName));
  }

  // ---- 委派 delegate -------------------------------------------------------------------------

  /**
   * Camunda delegation: the person who delegates becomes the task's owner, the delegate its
   * assignee. The delegate's submission resolves it ({@link DelegationResolved} records his opinion
   * on the timeline); the task goes back to the owner, who decides.
   */
  @Transactional
  public Result delegate(String taskId, String userId, String reason) {
    String me = caller();
    String why = requiredText("reason", reason, "委派理由");
    Held held = heldByCaller(taskId, me, "委派");
    String target = handOnTarget(held, userId, me, true);
    onTask(() -> {
      if (held.task().getAssignee() == null) {
        tasks.setAssignee(taskId, me);
      }
      if (!me.equals(held.task().getOwner())) {
        tasks.setOwner(taskId, me); // the delegating person owns it and gets it back
      }
      tasks.delegateTask(taskId, target);
    });
    String targetName = organisation.displayName(target);
    cases.event(held.record().businessKey(), me, CaseActions.DELEGATED, held.task().getName(), null,
        "委派给" + targetName + "：" + why);
    notifications.send(target, held.record().businessKey(), organisation.displayName(me) + "委派您处理任务「"
        + held.task().getName() + "」：" + why + "。提交处理意见后任务交回委派人决定");
    return new Result(held.record().businessKey(), taskId, "已委派给" + targetName + "，处理后交回您决定",
        List.of(targetName));
  }

  // ---- 抄送 CC -------------------------------------------------------------------------------

  @Transactional
  public Result copy(String taskId, Object userIds, String note) {
    String me = caller();
    String text = optionalText("note", note);
    List<String> recipients = userIdList(userIds);
    Held held = heldByCaller(taskId, me, "抄送");
    CaseRecord record = held.record();
    CaseFamily family = cases.familyOf(record);
    List<String> names = new ArrayList<>();
    for (String r : recipients) {
      if (r.equals(me)) {
        throw new InvalidInputException("userIds", "不能抄送给自己");
      }
      if (!userExists(r)) {
        throw new InvalidInputException("userIds", "没有用户“" + r + "”");
      }
      if (!scope.mayBringIn(r, record, family)) {
        throw new InvalidInputException("userIds", scope.notBroughtIn(r, record, family) + "，不能抄送");
      }
      names.add(organisation.displayName(r));
    }
    LocalDateTime now = Clock.now();
    String senderName = organisation.displayName(me);
    for (String r : recipients) {
      cc.insert(new CcMapper.CcRow(null, record.businessKey(), taskId, held.task().getName(), r, me, senderName, text,
          now, null));
      notifications.send(r, record.businessKey(), senderName + "抄送给您：" + family.label() + " " + record.businessKey()
          + "「" + record.subject() + "」" + (text == null ? "" : "，" + text));
    }
    cases.event(record.businessKey(), me, CaseActions.CC, held.task().getName(), null,
        "抄送给" + String.join("、", names) + (text == null ? "" : "：" + text));
    return new Result(record.businessKey(), taskId, "已抄送给" + String.join("、", names), names);
  }

  /** Marks a copy read: only its recipient (anyone else: 404, as for an unknown id). */
  @Transactional
  public void markRead(long id) {
    String me = caller();
    CcMapper.CcRow row = cc.find(id);
    if (row == null || !row.recipientId().equals(me)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的抄送");
    }
    cc.markRead(id, Clock.now());
  }

  // ---- whom to pick -------------------------------------------------------------------------

  /** A person the caller may pick in the plugin's dialogs. */
  public record PersonOption(String userId, String name, String unitName) {}

  /**
   * The people the caller may hand the task to ({@code transfer}: same role, same unit;
   * {@code delegate}: also the people of the same unit below him, {@link TaskHandOnGuard#mayBeDelegated};
   * never himself, its assignee or its applicant) or copy it to ({@code cc}), by
   * name; either way only people who may be brought into the case
   * ({@link CommunityScope#mayBringIn}: its own community and the street roles its family allows). 403/404 as for
   * the operations; 400 naming {@code for} for another kind.
   */
  @Transactional(readOnly = true)
  public List<PersonOption> targets(String taskId, String kind) {
    String me = caller();
    boolean handOnKind = "transfer".equals(kind) || "delegate".equals(kind);
    if (!handOnKind && !"cc".equals(kind)) {
      throw new InvalidInputException("for", "取值应为 transfer | delegate | cc");
    }
    Held held = heldByCaller(taskId, me, handOnKind ? ("transfer".equals(kind) ? "转办" : "委派") : "抄送", false);
    List<PersonOption> options = new ArrayList<>();
    if (handOnKind) {
      Set<String> people = new LinkedHashSet<>(held.candidates().users());
      product.run(() -> {
        for (String group : held.candidates().groups()) {
          identity.createUserQuery().memberOfGroup(group).list().forEach(u -> people.add(u.getId()));
        }
      });
      boolean delegate = "delegate".equals(kind);
      if (delegate) {
        this.people.allPeople().forEach(p -> people.add(p.userId()));
      }
      for (String p : people) {
        if (!p.equals(me) && !p.equals(held.task().getAssignee()) && product.run(() -> delegate
            ? handOn.mayBeDelegated(p, me, held.task(), held.candidates())
            : handOn.mayReceive(p, held.task(), held.candidates()))) {
          options.add(option(p));
        }
      }
    } else {
      CaseRecord record = held.record();
      CaseFamily family = cases.familyOf(record);
      for (cn.shequflow.core.organisation.Person p : people.allPeople()) {
        if (p.userId().equals(me) || !scope.mayBringIn(p.userId(), record, family)) {
          continue;
        }
        options.add(option(p.userId()));
      }
    }
    return options;
  }

  private PersonOption option(String userId) {
    String unit = organisation.person(userId).flatMap(p -> organisation.unit(p.unitId())).map(OrgUnit::name).orElse(null);
    return new PersonOption(userId, organisation.displayName(userId), unit);
  }

  // ---- 催办 urge ----------------------------------------------------------------------------

  @Transactional
  public Result urge(String businessKey, String note) {
    String me = caller();
    String text = optionalText("note", note);
    CaseRecord record = scope.visibleCase(me, businessKey);
    CaseFamily family = cases.familyOf(record);
    boolean streetRole = organisation.roles(me).stream()
        .anyMatch(r -> r.role().level() == UnitLevel.STREET && scope.of(me, family).covers(record.communityId()));
    if (!me.equals(record.applicantId()) && !streetRole) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有申请人和分管该事项的街道领导、科室可以催办");
    }
    if (record.closedAt() != null) {
      throw new CaseConflictException("事项 " + businessKey + " 已办结，无需催办");
    }
    List<Task> open = product.run(() -> tasks.createTaskQuery().processInstanceId(record.processInstanceId()).list());
    if (open.isEmpty()) {
      throw new CaseConflictException("事项 " + businessKey + " 当前没有待办任务，无需催办");
    }
    cc.lockCase(businessKey);
    LocalDateTime last = cc.lastEvent(businessKey, CaseActions.URGED);
    LocalDateTime now = Clock.now();
    if (last != null && last.isAfter(now.minusMinutes(URGE_INTERVAL_MINUTES))) {
      throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "该事项已于 "
          + last.format(DateTimeFormatter.ofPattern("HH:mm")) + " 催办过，同一事项一小时内只能催办一次，请于 "
          + last.plusMinutes(URGE_INTERVAL_MINUTES).format(DateTimeFormatter.ofPattern("HH:mm")) + " 后再试");
    }
    String urger = organisation.displayName(me);
    Set<String> notified = new LinkedHashSet<>();
    List<String> taskNames = new ArrayList<>();
    for (Task t : open) {
      taskNames.add(t.getName());
      for (String holder : holdersOf(t)) {
        if (!holder.equals(me) && notified.add(holder)) {
          notifications.send(holder, businessKey, urger + "催办：" + family.label() + " " + businessKey + "「"
              + record.subject() + "」的任务「" + t.getName() + "」请尽快办理" + (text == null ? "" : "。" + text));
        }
      }
    }
    cases.event(businessKey, me, CaseActions.URGED, String.join("、", new LinkedHashSet<>(taskNames)), null,
        text == null ? "请尽快办理" : text);
    List<String> names = notified.stream().map(organisation::displayName).toList();
    return new Result(businessKey, null, names.isEmpty() ? "已催办" : "已催办，已通知" + String.join("、", names), names);
  }

  /** The people a task is for now: its assignee, else its candidate users and the members of its candidate groups. */
  List<String> holdersOf(Task t) {
    if (t.getAssignee() != null) {
      return List.of(t.getAssignee());
    }
    return product.run(() -> {
      Candidates c = handOn.candidates(t.getId());
      Set<String> people = new LinkedHashSet<>(c.users());
      for (String group : c.groups()) {
        identity.createUserQuery().memberOfGroup(group).list().forEach(u -> people.add(u.getId()));
      }
      return List.copyOf(people);
    });
  }

  // ---- who may ----------------------------------------------------------------------------

  /** The task (404 if unknown), held by the caller (403 otherwise), of a case of the register. */
  Held heldByCaller(String taskId, String me, String operation) {
    return heldByCaller(taskId, me, operation, true);
  }

  /**
   * As above; with {@code lock}, the case is locked first (one operation on a case at a time: two
   * people transferring and delegating the same task at once are decided one after the other, and
   * the later one sees what the first did) and the task is read again under the lock.
   */
  Held heldByCaller(String taskId, String me, String operation, boolean lock) {
    Task seen = product.run(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (seen == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + taskId + " 的任务");
    }
    ProcessInstance instance = product.run(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(seen.getProcessInstanceId()).singleResult());
    CaseRecord record = instance == null ? null : cases.get(instance.getBusinessKey());
    Task task = seen;
    if (lock && record != null) {
      cc.lockCase(record.businessKey());
      task = product.run(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
      if (task == null) {
        throw new CaseConflictException("该任务刚已办结或被退回，请刷新后查看");
      }
    }
    Candidates candidates = onTask(() -> handOn.candidates(taskId));
    if (!TaskHandOnGuard.holds(task, candidates, me, callerGroups())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有任务的办理人或候选人可以" + operation + "该任务");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(me) && !me.equals(task.getOwner())) {
      throw new CaseConflictException("该任务已由" + organisation.displayName(task.getAssignee()) + "认领，只能由其" + operation);
    }
    if (!"抄送".equals(operation)) {
      TaskHandOnGuard.notWhileDelegated(task, me, operation);
    }
    if (record == null || !record.processInstanceId().equals(task.getProcessInstanceId())) {
      throw new CaseConflictException("该任务不属于任何事项，不能" + operation);
    }
    return new Held(task, record, candidates);
  }

  /**
   * The product's engine work on a task that someone may complete, return or withdraw at the same
   * moment (a completion takes no lock of ours): a task that has gone meanwhile is 409, not 500.
   */
  private <T> T onTask(java.util.function.Supplier<T> work) {
    try {
      return product.run(work);
    } catch (org.camunda.bpm.engine.exception.NullValueException | org.camunda.bpm.engine.exception.NotFoundException e) {
      throw new CaseConflictException("该任务刚已办结或被退回，请刷新后查看");
    }
  }

  private void onTask(Runnable work) {
    onTask(() -> {
      work.run();
      return null;
    });
  }

  /**
   * The person a task is handed on to: a real user, not the caller, of the same role and unit
   * (transfer), or also of the same unit below the caller ({@code delegation}).
   */
  private String handOnTarget(Held held, String userId, String me, boolean delegation) {
    if (userId == null || userId.isBlank()) {
      throw new InvalidInputException("userId", "请选择接收人（userId）");
    }
    String target = userId.trim();
    if (target.equals(me)) {
      throw new InvalidInputException("userId", "不能交给自己");
    }
    if (!userExists(target)) {
      throw new InvalidInputException("userId", "没有用户“" + target + "”");
    }
    CaseFamily family = cases.familyOf(held.record());
    if (!scope.mayBringIn(target, held.record(), family)) {
      throw new InvalidInputException("userId", scope.notBroughtIn(target, held.record(), family) + "，不能接手");
    }
    if (delegation) {
      if (!product.run(() -> handOn.eligible(target, held.candidates()) || handOn.belowHolder(target, me, held.candidates()))) {
        throw new InvalidInputException("userId", organisation.displayName(target) + "（" + target
            + "）既不是与本任务同岗位、同单位的人员，也不是本单位中您的下级，不能委派");
      }
      if (!product.run(() -> handOn.mayBeDelegated(target, me, held.task(), held.candidates()))) {
        throw new InvalidInputException("userId", organisation.displayName(target) + "（" + target
            + "）是本事项的申请人，不能接手自己的申请");
      }
      return target;
    }
    if (!product.run(() -> handOn.eligible(target, held.candidates()))) {
      throw new InvalidInputException("userId", organisation.displayName(target) + "（" + target
          + "）不是与本任务同岗位、同单位的人员，不能接手");
    }
    if (!product.run(() -> handOn.mayReceive(target, held.task(), held.candidates()))) {
      throw new InvalidInputException("userId", organisation.displayName(target) + "（" + target
          + "）是本事项的申请人，不能接手自己的申请");
    }
    return target;
  }

  private boolean userExists(String userId) {
    return userId.length() <= 64 && product.run(() -> identity.createUserQuery().userId(userId).count() > 0);
  }

  private String caller() {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    return auth.getUserId();
  }

  private Collection<String> callerGroups() {
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null || auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
  }

  static String requiredText(String field, String value, String label) {
    String text = Texts.written(field, label + "（" + field + "）", value, MAX_TEXT);
    if (text == null) {
      throw new InvalidInputException(field, "请填写" + label + "（" + field + "）");
    }
    return text;
  }

  static String optionalText(String field, String value) {
    return Texts.written(field, "附言（" + field + "）", value, MAX_TEXT);
  }

  static List<String> userIdList(Object value) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new InvalidInputException("userIds", "请选择抄送对象（userIds，1 到 " + MAX_CC + " 人）");
    }
    if (list.size() > MAX_CC) {
      throw new InvalidInputException("userIds", "一次最多抄送 " + MAX_CC + " 人");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Object o : list) {
      if (!(o instanceof String s) || s.isBlank()) {
        throw new InvalidInputException("userIds", "抄送对象应为用户编号");
      }
      ids.add(s.trim());
    }
    return List.copyOf(ids);
  }
}
