package cn.shequflow.core.calendar;

import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.process.TaskIds;
import cn.shequflow.core.process.Inputs;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The due dates of open tasks with their provisional mark, for Tasklist's task list and task header
 * (CAL-2): {@code GET /api/tasks/deadlines?taskId=a&taskId=b} answers
 * {@code [{"taskId","due","provisional","note"}]} for the tasks among them that have a due date and
 * that the caller may read (the engine's authorizations decide; others are left out, not refused).
 * A due date is provisional when it was counted from the task's creation across a year without a
 * holiday file, or is one of the case's deadlines counted with estimated holidays.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "期限")
@RestController
public class TaskDeadlineController {

  public record TaskDeadline(String taskId, LocalDateTime due, boolean provisional, String note) {}

  private final TaskService tasks;
  private final Deadlines deadlines;
  private final CaseMapper cases;

  public TaskDeadlineController(TaskService tasks, Deadlines deadlines, CaseMapper cases) {
    this.tasks = tasks;
    this.deadlines = deadlines;
    this.cases = cases;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "任务的办理期限及是否为暂定期限（最多 50 个任务）")
  @GetMapping("/api/tasks/deadlines")
  public List<TaskDeadline> deadlines(@RequestParam(name = "taskId", required = false) List<String> taskIds) {
    String[] ids = TaskIds.checked(taskIds);
    if (ids.length == 0) {
      return List.of();
    }
    return tasks.createTaskQuery().taskIdIn(ids).list().stream()
        .filter(t -> t.getDueDate() != null)
        .map(this::view)
        .toList();
  }

  private TaskDeadline view(Task task) {
    LocalDateTime due = local(task.getDueDate());
    LocalDateTime created = task.getCreateTime() == null ? due : local(task.getCreateTime());
    CaseRecord record = task.getProcessInstanceId() == null ? null : cases.findByProcessInstance(task.getProcessInstanceId());
    boolean provisional = deadlines.isProvisional(record == null ? null : record.businessKey(), created, due);
    return new TaskDeadline(task.getId(), due, provisional, provisional ? Deadlines.PROVISIONAL_NOTE : null);
  }

  private static LocalDateTime local(Date date) {
    return LocalDateTime.ofInstant(date.toInstant(), Inputs.ZONE);
  }
}
