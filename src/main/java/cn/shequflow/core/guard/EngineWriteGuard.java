package cn.shequflow.core.guard;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDescriptionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskNameCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What no one below admin may do to a running case, by any route: write, patch or delete variables
 * (process, execution or task, local or not, one by one or in a batch); move a case by hand
 * (modification, messages, signals, BPMN errors and escalations thrown from a task); rename a task,
 * move its due date or priority, or rewrite it wholesale; change its candidates; attach files.
 * Cases change only by completing one's own task through its form (see
 * {@code cn.shequflow.core.contract.ContractGuard}) and through the product's approval operations.
 */
@Component
@Order(0)
public class EngineWriteGuard implements CommandGuard {

  private record Rule(Class<?> type, String message) {}

  private static final String VARIABLES = "流程数据只能通过办理任务时的表单提交，不能直接写入或删除变量";
  private static final String MOVE = "事项只能按流程办理，不能手工跳转、触发消息或信号";
  private static final String TASK = "任务的名称、期限、优先级和办理人范围由系统确定，不能修改";

  private static final List<Rule> RULES = List.of(
      new Rule(AbstractSetVariableCmd.class, VARIABLES),
      new Rule(AbstractRemoveVariableCmd.class, VARIABLES),
      new Rule(AbstractPatchVariablesCmd.class, VARIABLES),
      new Rule(SetVariablesToProcessInstancesBatchCmd.class, VARIABLES),
      new Rule(ModifyProcessInstanceCmd.class, MOVE),
      new Rule(ModifyProcessInstanceAsyncCmd.class, MOVE),
      new Rule(ProcessInstanceModificationBatchCmd.class, MOVE),
      new Rule(AbstractCorrelateMessageCmd.class, MOVE),
      new Rule(CorrelateAllMessageBatchCmd.class, MOVE),
      new Rule(MessageEventReceivedCmd.class, MOVE),
      new Rule(SignalEventReceivedCmd.class, MOVE),
      new Rule(SignalCmd.class, MOVE),
      new Rule(HandleTaskBpmnErrorCmd.class, MOVE),
      new Rule(HandleTaskEscalationCmd.class, MOVE),
      new Rule(SaveTaskCmd.class, TASK),
      new Rule(SetTaskNameCmd.class, TASK),
      new Rule(SetTaskDescriptionCmd.class, TASK),
      new Rule(SetTaskDueDateCmd.class, TASK),
      new Rule(SetTaskPriorityCmd.class, TASK),
      new Rule(AddUserIdentityLinkCmd.class, TASK),
      new Rule(AddGroupIdentityLinkCmd.class, TASK),
      new Rule(DeleteIdentityLinkCmd.class, TASK),
      new Rule(CreateAttachmentCmd.class, TASK));

  private static final String OPERATIONS = "作业、批处理、事件、外部任务、评论和流程重启由管理员维护";

  /**
   * Engine housekeeping that Camunda does not always check permissions for (e.g. a job without a
   * process definition, such as history cleanup), plus comments and restarts, which the product
   * does not use: administrators only.
   */
  private static final java.util.regex.Pattern OPERATION_COMMANDS = java.util.regex.Pattern.compile(
      "(Set|Delete|Suspend|Activate|Recalculate|Execute|Unlock|Create|Resolve|Update)\\w*"
          + "(Job|Batch|Incident|ExternalTask)\\w*Cmd|\\w*(Comment|Restart\\w*|ExternalTask\\w*|FetchExternalTasks)Cmd");

  /** A failure's stack trace or error details tell how the product works inside: administrators only. */
  private static final java.util.regex.Pattern FAILURE_DETAILS = java.util.regex.Pattern.compile(
      "Get\\w*(Stacktrace|ErrorDetails)Cmd");

  @Override
  public void check(Command<?> command, Caller caller) {
    for (Rule rule : RULES) {
      if (rule.type().isInstance(command)) {
        throw Refusals.forbidden(rule.message());
      }
    }
    String name = command.getClass().getSimpleName();
    if (command.getClass().getName().startsWith("org.camunda.bpm.engine.impl.cmd")
        && OPERATION_COMMANDS.matcher(name).matches() && !name.startsWith("Get")) {
      throw Refusals.forbidden(OPERATIONS);
    }
    if (command.getClass().getName().startsWith("org.camunda.bpm.engine.impl.cmd")
        && FAILURE_DETAILS.matcher(name).matches()) {
      throw Refusals.forbidden("作业和外部任务的故障详情只有管理员可以查看");
    }
  }
}
