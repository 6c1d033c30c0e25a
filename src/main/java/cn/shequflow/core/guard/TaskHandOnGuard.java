package cn.shequflow.core.guard;

import static cn.shequflow.core.guard.Refusals.field;

import java.util.HashSet;
import java.util.Set;
import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.duties.SeparationOfDuties;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.process.CaseConflictException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Handing a task on (claim, assign, unclaim, delegate, owner) below admin: only by someone who holds
 * the task (its assignee or a candidate; a task someone has claimed only by him or its owner, a
 * delegation only of a task that comes back to the person delegating), and only to a person who may act on it under the routing
 * rule, i.e. who holds the same role for the same unit (a member of one of the task's candidate
 * groups, or one of its candidate users). A task assigned to one person (the applicant's own
 * tasks) is not handed on. Allowed hand-ons run with the product's rights (people hold only
 * TASK_WORK on tasks); the rest are 403. Completing an unclaimed task of one's post is a claim
 * and a completion in one command (认领并办理, {@link ClaimOnComplete}): the claim is checked here
 * with the same rules, and runs with the person's own rights.
 */
@Component
@Order(20)
public class TaskHandOnGuard implements CommandGuard {

  private final TaskService tasks;
  private final IdentityService identity;
  private final CaseMapper cases;
  private final CaseFamilies families;
  private final CommunityScope scope;
  private final SeparationOfDuties duties;
  private final Organisation organisation;

  public TaskHandOnGuard(TaskService tasks, IdentityService identity, CaseMapper cases, CaseFamilies families,
      CommunityScope scope,
      @org.springframework.context.annotation.Lazy SeparationOfDuties duties, Organisation organisation) {
    this.duties = duties;
    this.organisation = organisation;
    this.tasks = tasks;
    this.identity = identity;
    this.cases = cases;
    this.families = families;
    this.scope = scope;
  }

