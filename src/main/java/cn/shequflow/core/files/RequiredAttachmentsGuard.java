package cn.shequflow.core.files;

import static cn.shequflow.core.guard.Refusals.field;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.guard.Caller;
import cn.shequflow.core.guard.CommandGuard;
import cn.shequflow.core.inbox.ProductRights;
import cn.shequflow.core.process.InvalidInputException;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Enforces {@link RequiredAttachments} on every route that completes a task (REST {@code complete}
 * and {@code submit-form}, Tasklist): a completion the policy requires a file for, without that file
 * on the case, is refused with 400 naming {@code attachments} and the policy's Chinese message, before
 * anything is written. Runs after the form contract ({@code ContractGuard}) has checked the values.
 * A delegate handing a task back (委派 resolved) gives an opinion, not the decision: not checked.
 * Nor is someone who does not hold the task: the engine refuses him as before (403/404).
 */
@Component
@Order(30)
public class RequiredAttachmentsGuard implements CommandGuard {

  public static final String FIELD = "attachments";

  private final RequiredAttachments policy;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final Cases cases;
  private final ProductRights product;
  private final FileSettings settings;

  public RequiredAttachmentsGuard(RequiredAttachments policy, TaskService tasks, RuntimeService runtime, Cases cases,
      ProductRights product, FileSettings settings) {
    this.settings = settings;
    this.policy = policy;
    this.tasks = tasks;
    this.runtime = runtime;
    this.cases = cases;
    this.product = product;
  }

  @Override
  public void check(Command<?> command, Caller caller) {
    if (!settings.isRequiredAttachments()) {
      return;
    }
    Map<String, Object> variables;
    if (command instanceof CompleteTaskCmd) {
      variables = field(command, "variables");
    } else if (command instanceof SubmitTaskFormCmd) {
      variables = field(command, "properties");
    } else {
      return;
    }
    String taskId = field(command, "taskId");
    Task task = taskId == null ? null : product.run(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (task == null || task.getProcessInstanceId() == null || task.getDelegationState() == DelegationState.PENDING) {
      return;
    }
    // Someone who may not complete the task is refused by the engine's authorization (403/404), not
    // told what the case lacks.
    if (!holds(caller, task)) {
      return;
    }
    ProcessInstance instance = product.run(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult());
    CaseRecord c = instance == null ? null : cases.get(instance.getBusinessKey());
    if (c == null) {
      return;
    }
    Object approved = variables == null ? null : variables.get("approved");
    if (approved instanceof TypedValue typed) {
      approved = typed.getValue();
    }
    policy.missing(c, task.getTaskDefinitionKey(), Boolean.TRUE.equals(approved)).ifPresent(r -> {
      throw new InvalidInputException(FIELD, r.message());
    });
  }

  /** The assignee, or for an unclaimed task one of its candidates (who may complete it). */
  private boolean holds(Caller caller, Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(caller.userId());
    }
    return product.run(() -> tasks.createTaskQuery().taskId(task.getId()).taskCandidateUser(caller.userId())
        .count() > 0);
  }
}
