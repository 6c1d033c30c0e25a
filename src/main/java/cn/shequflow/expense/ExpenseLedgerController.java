package cn.shequflow.expense;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The expense ledger over HTTP: {@code GET /api/expenses/ledger?communityId=&month=yyyy-MM&status=&mine=&page=&size=}
 * lists every request with its approvals, vote and voucher, and totals the selection (requested and
 * paid, exact to the fen). Who sees which communities is the platform's {@link CommunityScope}.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "台账与登记簿")
@RestController
@RequestMapping("/api/expenses")
public class ExpenseLedgerController {

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

  @io.swagger.v3.oas.annotations.Operation(summary = "开支台账")
  @GetMapping("/ledger")
  public Page ledger(
      @RequestParam(required = false) String communityId,
      @RequestParam(required = false) String month,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    families.byKey(ExpenseFamily.KEY).requireStatus("status", status);
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
    Paging paging = new Paging(page, size);
    CommunityScope.Listing listing = scope.forLedger(currentUser.id(), families.byKey(ExpenseFamily.KEY), communityId, mine);
    List<String> communities = listing.communities();
    String applicant = listing.applicantId();
    long total = register.count(communities, applicant, from, until, status);
    ExpenseRegister.Totals sums = register.totals(communities, applicant, from, until, status);
    List<Item> items = register.page(communities, applicant, from, until, status, size, paging.offset()).stream()
        .map(e -> new Item(e, ExpenseCategory.of(e.category()).label(),
            families.byKey(ExpenseFamily.KEY).statusLabel(e.status()), chain.chain(e.businessKey())))
        .toList();
    return new Page(page, size, total, new Totals(total, sums.amount(), sums.paidAmount()), items);
  }
}
