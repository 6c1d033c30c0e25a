package cn.shequflow.core.approval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code fixApprovalChain}, right after the family's approver decision (a business rule
 * task with {@code camunda:resultVariable="approvers"}): stores the chain for this submission. Runs
 * in the same transaction as the decision, so the result never outlives the step.
 */
@Component("fixApprovalChain")
public class FixApprovalChain implements JavaDelegate {

  public static final String RESULT_VARIABLE = "approvers";

  private final ApprovalChain chain;

  public FixApprovalChain(ApprovalChain chain) {
    this.chain = chain;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object result = execution.getVariable(RESULT_VARIABLE);
    execution.removeVariable(RESULT_VARIABLE);
    chain.fix(execution, result, "审批人决策表");
  }
}
