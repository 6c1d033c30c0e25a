package cn.shequflow.expense.monthly;

import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.expense.ExpenseCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The monthly reports over HTTP (EX-5, EX-8):
 * {@code GET /api/expenses/monthly-reports?month=yyyy-MM&communityId=} lists the reports of the
 * communities the user may see, with count, sum and the dates reported, posted and taken down;
 * {@code GET /api/expenses/monthly-reports/{businessKey}} is one report with every line (the forms
 * cut a very long list). Scope: the platform's {@link CommunityScope}; a report the user may not see
 * answers 404 like an unknown one.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "台账与登记簿")
@RestController
@RequestMapping("/api/expenses/monthly-reports")
public class MonthlyReportController {

  public record Summary(String businessKey, String communityId, String communityName, String month, String monthLabel,
      String status, String statusLabel, LocalDateTime createdAt, int expenseCount, BigDecimal paidTotal,
      LocalDate reportedOn, String reportNote, LocalDate postedOn, LocalDate takeDownFrom, LocalDate takenDownOn) {}

  public record Line(String businessKey, LocalDate paidOn, String category, String categoryLabel, String purpose,
      BigDecimal paidAmount, LocalDateTime bookedAt) {}

  public record Detail(Summary report, List<Line> lines) {}

  private final MonthlyReportMapper mapper;
  private final CommunityScope scope;
  private final CaseFamilies families;
  private final CurrentUser currentUser;

  public MonthlyReportController(MonthlyReportMapper mapper, CommunityScope scope, CaseFamilies families,
      CurrentUser currentUser) {
    this.mapper = mapper;
    this.scope = scope;
    this.families = families;
    this.currentUser = currentUser;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "月度报账与财务公开列表")
  @GetMapping
  public List<Summary> list(@RequestParam(required = false) String month,
      @RequestParam(required = false) String communityId) {
    String userId = user();
    if (month != null) {
      try {
        YearMonth.parse(month);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException("month", "月份应为 yyyy-MM，如 2026-09");
      }
    }
    CommunityScope.Scope visible = scope.of(userId, family());
    if (visible.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只有居委会主任、报账员、蹲点领导和街道领导、社会事务办可以查看月度报账与财务公开");
    }
    List<String> communities = visible.narrow(communityId);
    if (communities != null && communities.isEmpty()) {
      return List.of();
    }
    return mapper.list(communities, month).stream().map(this::summary).toList();
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "某月报账与财务公开详情")
  @GetMapping("/{businessKey}")
  public Detail get(@PathVariable String businessKey) {
    String userId = user();
    MonthlyReport report = mapper.find(businessKey);
    if (report == null || !scope.of(userId, family()).covers(report.communityId())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + businessKey + " 的月度报告，或无权查看");
    }
    YearMonth month = YearMonth.parse(report.reportMonth());
    List<Line> lines = mapper.bookedIn(report.communityId(), month.atDay(1).atStartOfDay(),
            month.plusMonths(1).atDay(1).atStartOfDay()).stream()
        .map(e -> new Line(e.businessKey(), e.paidOn(), e.category(), ExpenseCategory.of(e.category()).label(),
            e.purpose(), e.paidAmount(), e.bookedAt()))
        .toList();
    return new Detail(summary(report), lines);
  }

  private Summary summary(MonthlyReport r) {
    return new Summary(r.businessKey(), r.communityId(), r.communityName(), r.reportMonth(),
        MonthlyStatement.label(YearMonth.parse(r.reportMonth())), r.status(), family().statusLabel(r.status()),
        r.createdAt(), r.expenseCount(), r.paidTotal(), r.reportedOn(), r.reportNote(), r.postedOn(), r.takeDownFrom(),
        r.takenDownOn());
  }

  private CaseFamily family() {
    return families.byKey(MonthlyReportFamily.KEY);
  }

  private String user() {
    String userId = currentUser.id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    return userId;
  }
}
