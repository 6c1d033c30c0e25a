package cn.shequflow.core.files;

import static cn.shequflow.core.guard.Refusals.field;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.guard.Caller;
import cn.shequflow.core.guard.CommandGuard;
import cn.shequflow.core.guard.GuardLookups;
import cn.shequflow.core.guard.TaskHandOnGuard;
import cn.shequflow.core.inbox.ProductRights;
import cn.shequflow.core.process.InvalidInputException;
import java.util.Map;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
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
 * Nor is someone who does not hold the task ({@link TaskHandOnGuard#holds}, the one rule): the
 * engine refuses him as before (403/404). The task is read from the guards' shared command (an
 * earlier guard has read it), not queried again (issue 21).
 */
@Component
@Order(30)
public class RequiredAttachmentsGuard implements CommandGuard {

  public static final String FIELD = "attachments";

  private final RequiredAttachments policy;
  private final CaseMapper cases;
  private final ProductRights product;
  private final FileSettings settings;
  private final TaskHandOnGuard handOn;

  public RequiredAttachmentsGuard(RequiredAttachments policy, CaseMapper cases, ProductRights product, FileSettings settings,
      TaskHandOnGuard handOn) {
    this.settings = settings;
    this.policy = policy;
    this.cases = cases;
    this.product = product;
    this.handOn = handOn;
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
    Task task = taskId == null ? null : GuardLookups.task(taskId);
    if (task == null || task.getProcessInstanceId() == null || task.getDelegationState() == DelegationState.PENDING) {
      return;
    }
    // Someone who may not complete the task is refused by the engine's authorization (403/404), not
    // told what the case lacks.
    if (!product.run(() -> handOn.holds(task, caller.userId(), caller.groupIds()))) {
      return;
    }
    CaseRecord c = cases.findByProcessInstance(task.getProcessInstanceId());
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
}
