package cn.shequflow.expense;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The expense ledger over HTTP: {@code GET /api/expenses/ledger?communityId=&month=yyyy-MM&status=&page=&size=}
 * lists every request with its approvals, vote and voucher, and totals the selection (requested and
 * paid, exact to the fen). Who sees which communities is the platform's {@link CommunityScope}.
 */
@RestController
@RequestMapping("/api/expenses")
public class ExpenseLedgerController {

  static final int MAX_PAGE = 10_000;

  public record Totals(long count, BigDecimal amount, BigDecimal paidAmount) {}

  public record Item(ExpenseEntry expense, String categoryLabel, String statusLabel, List<ApprovalStep> decisions) {}

  public record Page(int page, int size, long total, Totals totals, List<Item> items) {}

  private final ExpenseRegister register;
  private final ApprovalChain chain;
  private final CommunityScope scope;
  private final CaseFamilies families;
  private final CurrentUser currentUser;

  public ExpenseLedgerController(ExpenseRegister register, ApprovalChain chain, CommunityScope scope,
      CaseFamilies families, CurrentUser currentUser) {
    this.register = register;
    this.chain = chain;
    this.scope = scope;
    this.families = families;
    this.currentUser = currentUser;
  }

  @GetMapping("/ledger")
  public Page ledger(
      @RequestParam(required = false) String communityId,
      @RequestParam(required = false) String month,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    String userId = currentUser.id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    if (status != null && Arrays.stream(ExpenseStatus.values()).noneMatch(s -> s.code().equals(status))) {
      throw new InvalidInputException("status", "状态取值无效：" + status + "，可选值为 pending | rejected | withdrawn | approved | booked");
    }
    LocalDateTime from = null;
    LocalDateTime until = null;
    if (month != null) {
      try {
        YearMonth ym = YearMonth.parse(month);
        from = ym.atDay(1).atStartOfDay();
        until = ym.plusMonths(1).atDay(1).atStartOfDay();
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("month", "月份应为 yyyy-MM，如 2026-11");
      }
    }
    if (page < 1 || page > MAX_PAGE) {
      throw new InvalidInputException("page", "页码应在 1 到 " + MAX_PAGE + " 之间");
    }
    if (size < 1 || size > 100) {
      throw new InvalidInputException("size", "每页条数应在 1 到 100 之间");
    }
    CommunityScope.Scope visible = scope.of(userId, families.byKey(ExpenseFamily.KEY));
    if (visible.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有居委会主任、报账员、蹲点领导和街道领导、社会事务办可以查看开支台账");
    }
    List<String> communities = visible.narrow(communityId);
    long total = register.count(communities, from, until, status);
    ExpenseRegister.Totals sums = register.totals(communities, from, until, status);
    List<Item> items = register.page(communities, from, until, status, size, (long) (page - 1) * size).stream()
        .map(e -> new Item(e, ExpenseCategory.of(e.category()).label(),
            families.byKey(ExpenseFamily.KEY).statusLabel(e.status()), chain.chain(e.businessKey())))
        .toList();
    return new Page(page, size, total, new Totals(total, sums.amount(), sums.paidAmount()), items);
  }
}
