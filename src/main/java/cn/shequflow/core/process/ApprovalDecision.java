package cn.shequflow.core.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What an approver submits on every approval task: {@code approved} (Boolean) and
 * {@code comment} (String). Refusing without a reason is not accepted (CONTRACTS.md).
 */
public record ApprovalDecision(boolean approved, String comment) {

  public static final int MAX_COMMENT = 1000;

  /** What every approval form lets the approver write. */
  public static final java.util.Set<String> FIELDS = java.util.Set.of("approved", "comment");

  public static ApprovalDecision read(VariableScope scope) {
    Inputs in = Inputs.of(scope);
    boolean approved = in.requiredBoolean("approved", "审批结论（approved）");
    String comment = in.optionalText("comment", "审批意见", MAX_COMMENT);
    if (!approved && comment == null) {
      throw new InvalidInputException("comment", "不同意时必须填写审批意见，说明退回理由");
    }
    return new ApprovalDecision(approved, comment == null ? "" : comment);
  }
}