  @Override
  public void check(Command<?> command, Caller caller) {
    String taskId;
    String target;
    boolean mayClear;
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      claimOnCompletion(command, caller);
      return;
    }
    if (command instanceof ClaimTaskCmd) {
      taskId = field(command, "taskId");
      target = field(command, "userId");
      mayClear = true;
    } else if (command instanceof AssignTaskCmd || command instanceof SetTaskOwnerCmd) {
      taskId = field(command, "taskId");
      target = field(command, "userId"); // AbstractAddIdentityLinkCmd keeps the user here, not in "value"
      mayClear = command instanceof AssignTaskCmd;
    } else if (command instanceof DelegateTaskCmd) {
      taskId = field(command, "taskId");
      target = field(command, "userId");
      mayClear = false;
    } else {
      return;
    }
    Task task = taskId == null ? null : GuardLookups.visibleTask(tasks, taskId);
    if (task == null) {
      return; // not visible to the caller: the engine answers 404/403 itself
    }
    if (command instanceof SetTaskOwnerCmd) {
      ownerOnlyByHolder(task, target, caller.userId());
    }
    Candidates candidates = candidates(taskId);
    checkHandOn(command instanceof ClaimTaskCmd, command instanceof AssignTaskCmd, command instanceof DelegateTaskCmd, mayClear, task, target,
        candidates, caller);
    Elevation.request();
  }

  /**
   * 认领并办理: a person completing an unassigned task he holds as a candidate claims it in the same
   * command, under the claim's rules. A task he does not hold, or one without candidates, is left to
   * the engine's own answer (he has no right to work on it).
   */
  private void claimOnCompletion(Command<?> command, Caller caller) {
    String taskId = field(command, "taskId");
    Task task = taskId == null ? null : GuardLookups.visibleTask(tasks, taskId);
    if (task == null || task.getAssignee() != null) {
      return; // gone (the engine answers), or claimed: TaskHolderGuard
    }
    Candidates candidates = candidates(taskId);
    if (candidates.users().isEmpty() && candidates.groups().isEmpty()
        || !holds(task, candidates, caller.userId(), caller.groupIds())) {
      return;
    }
    checkHandOn(true, false, false, true, task, caller.userId(), candidates, caller);
    ClaimOnComplete.request(command, taskId, caller.userId());
  }

  /** The rules of handing {@code task} on to {@code target} (null: back to the pool) by {@code caller}. */
  private void checkHandOn(boolean claim, boolean assign, boolean delegate, boolean mayClear, Task task, String target,
      Candidates candidates, Caller caller) {
    Set<String> candidateUsers = candidates.users();
    Set<String> candidateGroups = candidates.groups();
    boolean holder = holds(task, candidates, caller.userId(), caller.groupIds());
    if (!holder) {
      throw Refusals.forbidden("只有任务的办理人或候选人可以认领、转交或委派该任务");
    }
    boolean unchanged = (claim || assign) && target != null
        && target.equals(task.getAssignee()); // claiming a task one has already changes nothing
    if (!unchanged) {
      notWhileDelegated(task, caller.userId(), "认领、转交或放弃该任务");
    }
    if (claim && task.getAssignee() != null && !task.getAssignee().equals(target)) {
      throw new CaseConflictException("该任务已由" + task.getAssignee() + "认领，不能再认领");
    }
    if (target == null) {
      if (!mayClear || candidateGroups.isEmpty() && candidateUsers.isEmpty()) {
        throw Refusals.forbidden("该任务只能由指定人员办理，不能退回任务池");
      }
      if (!caller.userId().equals(task.getAssignee())) {
        throw Refusals.forbidden("只有当前办理人可以放弃认领");
      }
    } else if (delegate && !target.equals(caller.userId())
        ? !eligible(target, candidateUsers, candidateGroups) && !belowHolder(target, caller.userId(), candidates)
        : !eligible(target, candidateUsers, candidateGroups)) {
      throw Refusals.forbidden("只能交给与本任务同岗位、同单位的人员办理，“" + target + "”不在其列");
    } else if (!target.equals(caller.userId()) && isParty(target, task)) {
      throw Refusals.forbidden("不能把任务交给事项的申请人“" + target + "”办理");
    } else if (!target.equals(caller.userId()) && !mayJoinCase(target, task)) {
      CaseRecord record = caseOf(task);
      throw Refusals.forbidden(scope.notBroughtIn(target, record, families.byKey(record.family())) + "，不能接手");
    }
    if (!claim && target != null) {
      heldByCaller(task, delegate, target, caller.userId());
    }
  }

  /**
   * A task someone has claimed is handed on (assigned, given an owner, delegated) by him or by its
   * owner, not by a colleague of the same post (TaskHolderGuard: a claimed task is done by the person
   * who claimed it; the product's 转办 and 委派 keep the same rule). A delegation (委派) keeps the
   * decision with the person who delegates (ORG-2): Camunda gives the task back to its owner, or, if
   * it has none, to its assignee, so over the engine he delegates only a task he holds that way —
   * not one nobody has claimed (it would go back to nobody: 认领 it first, or use the product's
   * 委派), and not to himself.
   */
  private void heldByCaller(Task task, boolean delegate, String target, String userId) {
    String assignee = task.getAssignee();
    if (assignee != null && !assignee.equals(userId) && !userId.equals(task.getOwner())) {
      throw new CaseConflictException("该任务已由" + organisation.displayName(assignee) + "认领，只能由其转交或委派");
    }
    if (!delegate) {
      return;
    }
    if (target.equals(userId)) {
      throw new cn.shequflow.core.process.InvalidInputException("userId", "不能委派给自己");
    }
    String backTo = task.getOwner() != null ? task.getOwner() : assignee;
    if (backTo == null) {
      throw new CaseConflictException("请先认领该任务，再委派他人处理");
    }
    if (!backTo.equals(userId)) {
      throw new CaseConflictException("该任务委派后将交回" + organisation.displayName(backTo) + "，而不是您，不能这样委派；请使用任务页的“委派”");
    }
  }

  /**
   * A task's owner may hand it on even after a colleague claims it (and gets it back from a
   * delegation), so an owner is made only by the person who has claimed the task, and only of
   * himself: not of a task waiting in the pool, and not of someone else.
   */
  private void ownerOnlyByHolder(Task task, String target, String userId) {
    if (task.getAssignee() == null) {
      throw new CaseConflictException("请先认领该任务");
    }
    if (!userId.equals(task.getAssignee()) || !userId.equals(target)) {
      throw Refusals.forbidden("任务的所有人只能由其认领人设为本人");
    }
  }

  /**
   * The one rule of a task delegated (委派) and not yet handed back (delegation PENDING): the
   * delegate hands it back with his opinion (Tasklist's 完成, REST resolve) and the owner then
   * decides. Until then nobody passes it on, claims, gives it up or decides on it in the owner's
   * place (转办, 委派, 退回, 加签, claim, assign, unclaim): 409. Used by this guard and by the
   * product's operations alike.
   */
  public static void notWhileDelegated(Task task, String userId, String operation) {
    if (task.getDelegationState() != DelegationState.PENDING) {
      return;
    }
    if (userId.equals(task.getAssignee())) {
      throw new CaseConflictException("该任务是委派给您处理的：请提交处理意见（表单“完成”或 resolve），交回委派人决定，不能"
          + operation);
    }
    throw new CaseConflictException("该任务已委派他人处理，待其提交处理意见、交回委派人后才能" + operation);
  }

  /** The candidate users and groups of a task (its routing: who holds the same role for the same unit). */
  public record Candidates(Set<String> users, Set<String> groups) {}

  /**
   * The identity links of a task. A task removed by a concurrent operation (a withdrawal, a return)
   * between reading it and reading its links makes the engine fail on its missing execution; that
   * is a lost race, answered 409 "事项刚被他人处理，请刷新后重试", never a 500.
   */
  public static java.util.List<IdentityLink> identityLinks(TaskService tasks, String taskId) {
    try {
      return tasks.getIdentityLinksForTask(taskId);
    } catch (NullPointerException | org.camunda.bpm.engine.exception.NullValueException e) {
      throw new CaseConflictException(cn.shequflow.core.security.EngineRestErrors.CONCURRENT);
    }
  }

  /** The task's candidates; call it with rights to read the task's identity links. */
  public Candidates candidates(String taskId) {
    Set<String> candidateUsers = new HashSet<>();
    Set<String> candidateGroups = new HashSet<>();
    for (IdentityLink link : identityLinks(tasks, taskId)) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (link.getUserId() != null) {
          candidateUsers.add(link.getUserId());
        }
        if (link.getGroupId() != null) {
          candidateGroups.add(link.getGroupId());
        }
      }
    }
    return new Candidates(candidateUsers, candidateGroups);
  }

  /**
   * {@link #holds(Task, Candidates, String, java.util.Collection)}, reading the task's candidates only
   * when the person is neither its assignee nor its owner; call it with rights to read them.
   */
  public boolean holds(Task task, String userId, java.util.Collection<String> groupIds) {
    return userId.equals(task.getAssignee()) || userId.equals(task.getOwner())
        || holds(task, candidates(task.getId()), userId, groupIds);
  }

  /** The one rule of who holds a task: its assignee, its owner, or a candidate (directly or through a group). */
  public static boolean holds(Task task, Candidates candidates, String userId, java.util.Collection<String> groupIds) {
    return userId.equals(task.getAssignee()) || userId.equals(task.getOwner())
        || candidates.users().contains(userId) || groupIds.stream().anyMatch(candidates.groups()::contains);
  }

  /**
   * The one rule of whom a task may be handed on to (claim, assign, delegate, the product's 转办 and
   * 委派): a person who holds the same role for the same unit, i.e. a candidate user or a member of
   * a candidate group. A task without candidates (the applicant's own) goes to no one.
   */
  public boolean eligible(String userId, Candidates candidates) {
    return eligible(userId, candidates.users(), candidates.groups());
  }

  /**
   * Whether someone else may hand the task on to {@code userId} (the product's 转办 and 委派, and
   * assign, delegate or claim for another person over the engine): a person {@link #eligible} for
   * it who, for an approval task, is not the applicant of its case — nobody passes a request to
   * the person who made it for a decision (e.g. a staff member's own resident filing, which he may
   * not verify) — and who may be brought into its case ({@link #mayJoinCase}, ORG-5).
   */
  public boolean mayReceive(String userId, Task task, Candidates candidates) {
    return eligible(userId, candidates) && !isParty(userId, task) && mayJoinCase(userId, task);
  }

  /**
   * The one rule of whom a task may be delegated to (委派: the decision stays with the person who
   * delegates, the delegate only gives an opinion): whoever it may be handed on to
   * ({@link #mayReceive}: same role, same unit), or someone of the same unit below the person who
   * delegates in the role in which he holds the task ({@link Organisation#below}) — never the
   * applicant, never outside the case's community (ORG-5).
   */
  public boolean mayBeDelegated(String userId, String owner, Task task, Candidates candidates) {
    return (eligible(userId, candidates) || belowHolder(userId, owner, candidates)) && !isParty(userId, task)
        && mayJoinCase(userId, task);
  }

  /** Whether {@code userId} is below {@code holder} at the unit where the holder holds the task's role (a candidate group). */
  public boolean belowHolder(String userId, String holder, Candidates candidates) {
    return organisation.roles(holder).stream()
        .filter(r -> candidates.groups().contains(r.groupId()))
        .anyMatch(r -> organisation.below(userId, r));
  }

  /**
   * ORG-5: whether {@code userId} may be brought into the case the task belongs to
   * ({@link CommunityScope#mayBringIn}: the case's own community and the street roles its family
   * allows), whatever Camunda's groups say; a task of no case answers by its candidates alone.
   */
  public boolean mayJoinCase(String userId, Task task) {
    CaseRecord record = caseOf(task);
    return record == null || scope.mayBringIn(userId, record, families.byKey(record.family()));
  }

  private CaseRecord caseOf(Task task) {
    return task.getProcessInstanceId() == null ? null : cases.findByProcessInstance(task.getProcessInstanceId());
  }

  /** 回避, the one duties rule: a party to the case does not receive a task that decides it. */
  private boolean isParty(String userId, Task task) {
    CaseRecord record = caseOf(task);
    return record != null && task.getProcessDefinitionId() != null
        && !duties.mayHold(userId, record, task.getProcessDefinitionId().split(":")[0], task.getTaskDefinitionKey());
  }

  private boolean eligible(String userId, Set<String> candidateUsers, Set<String> candidateGroups) {
    if (candidateUsers.contains(userId)) {
      return true;
    }
    for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
      if (candidateGroups.contains(g.getId())) {
        return true;
      }
    }
    return false;
  }
}
