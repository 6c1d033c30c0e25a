package cn.shequflow.core.inbox;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseEvent;
import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.TaskIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happened to an open task that its holder should see in the list: urged (催办) since it was
 * created, or created by a return (退回) and why; and the badges its family gives its tasks
 * ({@link TaskBadges}, e.g. an incident's light and 紧急). {@code GET /api/tasks/marks?taskId=a&taskId=b}
 * answers one entry per task that has a mark and that the caller may read (the engine's
 * authorizations decide; others are left out, not refused). Read from the case's timeline.
 */
@Tag(name = "待办")
@RestController
public class TaskMarksController {

  public record TaskMark(String taskId, LocalDateTime urgedAt, String urgedBy, String urgeNote, boolean returned,
      String returnedBy, String returnReason, List<TaskBadges.Badge> badges) {}

  private final TaskService tasks;
  private final CaseMapper register;
  private final Cases cases;
  private final List<TaskBadges> badgeSources;

  public TaskMarksController(TaskService tasks, CaseMapper register, Cases cases, List<TaskBadges> badgeSources) {
    this.tasks = tasks;
    this.register = register;
    this.cases = cases;
    this.badgeSources = badgeSources;
  }

  @Operation(summary = "任务的催办、退回标记和事项标签（最多 50 个任务）",
      description = "只列出有标记且本人可以查看的任务；badges 如事件的督办灯（正常、黄灯督办、红灯督办）和「紧急」")
  @GetMapping("/api/tasks/marks")
  public List<TaskMark> marks(@RequestParam(name = "taskId", required = false) List<String> taskIds) {
    String[] ids = TaskIds.checked(taskIds);
    if (ids.length == 0) {
      return List.of();
    }
    return tasks.createTaskQuery().taskIdIn(ids).list().stream()
        .map(this::mark)
        .filter(Objects::nonNull)
        .toList();
  }

  private TaskMark mark(Task task) {
    CaseRecord record = task.getProcessInstanceId() == null ? null
        : register.findByProcessInstance(task.getProcessInstanceId());
    if (record == null || task.getCreateTime() == null) {
      return null;
    }
    // Timeline times may be kept to the second (MySQL datetime): compare at that precision.
    LocalDateTime created = LocalDateTime.ofInstant(task.getCreateTime().toInstant(), Inputs.ZONE)
        .truncatedTo(ChronoUnit.SECONDS);
    List<CaseEvent> events = cases.timeline(record.businessKey());
    // A status the case moved to is not a person's action (a return moves the case to 已退回 after it).
    java.util.Set<String> statuses = cases.familyOf(record).statuses().keySet();
    CaseEvent urged = null;
    CaseEvent before = null;
    for (CaseEvent e : events) {
      LocalDateTime at = e.occurredAt().truncatedTo(ChronoUnit.SECONDS);
      if (CaseActions.URGED.equals(e.action()) && !at.isBefore(created)) {
        urged = e;
      }
      if (!at.isAfter(created) && !statuses.contains(e.action())) {
        before = e;
      }
    }
    boolean returned = before != null && CaseActions.RETURNED.equals(before.action());
    List<TaskBadges.Badge> badges = badgeSources.stream().filter(b -> b.family().equals(record.family()))
        .flatMap(b -> b.of(record.businessKey()).stream()).toList();
    if (urged == null && !returned && badges.isEmpty()) {
      return null;
    }
    return new TaskMark(task.getId(), urged == null ? null : urged.occurredAt(), urged == null ? null : urged.userName(),
        urged == null ? null : urged.comment(), returned, returned ? before.userName() : null,
        returned ? before.comment() : null, badges);
  }
}
