package cn.shequflow.expense;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.expense.ExpenseRequestValidator.Fields;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code registerExpense}: validates the request and writes it to the register, on
 * first submission and on each resubmission (a new round: route and vote are decided again).
 */
@Component("registerExpense")
public class RegisterExpense implements JavaDelegate {

  private final ExpenseRequestValidator validator;
  private final ExpenseRegister register;
  private final Cases cases;

  public RegisterExpense(ExpenseRequestValidator validator, ExpenseRegister register, Cases cases) {
    this.validator = validator;
    this.register = register;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Fields f = validator.validate(execution);
    CaseRecord record = cases.of(execution);
    String key = record.businessKey();
    if (register.find(key) == null) {
      register.insert(key, f.amount(), f.category().code(), f.purpose(), f.handler(), f.witness());
    } else {
      register.update(key, f.amount(), f.category().code(), f.purpose(), f.handler(), f.witness());
      cases.nextSubmission(execution);
      cases.event(key, record.applicantId(), CaseActions.RESUBMITTED, null, null, null);
      cases.moveTo(execution, ExpenseStatus.PENDING.code());
    }
    String amount = f.amount().toPlainString();
    cases.describe(execution, f.category().label() + " " + amount + " 元：" + abbreviate(f.purpose()));
    // Display only (read-only fields of the forms); nothing routes on them.
    execution.setVariable("amountLabel", amount);
    execution.setVariable("categoryLabel", f.category().label());
    execution.setVariable(ExpenseVariables.PURPOSE, f.purpose());
    execution.setVariable(ExpenseVariables.HANDLER, f.handler());
    execution.setVariable(ExpenseVariables.WITNESS, f.witness());
  }

  private static String abbreviate(String text) {
    return cn.shequflow.core.process.Texts.fit(text, 41);
  }
}
