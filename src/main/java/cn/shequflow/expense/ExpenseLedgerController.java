package cn.shequflow.expense;

import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.cases.LedgerFilter;
import cn.shequflow.core.cases.Ledgers;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.export.Column;
import cn.shequflow.core.export.Exports;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
  private final Ledgers ledgers;
  private final Exports exports;

  static final List<Column<Item>> COLUMNS = List.of(
      Column.of("事项编号", i -> i.expense().businessKey()),
      Column.of("经办人", i -> i.expense().applicantName()),
      Column.of("社区", i -> i.expense().communityName()),
      Column.of("类别", Item::categoryLabel),
      Column.of("用途", i -> i.expense().purpose()),
      Column.of("金额（元）", i -> i.expense().amount()),
      Column.of("状态", Item::statusLabel),
      Column.of("提交时间", i -> i.expense().submittedAt()),
      Column.of("批准时间", i -> i.expense().approvedAt()),
      Column.of("需经社区代表表决", i -> i.expense().voteNeeded()),
      Column.of("赞成票", i -> i.expense().votesInFavour()),
      Column.of("到会代表", i -> i.expense().representativesPresent()),
      Column.of("表决通过", i -> i.expense().votePassed()),
      Column.of("票据类型", i -> i.expense().voucherType()),
      Column.of("发票号码", i -> i.expense().invoiceNumber()),
      Column.of("实付金额（元）", i -> i.expense().paidAmount()),
      Column.of("付款日期", i -> i.expense().paidOn()),
      Column.of("记账人", i -> i.expense().bookedBy()),
      Column.of("审批意见", i -> Exports.decisions(i.decisions())));

  public ExpenseLedgerController(ExpenseRegister register, Ledgers ledgers, Exports exports) {
    this.register = register;
    this.ledgers = ledgers;
    this.exports = exports;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "开支台账（format=xlsx：整个筛选结果导出为 Excel）")
  @GetMapping("/ledger")
  public Page ledger(@ParameterObject @ModelAttribute LedgerFilter filter,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    CaseFamily family = ledgers.family(ExpenseFamily.KEY);
    String status = filter.status();
    family.requireStatus("status", status);
    LedgerFilter.Period period = filter.period();
    LocalDateTime from = period.from();
    LocalDateTime until = period.until();
    Paging paging = new Paging(page, size);
    CommunityScope.Listing listing = ledgers.listing(family, filter.communityId(), filter.own());
    List<String> communities = listing.communities();
    String applicant = listing.applicantId();
    long total = register.count(communities, applicant, from, until, status);
    ExpenseRegister.Totals sums = register.totals(communities, applicant, from, until, status);
    List<ExpenseEntry> rows = register.page(communities, applicant, from, until, status, size, paging.offset());
    var decisions = ledgers.decisions(rows.stream().map(ExpenseEntry::businessKey).toList());
    List<Item> items = rows.stream()
        .map(e -> new Item(e, ExpenseCategory.of(e.category()).label(),
            family.statusLabel(e.status()), decisions.get(e.businessKey())))
        .toList();
    return new Page(page, size, total, new Totals(total, sums.amount(), sums.paidAmount()), items);
  }

  @io.swagger.v3.oas.annotations.Hidden // documented with the list: ?format=xlsx
  @GetMapping(value = "/ledger", params = "format=xlsx")
  public ResponseEntity<byte[]> ledgerWorkbook(@ModelAttribute LedgerFilter filter) {
    List<Item> rows = Exports.allPages(n -> ledger(filter, n, Paging.MAX_SIZE).items());
    return exports.send("开支台账", COLUMNS, rows, Exports.selection(filter.selection()));
  }
}
