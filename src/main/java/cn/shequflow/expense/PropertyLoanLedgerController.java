package cn.shequflow.expense;

import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.cases.LedgerFilter;
import cn.shequflow.core.cases.Ledgers;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.export.Column;
import cn.shequflow.core.export.Exports;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register of property loans (集体财物外借台账) over HTTP:
 * {@code GET /api/property-loans/ledger?communityId=&month=&status=&page=&size=} lists every loan with its
 * approvals and its return, newest first. Who sees which communities is the platform's
 * {@link CommunityScope}.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "台账与登记簿")
@RestController
@RequestMapping("/api/property-loans")
public class PropertyLoanLedgerController {

  public record Item(PropertyLoanEntry loan, String statusLabel, String conditionLabel, List<ApprovalStep> decisions) {}

  public record Page(int page, int size, long total, List<Item> items) {}

  private final PropertyLoanRegister register;
  private final Ledgers ledgers;
  private final Exports exports;

  static final List<Column<Item>> COLUMNS = List.of(
      Column.of("事项编号", i -> i.loan().businessKey()),
      Column.of("经办人", i -> i.loan().applicantName()),
      Column.of("社区", i -> i.loan().communityName()),
      Column.of("物品", i -> i.loan().item()),
      Column.of("借用人", i -> i.loan().borrower()),
      Column.of("用途", i -> i.loan().purpose()),
      Column.of("借用开始", i -> i.loan().loanFrom()),
      Column.of("借用结束", i -> i.loan().loanUntil()),
      Column.of("状态", Item::statusLabel),
      Column.of("应归还日期", i -> i.loan().returnDue()),
      Column.of("归还日期", i -> i.loan().returnedOn()),
      Column.of("归还状况", Item::conditionLabel),
      Column.of("归还说明", i -> i.loan().returnNote()),
      Column.of("审批意见", i -> Exports.decisions(i.decisions())));

  public PropertyLoanLedgerController(PropertyLoanRegister register, Ledgers ledgers, Exports exports) {
    this.register = register;
    this.ledgers = ledgers;
    this.exports = exports;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "集体财物外借台账（format=xlsx：整个筛选结果导出为 Excel）")
  @GetMapping("/ledger")
  public Page ledger(@ParameterObject @ModelAttribute LedgerFilter filter,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    CaseFamily family = ledgers.family(PropertyLoanFamily.KEY);
    String status = filter.status();
    family.requireStatus("status", status);
    Paging paging = new Paging(page, size);
    CommunityScope.Listing listing = ledgers.listing(family, filter.communityId(), filter.own());
    LedgerFilter.Period period = filter.period();
    long total = register.count(listing.communities(), listing.applicantId(), period.from(), period.until(), status);
    List<PropertyLoanEntry> rows = register.page(listing.communities(), listing.applicantId(), period.from(),
        period.until(), status, size, paging.offset());
    var decisions = ledgers.decisions(rows.stream().map(PropertyLoanEntry::businessKey).toList());
    List<Item> items = rows.stream()
        .map(l -> new Item(l, family.statusLabel(l.status()),
            l.returnCondition() == null ? null : PropertyLoanCondition.of(l.returnCondition()).label(),
            decisions.get(l.businessKey())))
        .toList();
    return new Page(page, size, total, items);
  }

  @io.swagger.v3.oas.annotations.Hidden // documented with the list: ?format=xlsx
  @GetMapping(value = "/ledger", params = "format=xlsx")
  public ResponseEntity<byte[]> ledgerWorkbook(@ModelAttribute LedgerFilter filter) {
    List<Item> rows = Exports.allPages(n -> ledger(filter, n, Paging.MAX_SIZE).items());
    return exports.send("集体财物外借台账", COLUMNS, rows, Exports.selection(filter.selection()));
  }
}
