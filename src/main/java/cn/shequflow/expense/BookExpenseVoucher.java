package cn.shequflow.expense;

import static cn.shequflow.expense.ExpenseVariables.INVOICE_CODE;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code bookVoucher} (EX-3, EX-4): the bookkeeper books the voucher. An
 * informal receipt (白条), a payment dated before the approval (先支出后审批), a payment above
 * the approved amount and a voucher already booked (the same code and number, however written,
 * see {@link Vouchers}) are refused with the reason, and the task stays open.
 */
@Component("bookExpenseVoucher")
public class BookExpenseVoucher implements TaskListener {

  static final Set<String> VOUCHER_TYPES = Set.of("invoice", "receipt", "informal");
  static final int MAX_CODE = 32;
  static final int MAX_NUMBER = 64;

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
      throw new InvalidInputException(VOUCHER_TYPE, "白条（非正规票据）不予报账，请取得正式发票或收据");
    }
    String code = Vouchers.normalise(in.optionalText(INVOICE_CODE, "票据代码", MAX_CODE));
    if (code.length() > MAX_CODE) {
      throw new InvalidInputException(INVOICE_CODE, "票据代码不能超过 " + MAX_CODE + " 个字符");
    }
    String number = Vouchers.normalise(in.requiredText(INVOICE_NUMBER, "单据号码", MAX_NUMBER));
    if (number.isEmpty() || number.length() > MAX_NUMBER) {
      throw new InvalidInputException(INVOICE_NUMBER, "请填写单据上印的号码");
    }
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
          + "：严禁先支出、后审批");
    }
    if (paidOn.isAfter(Clock.today())) {
      throw new InvalidInputException(PAID_ON, "付款日期不能晚于今天");
    }
    bookOnce(record, code, number);
    register.book(record.businessKey(), type, code, number, paid.setScale(2, RoundingMode.UNNECESSARY), paidOn,
        Clock.now(), currentUser.id());
    cases.moveTo(record, ExpenseStatus.BOOKED.code());
  }

  /** EX-4: the voucher is booked on this expense, or the booking is refused (also when a second one races in). */
  private void bookOnce(CaseRecord record, String code, String number) {
    String bookedOn = register.voucherBookedOn(code, number);
    if (bookedOn == null) {
      try {
        register.insertVoucher(code, number, record.businessKey());
        return;
      } catch (DuplicateKeyException e) {
        bookedOn = register.voucherBookedOn(code, number);
      }
    }
    ExpenseEntry other = bookedOn == null ? null : register.find(bookedOn);
    // The other expense is named only within the same community (ORG-5).
    String where = other != null && other.communityId().equals(record.communityId())
        ? "已报账（开支 " + bookedOn + "）" : "已报账";
    throw new InvalidInputException(INVOICE_NUMBER, "这张票据（" + (code.isEmpty() ? "" : "票据代码 " + code + "，")
        + "号码 " + number + "）" + where + "：同一张票据只能报账一次，请核对票据");
  }
}
