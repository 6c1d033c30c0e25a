package cn.shequflow.core.inbox;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.contract.FormContract;
import cn.shequflow.core.contract.FormContracts;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Notifications;
import cn.shequflow.core.process.Texts;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.DelegationState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * 委派: when a delegate hands a delegated task back (Tasklist's submit-form or REST {@code resolve}
 * resolves a PENDING delegation and the task returns to its owner), his opinion — the form's
 * {@code comment}, and {@code approved} as a recommendation — goes on the case's timeline as his
 * ({@code delegate-resolved}, 委派处理意见). It is not the decision: {@code ApprovalTask} writes
 * decisions only when the task completes, and the task's own {@code approved}/{@code comment} are
 * emptied again so that the owner decides for himself. The owner is notified.
 *
 * <p>Registered as a built-in {@code update} listener of every user task (the engine fires no
 * {@code assignment} event on resolve); it acts on a RESOLVED task back with its owner when the
 * person acting is not the owner, i.e. the delegate handing it back.
 */
@Component
public class DelegationResolved extends AbstractProcessEnginePlugin implements TaskListener {

  private final ObjectProvider<Cases> cases;
  private final ObjectProvider<Organisation> organisation;
  private final ObjectProvider<Notifications> notifications;
  private final ObjectProvider<CurrentUser> currentUser;
  private final ObjectProvider<FormContracts> forms;
  private final ObjectProvider<ProductRights> product;

  public DelegationResolved(ObjectProvider<Cases> cases, ObjectProvider<Organisation> organisation,
      ObjectProvider<Notifications> notifications, ObjectProvider<CurrentUser> currentUser,
      ObjectProvider<FormContracts> forms, ObjectProvider<ProductRights> product) {
    this.forms = forms;
    this.product = product;
    this.cases = cases;
    this.organisation = organisation;
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    TaskListener listener = this;
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, listener);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }

  /** A task without approved/comment (e.g. 签收): what the delegate filled in, as "label：value". */
  private String otherInputs(DelegateTask task) {
    try {
      FormContract contract = product.getObject().run(() -> forms.getObject().forTask(task.getId()));
      if (contract == null) {
        return "";
      }
      List<String> parts = new ArrayList<>();
      for (String key : contract.inputs()) {
        Object value = task.getVariable(key);
        if (value != null && !"approved".equals(key) && !"comment".equals(key) && !value.toString().isBlank()) {
          FormContract.Field field = contract.fields().get(key);
          String label = field == null || field.label() == null ? key : field.label();
          parts.add(label + "：" + (value instanceof Boolean b ? (b ? "是" : "否") : value));
        }
      }
      return String.join("；", parts);
    } catch (RuntimeException e) {
      return ""; // the opinion is a courtesy: never fail the hand-back for it
    }
  }

  @Override
  public void notify(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getDelegationState() != DelegationState.RESOLVED
        || task.getOwner() == null || !task.getOwner().equals(task.getAssignee())) {
      return;
    }
    // The delegate hands it back: resolved, with the person acting not the owner. (Later updates of a
    // task resolved earlier are the owner's, or the product's own, with no person.)
    String delegate = currentUser.getObject().id();
    if (delegate == null || delegate.equals(task.getOwner())) {
      return;
    }
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (businessKey == null || !cases.getObject().exists(businessKey)) {
      return;
    }
    DelegateExecution execution = task.getExecution();
    Object approved = execution.getVariableLocal("approved");
    Object comment = execution.getVariableLocal("comment");
    StringBuilder opinion = new StringBuilder();
    if (approved instanceof Boolean b) {
      opinion.append(b ? "建议同意" : "建议不同意");
    }
    if (comment instanceof String c && !c.isBlank()) {
      opinion.append(opinion.length() > 0 ? "：" : "").append(c.trim());
    }
    if (opinion.length() == 0) {
      opinion.append(otherInputs(task));
    }
    if (opinion.length() == 0) {
      opinion.append("已处理，无意见");
    }
    String text = Texts.fit(opinion.toString(), Cases.MAX_COMMENT);
    cases.getObject().event(businessKey, delegate, CaseActions.DELEGATE_RESOLVED, task.getName(), null, text);
    // The owner decides afresh: the delegate's recommendation is on the timeline, not on the task.
    if (execution.hasVariableLocal("approved")) {
      execution.setVariableLocal("approved", null);
    }
    if (execution.hasVariableLocal("comment")) {
      execution.setVariableLocal("comment", null);
    }
    notifications.getObject().send(task.getOwner(), businessKey, organisation.getObject().displayName(delegate)
        + "已提交委派处理意见（" + text + "），任务「" + task.getName() + "」已交回您决定");
  }
}
