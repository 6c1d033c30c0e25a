package cn.shequflow.statistics;

import cn.shequflow.core.approval.operations.ApprovalModel;
import cn.shequflow.core.calendar.Deadlines;
import cn.shequflow.core.calendar.WorkCalendar;
import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.inbox.ProductRights;
import cn.shequflow.core.organisation.OrgUnit;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Inputs;
import cn.shequflow.expense.ExpenseFamily;
import cn.shequflow.expense.ExpenseStatus;
import cn.shequflow.expense.monthly.MonthlyReportFamily;
import cn.shequflow.incident.IncidentBadges;
import cn.shequflow.incident.IncidentCategories;
import cn.shequflow.incident.IncidentFamily;
import cn.shequflow.leave.LeaveFamily;
import cn.shequflow.leave.LeaveStatus;
import cn.shequflow.leave.LeaveType;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The figures of the 业务统计 dashboard (issue 20). Every figure is counted over the cases the viewer
 * may see by the one rule of the case register ({@link CommunityScope#of}: the roles a family names
 * see every community or their own); a family he sees nothing of is absent, not zero. Months are
 * months of the office's time zone (the product's {@link Clock}); "overdue" is the engine's own due
 * date of an open task, set from the working calendar ({@link Deadlines}), and the incident light.
 */
@Service
public class Statistics {

  /** At most this many months in one view (five years). */
  static final int MAX_MONTHS = 60;
  /** At most this many overdue items per family. */
  static final int OVERDUE_LIMIT = 200;

  private final StatisticsMapper mapper;
  private final CaseFamilies families;
  private final CommunityScope scope;
  private final Organisation organisation;
  private final RepositoryService repository;
  private final IncidentCategories incidentCategories;
  private final ProductRights product;
  private final WorkCalendar calendar;
  private final Map<String, Boolean> approvalByDefinition = new ConcurrentHashMap<>();

  public Statistics(StatisticsMapper mapper, CaseFamilies families, CommunityScope scope, Organisation organisation,
      RepositoryService repository, IncidentCategories incidentCategories, ProductRights product,
      WorkCalendar calendar) {
    this.calendar = calendar;
    this.mapper = mapper;
    this.families = families;
    this.scope = scope;
    this.organisation = organisation;
    this.repository = repository;
    this.incidentCategories = incidentCategories;
    this.product = product;
  }

  // ---------------------------------------------------------------------------------------------
  // What the viewer sees

  /** One family the viewer sees, and the communities to count ({@code null}: every one). */
  record Visible(CaseFamily family, List<String> communities) {}

