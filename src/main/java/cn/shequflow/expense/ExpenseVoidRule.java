package cn.shequflow.expense;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.VoidRule;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 作废 of an expense: only an approved expense whose voucher has not been booked (EX-4: booking is
 * when the money is accounted for; after it the expense stands and is corrected in the books).
 */
@Component
public class ExpenseVoidRule implements VoidRule {

  private final ExpenseRegister register;

  public ExpenseVoidRule(ExpenseRegister register) {
    this.register = register;
  }

  @Override
  public String family() {
    return ExpenseFamily.KEY;
  }

  @Override
  public Optional<String> refusal(CaseRecord record) {
    if (ExpenseStatus.PENDING.code().equals(record.status()) || ExpenseStatus.REJECTED.code().equals(record.status())) {
      return Optional.of("开支申请尚未批准，不能作废；不再开支的，请使用“撤回”");
    }
    ExpenseEntry expense = register.find(record.businessKey());
    if (ExpenseStatus.BOOKED.code().equals(record.status()) || expense.bookedAt() != null) {
      return Optional.of("该开支已报账，不能作废；如有差错，请按财务规定更正");
    }
    if (!ExpenseStatus.APPROVED.code().equals(record.status())) {
      return Optional.of("开支申请已办结，不能作废");
    }
    return Optional.empty();
  }
}
