package cn.shequflow.core.audit;

import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for administrators only (403 for everyone else): entries with filters, their
 * export to .xlsx (itself recorded), the check of a period's chains and the daily anchors. There
 * is no route that changes or removes an entry.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "审计日志")
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  static final String ADMINS_ONLY = "只有管理员可以查看审计日志";
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  public record ActionOption(String code, String label) {}

  private final AuditQuery query;
  private final AuditChains chains;
  private final AuditLog audit;
  private final CurrentUser currentUser;

  public AuditController(AuditQuery query, AuditChains chains, AuditLog audit, CurrentUser currentUser) {
    this.query = query;
    this.chains = chains;
    this.audit = audit;
    this.currentUser = currentUser;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "审计日志（管理员），按人员、操作类型、日期、事项编号筛选，新的在前")
  @GetMapping("/entries")
  public AuditQuery.Page entries(@RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(name = "case", required = false) String businessKey,
      @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
    admin();
    return query.page(new AuditQuery.Filter(actor, action, from, to, businessKey), new Paging(page, size));
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "导出审计日志为 Excel（.xlsx），筛选同上，按时间先后")
  @GetMapping("/entries.xlsx")
  public ResponseEntity<byte[]> export(@RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(name = "case", required = false) String businessKey) {
    String admin = admin();
    AuditQuery.Filter filter = new AuditQuery.Filter(actor, action, from, to, businessKey);
    List<AuditQuery.Item> items = query.all(filter);
    byte[] body = AuditWorkbook.of(items);
    audit.record(AuditAction.EXPORT, admin, "审计日志", businessKey, items.size() + " 条" + describe(filter));
    String name = "审计日志-" + Clock.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".xlsx";
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "操作类型及其中文名称")
  @GetMapping("/actions")
  public List<ActionOption> actions() {
    admin();
    return Arrays.stream(AuditAction.values()).map(a -> new ActionOption(a.code, a.label)).toList();
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "校验一段日期内的审计日志哈希链，指出第一处断点")
  @GetMapping("/verify")
  public AuditChains.Verification verify(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    admin();
    LocalDate end = to == null ? Clock.today() : to;
    LocalDate start = from == null ? end.minusDays(30) : from;
    period(start, end);
    return chains.verify(start, end);
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "每日锚点（当日最后一条记录的哈希值），供审计人员在数据库之外保存")
  @GetMapping("/anchors")
  public List<AuditChains.Anchor> anchors(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    admin();
    LocalDate end = to == null ? Clock.today() : to;
    LocalDate start = from == null ? end.minusDays(AuditSettings.MIN_RETENTION_DAYS) : from;
    period(start, end);
    return chains.anchors(start, end, Clock.today());
  }

  private static void period(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new InvalidInputException("from", "开始日期不能晚于结束日期");
    }
    if (from.plusDays(AuditChains.MAX_DAYS).isBefore(to)) {
      throw new InvalidInputException("from", "一次最多校验 " + AuditChains.MAX_DAYS + " 天");
    }
  }

  private static String describe(AuditQuery.Filter f) {
    StringBuilder s = new StringBuilder();
    Map.of("人员", f.actor() == null ? "" : f.actor(), "操作", f.action() == null ? "" : f.action())
        .forEach((k, v) -> {
          if (!v.isEmpty()) {
            s.append("，").append(k).append(" ").append(v);
          }
        });
    if (f.from() != null || f.to() != null) {
      s.append("，日期 ").append(f.from() == null ? "" : f.from()).append(" 至 ").append(f.to() == null ? "" : f.to());
    }
    return s.toString();
  }

  /** The administrator asking, or 401/403. */
  private String admin() {
    return currentUser.requireAdministrator(ADMINS_ONLY);
  }
}
