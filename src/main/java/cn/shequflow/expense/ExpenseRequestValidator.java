package cn.shequflow.expense;

import static cn.shequflow.expense.ExpenseVariables.AMOUNT;
import static cn.shequflow.expense.ExpenseVariables.CATEGORY;
import static cn.shequflow.expense.ExpenseVariables.HANDLER;
import static cn.shequflow.expense.ExpenseVariables.PURPOSE;
import static cn.shequflow.expense.ExpenseVariables.WITNESS;

import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The rules of an expense request the form cannot express (CONTRACTS.md {@code expense-approval}):
 * an amount in yuan and fen (at most two decimals, more than zero), a known category, and a handler
 * (经手人) and witness (证明人) who are two different people (EX-4).
 */
@Component
public class ExpenseRequestValidator {

  public static final int MAX_PURPOSE = 500;
  public static final int MAX_NAME = 50;
  static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");
  static final Set<String> CATEGORIES = Arrays.stream(ExpenseCategory.values()).map(ExpenseCategory::code)
      .collect(Collectors.toUnmodifiableSet());

  public record Fields(BigDecimal amount, ExpenseCategory category, String purpose, String handler, String witness) {}

  public Fields validate(VariableScope scope) {
    Inputs in = Inputs.of(scope);
    BigDecimal amount = in.requiredNumber(AMOUNT, "金额");
    if (amount.signum() <= 0) {
      throw new InvalidInputException(AMOUNT, "金额必须大于 0");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new InvalidInputException(AMOUNT, "金额精确到分，最多两位小数，不能是 " + amount.toPlainString());
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      throw new InvalidInputException(AMOUNT, "金额过大");
    }
    ExpenseCategory category = ExpenseCategory.of(in.requiredEnum(CATEGORY, "开支类别", CATEGORIES));
    String purpose = in.requiredText(PURPOSE, "开支用途", MAX_PURPOSE);
    String handler = in.requiredText(HANDLER, "经手人", MAX_NAME);
    String witness = in.requiredText(WITNESS, "证明人", MAX_NAME);
    if (handler.equals(witness)) {
      throw new InvalidInputException(WITNESS, "证明人不能与经手人是同一人");
    }
    return new Fields(amount.setScale(2), category, purpose, handler, witness);
  }
}
