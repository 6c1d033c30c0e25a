package cn.shequflow.core.export;

import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.audit.AuditAction;
import cn.shequflow.core.audit.AuditLog;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A list of the product's API as an Excel download. The rows are read through the list's own JSON
 * route, page after page, so an export holds exactly what the person sees there: the same
 * selection, visibility and masking. Each export is recorded in the audit log (who exported what,
 * how many rows). Any list route answers {@code ?format=xlsx} or {@code Accept: } {@value Workbooks#XLSX_VALUE}
 * ({@link FormatParameter}).
 */
@Component
public class Exports {

  /** Most rows one export holds; a larger selection is narrowed with the list's filters. */
  public static final int MAX_ROWS = 50_000;

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final AuditLog audit;
  private final CurrentUser currentUser;

  public Exports(AuditLog audit, CurrentUser currentUser) {
    this.audit = audit;
    this.currentUser = currentUser;
  }

  /** Every row of a paged list, read {@link Paging#MAX_SIZE} at a time: {@code page} gives page n (from 1). */
  public static <T> List<T> allPages(IntFunction<List<T>> page) {
    List<T> rows = new ArrayList<>();
    for (int n = 1; n <= Paging.MAX_PAGE && rows.size() < MAX_ROWS; n++) {
      List<T> next = page.apply(n);
      rows.addAll(next.size() > MAX_ROWS - rows.size() ? next.subList(0, MAX_ROWS - rows.size()) : next);
      if (next.size() < Paging.MAX_SIZE) {
        break;
      }
    }
    return rows;
  }

  /** The filters of an export as the audit log records them: "label=value" for each given value. */
  public static String selection(String... labelsAndValues) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
      String value = labelsAndValues[i + 1];
      if (value != null && !value.isBlank()) {
        parts.add(labelsAndValues[i] + "=" + cn.shequflow.core.process.Texts.fit(value, 40));
      }
    }
    return String.join("，", parts);
  }

  /** An approval chain in one cell: each decided step as "审批人：同意（意见）", in order. */
  public static String decisions(List<ApprovalStep> steps) {
    if (steps == null) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    for (ApprovalStep s : steps) {
      if (s.approved() == null) {
        continue;
      }
      String who = s.decidedByName() != null ? s.decidedByName() : s.decidedBy();
      String comment = s.comment() == null || s.comment().isBlank() ? "" : "（" + s.comment().strip() + "）";
      lines.add(who + "：" + (s.approved() ? "同意" : "不同意") + comment);
    }
    return String.join("\n", lines);
  }

  /** The workbook of {@code rows} as a download named after {@code title}, recorded in the audit log. */
  public <T> ResponseEntity<byte[]> send(String title, List<Column<T>> columns, List<T> rows, String selection) {
    byte[] body = Workbooks.xlsx(title, columns, rows);
    audit.record(AuditAction.EXPORT, currentUser.id(), title, null,
        rows.size() + " 条" + (selection == null || selection.isBlank() ? "" : "（" + selection + "）"));
    String name = title + "-" + Clock.now().format(STAMP) + ".xlsx";
    return ResponseEntity.ok()
        .contentType(Workbooks.XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }
}
