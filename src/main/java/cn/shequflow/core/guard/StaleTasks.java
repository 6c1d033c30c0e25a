package cn.shequflow.core.guard;

import cn.shequflow.core.process.CaseConflictException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A task a person still has open in Tasklist may be gone when he presses 完成: a colleague returned
 * it (退回), added a signer before it (前加签, which opens a new task), the applicant withdrew the
 * case (撤回), or a fellow candidate decided it first. The engine then answers "Cannot find task"
 * (404), as for an id that never existed. This tells the two apart, from the history the engine
 * keeps of every task: a task that existed and that the caller held (its assignee, owner or a
 * candidate, directly or through a group) is a conflict (409, in Chinese: refresh and look again);
 * a task the caller never held stays unknown to him (404), so ids cannot be probed.
 */
@Component
public class StaleTasks {

  static final String REMOVED = "该任务已被退回、撤回或加签，不在您的待办中了，请刷新后重试";
  static final String DONE = "该任务已被办理（可能刚由其他人办理），请刷新后查看";

  private final HistoryService history;
  private final IdentityService identity;

  public StaleTasks(HistoryService history, IdentityService identity) {
    this.history = history;
    this.identity = identity;
  }

  /**
   * The conflict to answer for a completion of {@code taskId} by {@code caller} that found no task,
   * or empty when the task never existed or was never the caller's.
   */
  public Optional<CaseConflictException> conflict(String taskId, Caller caller) {
    if (taskId == null || caller == null || caller.userId() == null) {
      return Optional.empty();
    }
    return withProductRights(() -> {
      HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
      if (task == null || task.getEndTime() == null || !heldBy(task, caller)) {
        return Optional.<CaseConflictException>empty();
      }
      boolean completed = TaskEntity.DELETE_REASON_COMPLETED.equals(task.getDeleteReason());
      return Optional.of(new CaseConflictException(completed ? DONE : REMOVED));
    });
  }

  private boolean heldBy(HistoricTaskInstance task, Caller caller) {
    String me = caller.userId();
    if (me.equals(task.getAssignee()) || me.equals(task.getOwner())) {
      return true;
    }
    List<HistoricIdentityLinkLog> links = history.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list();
    return links.stream().anyMatch(l -> me.equals(l.getUserId())
        || l.getGroupId() != null && caller.groupIds().contains(l.getGroupId()));
  }

  /** History read with the product's rights: people have no READ_HISTORY on the tasks they held. */
  private <T> T withProductRights(java.util.function.Supplier<T> work) {
    return Trusted.run(() -> {
      Authentication auth = identity.getCurrentAuthentication();
      identity.clearAuthentication();
      try {
        return work.get();
      } finally {
        if (auth != null) {
          identity.setAuthentication(auth);
        }
      }
    });
  }
}
