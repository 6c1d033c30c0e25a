package cn.shequflow.core.audit;

import cn.shequflow.core.export.Column;
import cn.shequflow.core.export.Workbooks;
import java.util.List;

/** The audit log as an .xlsx workbook ({@link Workbooks}): one row per entry, headers in Chinese. */
final class AuditWorkbook {

  static final List<Column<AuditQuery.Item>> COLUMNS = List.of(
      Column.of("序号", AuditQuery.Item::id),
      Column.of("时间", AuditQuery.Item::at),
      Column.of("操作人", AuditQuery.Item::actorName),
      Column.of("操作类型", AuditQuery.Item::actionLabel),
      Column.of("结果", e -> outcomeLabel(e.outcome())),
      Column.of("对象", AuditQuery.Item::targetLabel),
      Column.of("事项编号", AuditQuery.Item::businessKey),
      Column.of("说明", AuditQuery.Item::detail),
      Column.of("来源地址", AuditQuery.Item::client),
      Column.of("校验值", AuditQuery.Item::hash));

  private AuditWorkbook() {}

  static byte[] of(List<AuditQuery.Item> items) {
    return Workbooks.xlsx("审计日志", COLUMNS, items);
  }

  static String outcomeLabel(String outcome) {
    return switch (outcome == null ? "" : outcome) {
      case AuditEntry.OK -> "成功";
      case AuditEntry.REFUSED -> "拒绝";
      case AuditEntry.FAILED -> "失败";
      default -> outcome;
    };
  }
}
