package cn.shequflow.expense;

import static cn.shequflow.expense.ExpenseVariables.INVOICE_NUMBER;
import static cn.shequflow.expense.ExpenseVariables.PAID_AMOUNT;
import static cn.shequflow.expense.ExpenseVariables.PAID_ON;
import static cn.shequflow.expense.ExpenseVariables.VOUCHER_TYPE;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code bookVoucher} (EX-3, EX-4): the bookkeeper books the voucher. An
 * informal receipt (白条), a payment dated before the approval (先支出后审批) and a payment above
 * the approved amount are refused with the reason, and the task stays open.
 */
@Component("bookExpenseVoucher")
public class BookExpenseVoucher implements TaskListener {

  static final Set<String> VOUCHER_TYPES = Set.of("invoice", "receipt", "informal");

  private final ExpenseRegister register;
  private final Cases cases;
  private final CurrentUser currentUser;

  public BookExpenseVoucher(ExpenseRegister register, Cases cases, CurrentUser currentUser) {
    this.register = register;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseRecord record = cases.of(task.getExecution());
    ExpenseEntry expense = register.find(record.businessKey());
    Inputs in = Inputs.of(task);
    String type = in.requiredEnum(VOUCHER_TYPE, "单据类型", VOUCHER_TYPES);
    if ("informal".equals(type)) {
      throw new InvalidInputException(VOUCHER_TYPE, "白条（非正规票据）不予报账，请取得正式发票或收据（EX-4）");
    }
    String number = in.requiredText(INVOICE_NUMBER, "单据号码", 64);
    BigDecimal paid = in.requiredNumber(PAID_AMOUNT, "实付金额");
    if (paid.signum() <= 0 || paid.stripTrailingZeros().scale() > 2) {
      throw new InvalidInputException(PAID_AMOUNT, "实付金额须大于 0，最多两位小数");
    }
    if (paid.compareTo(expense.amount()) > 0) {
      throw new InvalidInputException(PAID_AMOUNT, "实付金额 " + paid.toPlainString() + " 元超过批准金额 "
          + expense.amount().toPlainString() + " 元，超出部分须另行申请审批");
    }
    LocalDate paidOn = in.requiredDate(PAID_ON, "付款日期");
    LocalDate approvedOn = expense.approvedAt().toLocalDate();
    if (paidOn.isBefore(approvedOn)) {
      throw new InvalidInputException(PAID_ON, "付款日期 " + paidOn + " 早于批准日期 " + approvedOn
          + "：严禁先支出、后审批（EX-3）");
    }
    if (paidOn.isAfter(Clock.today())) {
      throw new InvalidInputException(PAID_ON, "付款日期不能晚于今天");
    }
    register.book(record.businessKey(), type, number, paid.setScale(2, RoundingMode.UNNECESSARY), paidOn, Clock.now(),
        currentUser.id());
    cases.moveTo(record, ExpenseStatus.BOOKED.code());
  }
}
