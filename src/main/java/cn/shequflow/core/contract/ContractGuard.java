package cn.shequflow.core.contract;

import static cn.shequflow.core.guard.Refusals.field;
import static cn.shequflow.core.guard.Refusals.setField;

import cn.shequflow.core.guard.Caller;
import cn.shequflow.core.guard.CommandGuard;
import cn.shequflow.core.guard.Refusals;
import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every start and every task completion accepts exactly what its form declares, on every route:
 * REST {@code start}, {@code submit-form}, {@code complete}, {@code resolve}, Tasklist's own API
 * and Java callers. Undeclared variables are refused (400 naming the variable), read-only fields are
 * dropped, and what is left is checked against the form's types and limits before the engine
 * writes anything. Starting part-way (start instructions, skipped listeners or I/O mappings) is
 * for administrators only.
 */
@Component
@Order(10)
public class ContractGuard implements CommandGuard {

  private final FormContracts contracts;

  public ContractGuard(FormContracts contracts) {
    this.contracts = contracts;
  }

  @Override
  public void check(Command<?> command, Caller caller) {
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      throw Refusals.forbidden("只能从流程开始处发起申请，不能指定从中间环节启动或跳过监听器");
    }
    if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd (a delegated task handed back)
      String taskId = field(command, "taskId");
      FormContract contract = contracts.forTask(taskId);
      if (contract != null) {
        setField(command, "variables", contract.accept(field(command, "variables"),
            name -> contracts.currentValue(taskId, name)));
      }
    } else if (command instanceof SubmitTaskFormCmd) {
      String taskId = field(command, "taskId");
      FormContract contract = contracts.forTask(taskId);
      if (contract != null) {
        setField(command, "properties", contract.accept(field(command, "properties"),
            name -> contracts.currentValue(taskId, name)));
      }
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
      if (!builder.getModificationBuilder().getModificationOperations().isEmpty()) {
        throw Refusals.forbidden("只能从流程开始处发起申请");
      }
      FormContract contract = contracts.forStart(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey());
      if (contract != null) {
        VariableMap variables = builder.getModificationBuilder().getProcessVariables();
        VariableMap accepted = contract.accept(variables);
        variables.clear();
        variables.putAll(accepted);
      }
    } else if (command instanceof SubmitStartFormCmd) {
      FormContract contract = contracts.forStart(field(command, "processDefinitionId"), null);
      if (contract != null) {
        Map<String, Object> variables = field(command, "variables");
        setField(command, "variables", contract.accept(variables));
      }
    }
  }
}
