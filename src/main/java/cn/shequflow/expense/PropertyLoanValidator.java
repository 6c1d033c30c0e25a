package cn.shequflow.expense;

import static cn.shequflow.expense.PropertyLoanVariables.BORROWER;
import static cn.shequflow.expense.PropertyLoanVariables.ITEM;
import static cn.shequflow.expense.PropertyLoanVariables.LOAN_FROM;
import static cn.shequflow.expense.PropertyLoanVariables.LOAN_UNTIL;
import static cn.shequflow.expense.PropertyLoanVariables.PURPOSE;

import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The rules of a loan request the form cannot express (CONTRACTS.md {@code property-loan}), on
 * first submission and on every resubmission; the fields are stored back in canonical form (dates
 * as yyyy-MM-dd). Property is lent only after consent (EX-9), so a loan cannot start before the day
 * it is applied for; it starts within a year, and one loan lasts at most a year.
 */
@Component
public class PropertyLoanValidator {

  public static final int MAX_ITEM = 100;
  public static final int MAX_BORROWER = 100;
  public static final int MAX_PURPOSE = 500;

  public record Fields(String item, String borrower, String purpose, LocalDate loanFrom, LocalDate loanUntil) {}

  public Fields validate(VariableScope scope) {
    Inputs in = Inputs.of(scope);
    String item = in.requiredText(ITEM, "外借财物", MAX_ITEM);
    String borrower = in.requiredText(BORROWER, "借用单位或个人", MAX_BORROWER);
    String purpose = in.requiredText(PURPOSE, "借用用途", MAX_PURPOSE);
    LocalDate from = in.requiredDate(LOAN_FROM, "借出日期");
    LocalDate until = in.requiredDate(LOAN_UNTIL, "约定归还日期");
    LocalDate today = Clock.today();
    if (from.isBefore(today)) {
      throw new InvalidInputException(LOAN_FROM, "借出日期（" + from + "）不能早于今天：集体财物须经同意后方可外借");
    }
    if (from.isAfter(today.plusYears(1))) {
      throw new InvalidInputException(LOAN_FROM, "借出日期（" + from + "）不能在一年以后");
    }
    if (until.isBefore(from)) {
      throw new InvalidInputException(LOAN_UNTIL, "约定归还日期（" + until + "）不能早于借出日期（" + from + "）");
    }
    if (until.isAfter(from.plusYears(1))) {
      throw new InvalidInputException(LOAN_UNTIL, "一次外借不能超过一年（约定归还日期最晚为 " + from.plusYears(1) + "）");
    }
    scope.setVariable(ITEM, item);
    scope.setVariable(BORROWER, borrower);
    scope.setVariable(PURPOSE, purpose);
    scope.setVariable(LOAN_FROM, from.toString());
    scope.setVariable(LOAN_UNTIL, until.toString());
    return new Fields(item, borrower, purpose, from, until);
  }
}
