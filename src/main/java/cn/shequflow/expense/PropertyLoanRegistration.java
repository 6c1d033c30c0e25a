package cn.shequflow.expense;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.expense.PropertyLoanValidator.Fields;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code registerPropertyLoan}: validates the request and writes it to the register, on
 * first submission and on each resubmission (a new round of the approval chain).
 */
@Component("registerPropertyLoan")
public class PropertyLoanRegistration implements JavaDelegate {

  private final PropertyLoanValidator validator;
  private final PropertyLoanRegister register;
  private final Cases cases;

  public PropertyLoanRegistration(PropertyLoanValidator validator, PropertyLoanRegister register, Cases cases) {
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
      register.insert(key, f.item(), f.borrower(), f.purpose(), f.loanFrom(), f.loanUntil());
    } else {
      register.update(key, f.item(), f.borrower(), f.purpose(), f.loanFrom(), f.loanUntil());
      cases.nextSubmission(execution);
      cases.event(key, record.applicantId(), CaseActions.RESUBMITTED, null, null, null);
      cases.moveTo(execution, PropertyLoanStatus.PENDING.code());
    }
    cases.describe(execution, abbreviate(f.item(), 40) + " 借给 " + abbreviate(f.borrower(), 30) + "（"
        + f.loanFrom() + " 至 " + f.loanUntil() + "）");
  }

  private static String abbreviate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max; // never split an emoji
    return text.substring(0, end) + "…";
  }
}