  /**
   * The families the viewer sees, narrowed to {@code community}: a family whose scope does not cover
   * it is left out; 403 when none is left (or he sees no family at all).
   */
  List<Visible> visible(String userId, String community) {
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    List<Visible> out = new ArrayList<>();
    for (CaseFamily family : families.all()) {
      CommunityScope.Scope s = scope.of(userId, family);
      if (s.isEmpty() || community != null && !s.covers(community)) {
        continue;
      }
      out.add(new Visible(family, s.narrow(community)));
    }
    if (out.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, community == null
          ? "无权查看业务统计：您的岗位不查看任何社区的事项" : "无权查看社区 " + community + " 的业务统计");
    }
    return out;
  }

  /** The communities the viewer may pick in the filter: those at least one family he sees covers. */
  List<CommunityOption> communities(String userId) {
    List<CommunityScope.Scope> scopes = families.all().stream().map(f -> scope.of(userId, f))
        .filter(s -> !s.isEmpty()).toList();
    return organisation.communityIds().stream()
        .filter(id -> scopes.stream().anyMatch(s -> s.covers(id)))
        .map(id -> new CommunityOption(id, organisation.unit(id).map(OrgUnit::name).orElse(id)))
        .toList();
  }

  /** A community filter: 400 naming {@code field} unless it is a community of the organisation. */
  String community(String field, String community) {
    if (community == null || community.isBlank()) {
      return null;
    }
    if (!organisation.communityIds().contains(community)) {
      throw new cn.shequflow.core.process.InvalidInputException(field, "没有这个社区：" + abbreviate(community));
    }
    return community;
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  // ---------------------------------------------------------------------------------------------
  // The summary

  public record CommunityOption(String id, String name) {}

  /** Counts of one family (and one community and month, in a {@link MonthCell}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FigureCounts(long filed, Long decided, Long approved, Long refused, long open, Double averageDecisionHours,
      Double averageDecisionWorkingDays) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MonthCell(String month, String community, String communityName, long filed, Long decided, Long approved,
      Long refused, long open, Double averageDecisionHours, Double averageDecisionWorkingDays) {}

  /** One family: {@code approval} when its cases are decided on the approval chain (else no decisions counted). */
  public record FamilyFigures(String family, String label, boolean approval, FigureCounts total, long overdue,
      List<MonthCell> cells) {}

  public record LabelledCount(String code, String label, long count) {}

  /** Of the cases whose limit has passed or whose step is done ({@code due}), those done within it. */
  public record OnTimeRate(long due, long withinLimit, Double percent) {}

  public record IncidentFigures(long total, long open, List<LabelledCount> byCategory, List<LabelledCount> openByLight,
      OnTimeRate signedInTime, OnTimeRate settledInTime) {}

  public record LeaveDaysLine(String person, String name, String communityName, String type, String typeLabel,
      long requests, BigDecimal days) {}

  public record LeaveFigures(BigDecimal totalDays, List<LabelledCount> requestsByType, List<LeaveDaysLine> byPerson) {}

  /** Expenses within or above the director's authority: filed, approved and the approved amount. */
  public record ExpenseMoney(long filed, long approved, BigDecimal approvedTotal) {}

  public record AssemblyVotes(long needed, long passed, long failed) {}

  public record ExpenseFigures(ExpenseMoney withinAuthority, ExpenseMoney aboveAuthority, AssemblyVotes votes) {}

  public record MonthlyReportLine(String businessKey, String month, String community, String communityName,
      LocalDate reportedOn, LocalDate postedOn, boolean reportedOnTime, boolean postedOnTime) {}

  public record MonthlyReportFigures(long reports, OnTimeRate reportedOnTime, OnTimeRate postedOnTime, List<MonthlyReportLine> lines) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StatisticsSummary(String from, String to, String community, List<CommunityOption> communities, List<String> months,
      List<FamilyFigures> families, IncidentFigures incidents, LeaveFigures leave, ExpenseFigures expenses,
      MonthlyReportFigures monthlyReports, long overdue) {}

  /** A period of whole months, {@code from} to {@code to} inclusive. */
  record Period(YearMonth from, YearMonth to) {

    LocalDateTime start() {
      return from.atDay(1).atStartOfDay();
    }

    LocalDateTime end() {
      return to.plusMonths(1).atDay(1).atStartOfDay();
    }

    List<String> months() {
      List<String> out = new ArrayList<>();
      for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        out.add(m.toString());
      }
      return out;
    }
  }

  /** {@code from} and {@code to} as 'yyyy-MM' (400 naming the field); by default the last 12 months to this one. */
  static Period period(String from, String to) {
    YearMonth end = to == null || to.isBlank() ? YearMonth.from(Clock.today()) : month("to", to);
    YearMonth start = from == null || from.isBlank() ? end.minusMonths(11) : month("from", from);
    if (start.isAfter(end)) {
      throw new cn.shequflow.core.process.InvalidInputException("to", "结束月份不能早于开始月份（" + start + "）");
    }
    if (start.plusMonths(MAX_MONTHS - 1).isBefore(end)) {
      throw new cn.shequflow.core.process.InvalidInputException("from", "统计期间最长 " + MAX_MONTHS + " 个月");
    }
    return new Period(start, end);
  }

  private static YearMonth month(String field, String text) {
    if (!text.matches("\\d{4}-\\d{2}")) {
      throw new cn.shequflow.core.process.InvalidInputException(field, "月份格式应为 yyyy-MM，例如 2026-09");
    }
    try {
      YearMonth m = YearMonth.parse(text);
      if (m.getYear() < 2000 || m.getYear() > 2999) {
        throw new cn.shequflow.core.process.InvalidInputException(field, "月份超出范围：" + text);
      }
      return m;
    } catch (java.time.format.DateTimeParseException e) {
      throw new cn.shequflow.core.process.InvalidInputException(field, "月份无效：" + text);
    }
  }

  public StatisticsSummary summary(String userId, String from, String to, String requestedCommunity) {
    Period period = period(from, to);
    String community = community("community", requestedCommunity);
    List<Visible> visible = visible(userId, community);
    List<FamilyFigures> figures = new ArrayList<>();
    IncidentFigures incidents = null;
    LeaveFigures leave = null;
    ExpenseFigures expenses = null;
    MonthlyReportFigures monthly = null;
    long overdue = 0;
    for (Visible v : visible) {
      FamilyFigures f = family(v, period);
      figures.add(f);
      overdue += f.overdue();
      switch (v.family().key()) {
        case IncidentFamily.KEY -> incidents = incidents(v, period);
        case LeaveFamily.KEY -> leave = leave(v, period);
        case ExpenseFamily.KEY -> expenses = expenses(v, period);
        case MonthlyReportFamily.KEY -> monthly = monthlyReports(v, period);
        default -> { }
      }
    }
    return new StatisticsSummary(period.from().toString(), period.to().toString(), community, communities(userId),
        period.months(), figures, incidents, leave, expenses, monthly, overdue);
  }

  private FamilyFigures family(Visible v, Period period) {
    CaseFamily family = v.family();
    boolean approval = decidesOnChain(family);
    List<MonthCell> cells = new ArrayList<>();
    long filed = 0;
    long approved = 0;
    long refused = 0;
    long open = 0;
    long timed = 0;
    long minutes = 0;
    Map<String, long[]> workingDays = approval ? workingDays(family, period, v.communities()) : Map.of();
    long[] allDays = new long[2];
    workingDays.values().forEach(d -> {
      allDays[0] += d[0];
      allDays[1] += d[1];
    });
    for (Map<String, Object> row : mapper.cases(family.key(), period.start(), period.end(), v.communities())) {
      String communityId = text(row, "community");
      String month = YearMonth.of(number(row, "y").intValue(), number(row, "m").intValue()).toString();
      long f = number(row, "filed").longValue();
      long a = number(row, "approved").longValue();
      long r = number(row, "refused").longValue();
      long o = number(row, "open_count").longValue();
      long t = number(row, "timed").longValue();
      long m = number(row, "decision_minutes").longValue();
      long[] days = workingDays.getOrDefault(communityId + "|" + month, new long[2]);
      cells.add(new MonthCell(month, communityId, communityName(communityId), f, approval ? a + r : null,
          approval ? a : null, approval ? r : null, o, approval ? hours(m, t) : null,
          approval ? average(days[0], days[1]) : null));
      filed += f;
      approved += a;
      refused += r;
      open += o;
      timed += t;
      minutes += m;
    }
    cells.sort(Comparator.comparing(MonthCell::month).thenComparing(c -> c.community() == null ? "" : c.community()));
    long overdue = mapper.overdueCount(family.key(), ClockUtil.getCurrentTime(), v.communities());
    FigureCounts total = new FigureCounts(filed, approval ? approved + refused : null, approval ? approved : null,
        approval ? refused : null, open, approval ? hours(minutes, timed) : null,
        approval ? average(allDays[0], allDays[1]) : null);
    return new FamilyFigures(family.key(), family.label(), approval, total, overdue, cells);
  }

  /**
   * Working days from filing to the last decision, by "community|month" of filing: {sum, cases}.
   * Counted on the working calendar as the deadlines are (a case decided on the day it was filed: 0,
   * on the next working day: 1), for each pair of days once.
   */
  private Map<String, long[]> workingDays(CaseFamily family, Period period, List<String> communities) {
    Map<String, long[]> byCell = new HashMap<>();
    for (Map<String, Object> row : mapper.decisionDays(family.key(), period.start(), period.end(), communities)) {
      String cell = text(row, "community") + "|"
          + YearMonth.of(number(row, "y").intValue(), number(row, "m").intValue());
      long n = number(row, "n").longValue();
      int days = calendar.workingDaysBetween(date(row, "filed_on"), date(row, "decided_on"));
      long[] sum = byCell.computeIfAbsent(cell, k -> new long[2]);
      sum[0] += days * n;
      sum[1] += n;
    }
    return byCell;
  }

  private static Double average(long sum, long count) {
    return count == 0 ? null
        : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP).doubleValue();
  }

  private static Double hours(long minutes, long count) {
    if (count == 0) {
      return null;
    }
    return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(count * 60L), 1, RoundingMode.HALF_UP).doubleValue();
  }

  private static Double percent(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).doubleValue();
  }

  /** The community's name, or 街道 for a case filed by a street office (no community). */
  private String communityName(String communityId) {
    return communityId == null ? "街道" : organisation.unit(communityId).map(OrgUnit::name).orElse(communityId);
  }

  /** Whether the family's latest model decides its cases on the approval chain (cached per definition). */
  boolean decidesOnChain(CaseFamily family) {
    return product.run(() -> {
      ProcessDefinition definition = repository.createProcessDefinitionQuery()
          .processDefinitionKey(family.processKey()).latestVersion().withoutTenantId().singleResult();
      if (definition == null) {
        return false;
      }
      return approvalByDefinition.computeIfAbsent(definition.getId(),
          id -> ApprovalModel.hasApprovalTask(repository.getBpmnModelInstance(id)));
    });
  }

  private IncidentFigures incidents(Visible v, Period period) {
    Map<String, Long> byCategory = new TreeMap<>();
    Map<String, Long> openByLight = new LinkedHashMap<>();
    for (String light : List.of("GREEN", "YELLOW", "RED")) {
      openByLight.put(light, 0L);
    }
    long total = 0;
    long open = 0;
    long signDue = 0;
    long signed = 0;
    long settleDue = 0;
    long settled = 0;
    for (Map<String, Object> row : mapper.incidents(v.family().key(), period.start(), period.end(), v.communities(),
        Clock.now())) {
      long n = number(row, "n").longValue();
      total += n;
      byCategory.merge(text(row, "category"), n, Long::sum);
      if (number(row, "open_flag").intValue() == 1) {
        open += n;
        openByLight.merge(text(row, "light"), n, Long::sum);
      }
      signDue += number(row, "sign_due").longValue();
      signed += number(row, "signed_in_time").longValue();
      settleDue += number(row, "settle_due").longValue();
      settled += number(row, "settled_in_time").longValue();
    }
    List<LabelledCount> categories = byCategory.entrySet().stream()
        .map(e -> new LabelledCount(e.getKey(), incidentCategories.label(e.getKey()), e.getValue()))
        .sorted(Comparator.comparingLong(LabelledCount::count).reversed()).toList();
    List<LabelledCount> lights = openByLight.entrySet().stream()
        .map(e -> new LabelledCount(e.getKey(), IncidentBadges.lightLabel(e.getKey()), e.getValue())).toList();
    return new IncidentFigures(total, open, categories, lights, new OnTimeRate(signDue, signed, percent(signed, signDue)),
        new OnTimeRate(settleDue, settled, percent(settled, settleDue)));
  }

  /** Leave that was approved: approved and waiting for the report back, reported back on time or late. */
  static final List<String> LEAVE_TAKEN = List.of(LeaveStatus.APPROVED.code(), LeaveStatus.RETURNED.code(),
      LeaveStatus.LATE.code());

  private LeaveFigures leave(Visible v, Period period) {
    List<LeaveDaysLine> lines = new ArrayList<>();
    Map<String, Long> byType = new LinkedHashMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Map<String, Object> row : mapper.leave(v.family().key(), LEAVE_TAKEN, period.start().toLocalDate(),
        period.end().toLocalDate(), v.communities())) {
      String type = text(row, "leave_type");
      BigDecimal days = decimal(row, "days");
      long n = number(row, "n").longValue();
      lines.add(new LeaveDaysLine(text(row, "person"), text(row, "name"), text(row, "community_name"), type,
          leaveTypeLabel(type), n, days));
      byType.merge(type, n, Long::sum);
      total = total.add(days);
    }
    lines.sort(Comparator.comparing(LeaveDaysLine::days).reversed().thenComparing(LeaveDaysLine::person)
        .thenComparing(LeaveDaysLine::type));
    List<LabelledCount> types = byType.entrySet().stream()
        .map(e -> new LabelledCount(e.getKey(), leaveTypeLabel(e.getKey()), e.getValue())).toList();
    return new LeaveFigures(total, types, lines);
  }

  private static String leaveTypeLabel(String code) {
    try {
      return LeaveType.of(code).label();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  /** Expenses approved: approved and waiting for the voucher, or booked. */
  static final List<String> EXPENSE_APPROVED = List.of(ExpenseStatus.APPROVED.code(), ExpenseStatus.BOOKED.code());

  private ExpenseFigures expenses(Visible v, Period period) {
    ExpenseMoney within = new ExpenseMoney(0, 0, BigDecimal.ZERO.setScale(2));
    ExpenseMoney above = within;
    long needed = 0;
    long passed = 0;
    long failed = 0;
    for (Map<String, Object> row : mapper.expenses(v.family().key(), period.start(), period.end(), v.communities(),
        EXPENSE_APPROVED)) {
      ExpenseMoney money = new ExpenseMoney(number(row, "n").longValue(), number(row, "approved_count").longValue(),
          decimal(row, "approved_total").setScale(2, RoundingMode.UNNECESSARY));
      if (Boolean.TRUE.equals(bool(row, "above"))) {
        above = money;
      } else {
        within = money;
      }
      needed += number(row, "votes_needed").longValue();
      passed += number(row, "votes_passed").longValue();
      failed += number(row, "votes_failed").longValue();
    }
    return new ExpenseFigures(within, above, new AssemblyVotes(needed, passed, failed));
  }

  /**
   * Monthly reports (EX-5) and disclosures (EX-8) of the months in the period. On time: reported to
   * the accounting centre, and the disclosure posted, within the month after the month reported on
   * (the month in which the report is made). A report still open after that month counts as late.
   */
  private MonthlyReportFigures monthlyReports(Visible v, Period period) {
    LocalDate today = Clock.today();
    List<MonthlyReportLine> lines = new ArrayList<>();
    long reportDue = 0;
    long reportOnTime = 0;
    long postDue = 0;
    long postOnTime = 0;
    for (Map<String, Object> row : mapper.monthlyReports(v.family().key(), period.from().toString(),
        period.to().toString(), v.communities())) {
      String month = text(row, "report_month");
      LocalDate dueBy = YearMonth.parse(month).plusMonths(1).atEndOfMonth();
      LocalDate reported = date(row, "reported_on");
      LocalDate posted = date(row, "posted_on");
      boolean reportedOnTime = reported != null && !reported.isAfter(dueBy);
      boolean postedOnTime = posted != null && !posted.isAfter(dueBy);
      if (reported != null || today.isAfter(dueBy)) {
        reportDue++;
      }
      if (posted != null || today.isAfter(dueBy)) {
        postDue++;
      }
      reportOnTime += reportedOnTime ? 1 : 0;
      postOnTime += postedOnTime ? 1 : 0;
      lines.add(new MonthlyReportLine(text(row, "business_key"), month, text(row, "community"), text(row, "community_name"),
          reported, posted, reportedOnTime, postedOnTime));
    }
    return new MonthlyReportFigures(lines.size(), new OnTimeRate(reportDue, reportOnTime, percent(reportOnTime, reportDue)),
        new OnTimeRate(postDue, postOnTime, percent(postOnTime, postDue)), lines);
  }

  // ---------------------------------------------------------------------------------------------
  // The overdue list

  /** An overdue case: its open step past the due date, or an incident under supervision (黄灯/红灯). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OverdueItem(String businessKey, String family, String familyLabel, String community,
      String communityName, String subject, String statusLabel, String step, LocalDateTime dueAt, String light,
      String lightLabel, String sheet) {}

  public record OverdueList(String community, int total, List<OverdueItem> items) {}

  public OverdueList overdue(String userId, String requestedCommunity) {
    String community = community("community", requestedCommunity);
    List<OverdueItem> items = new ArrayList<>();
    for (Visible v : visible(userId, community)) {
      items.addAll(overdueOf(v));
    }
    items.sort(Comparator.comparing((OverdueItem i) -> i.dueAt() == null ? LocalDateTime.MAX : i.dueAt())
        .thenComparing(OverdueItem::businessKey));
    return new OverdueList(community, items.size(), items);
  }

  private List<OverdueItem> overdueOf(Visible v) {
    CaseFamily family = v.family();
    Map<String, OverdueItem> byKey = new LinkedHashMap<>();
    Date now = ClockUtil.getCurrentTime();
    for (Map<String, Object> row : mapper.overdueTasks(family.key(), now, v.communities(), OVERDUE_LIMIT)) {
      String key = text(row, "business_key");
      byKey.putIfAbsent(key, item(family, row, text(row, "task_name"), dateTime(row, "due_at"), null));
    }
    if (IncidentFamily.KEY.equals(family.key())) {
      for (Map<String, Object> row : mapper.supervisedIncidents(family.key(), v.communities(), OVERDUE_LIMIT)) {
        String key = text(row, "business_key");
        OverdueItem task = byKey.get(key);
        byKey.put(key, item(family, row, task == null ? null : task.step(), task == null ? null : task.dueAt(),
            text(row, "light")));
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private OverdueItem item(CaseFamily family, Map<String, Object> row, String step, LocalDateTime dueAt, String light) {
    String key = text(row, "business_key");
    String status = text(row, "status");
    return new OverdueItem(key, family.key(), family.label(), text(row, "community"),
        communityName(text(row, "community")), text(row, "subject"),
        family.statuses().containsKey(status) ? family.statusLabel(status) : status, step, dueAt, light,
        light == null ? null : IncidentBadges.lightLabel(light), "/api/cases/" + key + "/sheet");
  }

  // ---------------------------------------------------------------------------------------------
  // Reading rows (H2 answers column aliases in upper case, MariaDB as written)

  private static Object value(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v != null || row.containsKey(column) ? v : row.get(column.toUpperCase(java.util.Locale.ROOT));
  }

  private static Number number(Map<String, Object> row, String column) {
    Object v = value(row, column);
    return v == null ? 0 : v instanceof Boolean b ? (b ? 1 : 0) : (Number) v;
  }

  private static BigDecimal decimal(Map<String, Object> row, String column) {
    Object v = value(row, column);
    return v == null ? BigDecimal.ZERO : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
  }

  private static String text(Map<String, Object> row, String column) {
    Object v = value(row, column);
    return v == null ? null : v.toString();
  }

  private static Boolean bool(Map<String, Object> row, String column) {
    Object v = value(row, column);
    return v == null ? null : v instanceof Boolean b ? b : ((Number) v).intValue() != 0;
  }

  private static LocalDate date(Map<String, Object> row, String column) {
    Object v = value(row, column);
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return LocalDate.parse(v.toString().substring(0, 10));
  }

  /** A timestamp the engine wrote (a java.util.Date in the JVM's zone), as office time. */
  private static LocalDateTime dateTime(Map<String, Object> row, String column) {
    Object v = value(row, column);
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDateTime t) {
      return t;
    }
    Date d = v instanceof Timestamp t ? new Date(t.getTime()) : (Date) v;
    return LocalDateTime.ofInstant(d.toInstant(), Inputs.ZONE).withNano(0);
  }
}
