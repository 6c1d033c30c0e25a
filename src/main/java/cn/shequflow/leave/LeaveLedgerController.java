package cn.shequflow.leave;

import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.cases.LedgerFilter;
import cn.shequflow.core.cases.Ledgers;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.export.Column;
import cn.shequflow.core.export.Exports;
import cn.shequflow.core.process.InvalidInputException;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leave ledger (LV-6) over HTTP: {@code GET /api/leave/ledger?communityId=&month=&status=&mine=&page=&size=};
 * with {@code format=xlsx} the whole selection as an Excel workbook ({@link Exports}).
 * A member of staff who sees no community's ledger (or asks {@code mine=true}) gets his own requests.
 * Who sees which communities is the platform's {@link CommunityScope} for the leave family.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "台账与登记簿")
@RestController
@RequestMapping("/api/leave")
public class LeaveLedgerController {

  public record Page<T>(int page, int size, long total, List<T> items) {}

  public record LedgerItem(LeaveEntry request, String leaveTypeLabel, String statusLabel,
      List<ApprovalStep> decisions) {}

  private final LeaveRegister register;
  private final Ledgers ledgers;
  private final Exports exports;

  static final List<Column<LedgerItem>> COLUMNS = List.of(
      Column.of("事项编号", i -> i.request().businessKey()),
      Column.of("申请人", i -> i.request().applicantName()),
      Column.of("社区", i -> i.request().communityName()),
      Column.of("请假类型", LedgerItem::leaveTypeLabel),
      Column.of("开始日期", i -> i.request().startDate()),
      Column.of("结束日期", i -> i.request().endDate()),
      Column.of("天数", i -> i.request().days()),
      Column.of("事由", i -> i.request().reason()),
      Column.of("工作代理人", i -> i.request().coverPerson()),
      Column.of("状态", LedgerItem::statusLabel),
      Column.of("提交时间", i -> i.request().submittedAt()),
      Column.of("应销假日期", i -> i.request().reportBackDue()),
      Column.of("销假日期", i -> i.request().returnedOn()),
      Column.of("审批意见", i -> Exports.decisions(i.decisions())));

  public LeaveLedgerController(LeaveRegister register, Ledgers ledgers, Exports exports) {
    this.register = register;
    this.ledgers = ledgers;
    this.exports = exports;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "请假台账（format=xlsx：整个筛选结果导出为 Excel）")
  @GetMapping("/ledger")
  public Page<LedgerItem> ledger(@ParameterObject @ModelAttribute LedgerFilter filter,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    String status = filter.status();
    if (status != null) {
      try {
        LeaveStatus.of(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("status", "状态取值无效：" + status
            + "，可选值为 " + java.util.Arrays.stream(LeaveStatus.values()).map(LeaveStatus::code)
            .collect(java.util.stream.Collectors.joining(" | ")));
      }
    }
    Paging paging = new Paging(page, size);
    CommunityScope.Listing listing = ledgers.listing(ledgers.family(LeaveFamily.KEY), filter.communityId(), filter.own());
    LedgerFilter.Period period = filter.period();
    long total = register.count(listing.communities(), listing.applicantId(), period.from(), period.until(), status);
    List<LeaveEntry> rows = register.page(listing.communities(), listing.applicantId(), period.from(), period.until(),
        status, size, paging.offset());
    var decisions = ledgers.decisions(rows.stream().map(LeaveEntry::businessKey).toList());
    List<LedgerItem> items = rows.stream()
        .map(e -> new LedgerItem(e, LeaveType.of(e.leaveType()).label(), statusLabel(e), decisions.get(e.businessKey())))
        .toList();
    return new Page<>(page, size, total, items);
  }

  @io.swagger.v3.oas.annotations.Hidden // documented with the list: ?format=xlsx
  @GetMapping(value = "/ledger", params = "format=xlsx")
  public ResponseEntity<byte[]> ledgerWorkbook(@ModelAttribute LedgerFilter filter) {
    List<LedgerItem> rows = Exports.allPages(n -> ledger(filter, n, Paging.MAX_SIZE).items());
    return exports.send("请假台账", COLUMNS, rows, Exports.selection(filter.selection()));
  }

  /** LV-6: "late" is either still not reported back, or reported back late. */
  static String statusLabel(LeaveEntry e) {
    LeaveStatus status = LeaveStatus.of(e.status());
    if (status == LeaveStatus.LATE && e.returnedOn() == null) {
      return "逾期未销假";
    }
    return status.label();
  }
}
