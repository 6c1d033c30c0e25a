package cn.shequflow.core.approval.operations;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * What the approval operations read from a family's process model, found by the platform's own
 * conventions rather than by per-family ids, so that every process with an approval chain is
 * served alike:
 *
 * <ul>
 *   <li>the approval activity: the multi-instance user task with the {@code ${approvalTask}} listener;
 *   <li>the refusal path: the flow after it whose condition asks for {@code 'rejected'}, leading to
 *       the family's reject service task (status, notice) and, where the family lets the applicant
 *       revise, to the revise task (the user task with the {@code ${resubmitChoice}} listener);
 *   <li>the withdrawn end event: the end event whose start listener moves the case to {@code 'withdrawn'};
 *       likewise the voided end event ({@code 'voided'}, 作废), reached by no flow;
 *   <li>the user tasks before the chain is fixed (the {@code ${fixApprovalChain}} service task) on
 *       the same sequential path: walking back from it through tasks and exclusive gateways only,
 *       never across a parallel or inclusive gateway, an event or the revise loop.
 * </ul>
 */
public final class ApprovalModel {

  private final BpmnModelInstance model;
  private final UserTask approval;

  ApprovalModel(BpmnModelInstance model, String approvalActivityId) {
    this.model = model;
    if (!(model.getModelElementById(approvalActivityId) instanceof UserTask task) || !isApprovalTask(task)) {
      throw new IllegalArgumentException(approvalActivityId + " is not an approval task");
    }
    this.approval = task;
  }

  /** Whether the model has an approval activity (its family decides cases on the approval chain). */
  public static boolean hasApprovalTask(BpmnModelInstance model) {
    return model.getModelElementsByType(UserTask.class).stream().anyMatch(ApprovalModel::isApprovalTask);
  }

  static boolean isApprovalTask(UserTask task) {
    return task.getLoopCharacteristics() != null && hasTaskListener(task, "${approvalTask}");
  }

  String approvalId() {
    return approval.getId();
  }

  /** The family's reject service task: where a refusal of the approval activity goes. */
  Optional<FlowNode> rejectTask() {
    for (SequenceFlow out : approval.getOutgoing()) {
      FlowNode next = out.getTarget();
      if (next instanceof ExclusiveGateway) {
        for (SequenceFlow branch : next.getOutgoing()) {
          if (branch.getConditionExpression() != null
              && branch.getConditionExpression().getTextContent().contains("'rejected'")) {
            return Optional.of(branch.getTarget());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The applicant's revise task the refusal leads to, where the family has one. */
  Optional<UserTask> reviseTask() {
    Optional<FlowNode> reject = rejectTask();
    if (reject.isEmpty()) {
      return Optional.empty();
    }
    FlowNode node = reject.get();
    Set<String> seen = new HashSet<>();
    while (node != null && seen.add(node.getId())) {
      if (node instanceof UserTask task) {
        return hasTaskListener(task, "${resubmitChoice}") ? Optional.of(task) : Optional.empty();
      }
      node = node.getOutgoing().size() == 1 ? node.getOutgoing().iterator().next().getTarget() : null;
    }
    return Optional.empty();
  }

  /** The end event through which the case ends as withdrawn (已撤回), where the family has one. */
  Optional<EndEvent> withdrawnEnd() {
    return endMovingTo(model, "withdrawn");
  }

  /** The end event of {@code model} through which the case ends as voided (已作废), where the family has one. */
  static Optional<EndEvent> voidedEnd(BpmnModelInstance model) {
    return endMovingTo(model, "voided");
  }

  /** The end event whose start listener moves the case to {@code status}. */
  private static Optional<EndEvent> endMovingTo(BpmnModelInstance model, String status) {
    for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
      if (end.getExtensionElements() == null) {
        continue;
      }
      for (CamundaExecutionListener l : end.getExtensionElements().getElementsQuery()
          .filterByType(CamundaExecutionListener.class).list()) {
        String expression = l.getCamundaExpression();
        if (expression != null && expression.contains("moveTo(") && expression.contains("'" + status + "'")) {
          return Optional.of(end);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The user tasks before the chain is fixed on the same sequential path, nearest first: walking
   * back from the {@code ${fixApprovalChain}} task through tasks and exclusive gateways, stopping
   * at anything else (start, parallel or inclusive gateways, events) and at the revise task.
   */
  List<UserTask> userTasksBeforeChain() {
    FlowNode fix = null;
    Deque<FlowNode> back = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    back.add(approval);
    // Find the chain-fixing task on a sequential path into the approval activity.
    while (!back.isEmpty() && fix == null) {
      FlowNode node = back.poll();
      for (SequenceFlow in : node.getIncoming()) {
        FlowNode source = in.getSource();
        if (!seen.add(source.getId()) || source.getId().equals(approval.getId())) {
          continue;
        }
        if (source instanceof ServiceTask service && "${fixApprovalChain}".equals(service.getCamundaDelegateExpression())) {
          fix = source;
          break;
        }
        if (walkable(source)) {
          back.add(source);
        }
      }
    }
    List<UserTask> found = new ArrayList<>();
    if (fix == null) {
      return found;
    }
    back.clear();
    seen.clear();
    back.add(fix);
    while (!back.isEmpty()) {
      FlowNode node = back.poll();
      for (SequenceFlow in : node.getIncoming()) {
        FlowNode source = in.getSource();
        if (!seen.add(source.getId()) || source.getId().equals(approval.getId())) {
          continue;
        }
        if (source instanceof UserTask task) {
          if (hasTaskListener(task, "${resubmitChoice}") || isApprovalTask(task)) {
            continue;
          }
          found.add(task);
        }
        if (walkable(source)) {
          back.add(source);
        }
      }
    }
    return found;
  }

  /** A node the backward walk may pass: a task or an exclusive gateway on a sequential path. */
  private static boolean walkable(FlowNode node) {
    return node instanceof ServiceTask || node instanceof BusinessRuleTask || node instanceof ScriptTask
        || node instanceof SendTask || node instanceof ExclusiveGateway
        || (node instanceof UserTask task && !hasTaskListener(task, "${resubmitChoice}"));
  }

  /** A static name of a model element for people: its name up to the first placeholder or colon. */
  static String staticName(FlowNode node) {
    String name = node.getName() == null ? node.getId() : node.getName();
    int cut = name.length();
    for (String stop : List.of("${", "：", ":", "（")) {
      int at = name.indexOf(stop);
      if (at > 0 && at < cut) {
        cut = at;
      }
    }
    return name.substring(0, cut).trim();
  }

  private static boolean hasTaskListener(UserTask task, String delegateExpression) {
    if (task.getExtensionElements() == null) {
      return false;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
        .anyMatch(l -> delegateExpression.equals(l.getCamundaDelegateExpression()));
  }
}
