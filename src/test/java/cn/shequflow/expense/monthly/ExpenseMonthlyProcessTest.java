package cn.shequflow.expense.monthly;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shequflow.core.cases.CaseController;
import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.support.ProcessTestSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.server.ResponseStatusException;

/**
 * The monthly expense report (EX-5) and financial disclosure (EX-8): the schedule
 * {@code expense-monthly} (timer) and one {@code expense-monthly-report} per community, driven as
 * the demo users with the timer jobs executed explicitly. Each test reports its own month, since a
 * month is reported once.
 */
class ExpenseMonthlyProcessTest extends ProcessTestSupport {

  static final String SCHEDULE = "expense-monthly";
  static final String REPORT = "expense-monthly-report";

  @Autowired HistoryService history;
  @Autowired CaseMapper caseMapper;
  @Autowired MonthlyReportMapper reports;
  @Autowired CaseController caseController;
  @Autowired MonthlyReportController reportController;

  // ---- driving the schedule ----

  /** The schedule's timer fires at {@code at} (Beijing time); its per-community jobs run; the reports it started. */
  private Map<String, ProcessInstance> fire(LocalDateTime at) {
    setClock(at);
    Set<String> before = reportInstanceIds();
    Job timer = management.createJobQuery().processDefinitionKey(SCHEDULE).timers().singleResult();
    Assertions.assertThat(timer).as("the schedule's timer start job").isNotNull();
    management.executeJob(timer.getId());
    for (Job job : management.createJobQuery().processDefinitionKey(SCHEDULE).messages().list()) {
      management.executeJob(job.getId());
    }
    return runtime.createProcessInstanceQuery().processDefinitionKey(REPORT).list().stream()
        .filter(pi -> !before.contains(pi.getId()))
        .collect(Collectors.toMap(pi -> caseMapper.find(pi.getBusinessKey()).communityId(), pi -> pi));
  }

  private Set<String> reportInstanceIds() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(REPORT).list().stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
  }

  private HistoricProcessInstance lastScheduleRun(Set<String> before) {
    List<HistoricProcessInstance> runs = history.createHistoricProcessInstanceQuery().processDefinitionKey(SCHEDULE)
        .list().stream().filter(h -> !before.contains(h.getId())).toList();
    Assertions.assertThat(runs).as("schedule runs of this firing").hasSize(1);
    return runs.get(0);
  }

  private Set<String> scheduleRunIds() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(SCHEDULE).list().stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
  }

  private Task task(String user, ProcessInstance pi, String definitionKey) {
    List<Task> visible = visibleTo(user, pi).stream().filter(t -> t.getTaskDefinitionKey().equals(definitionKey)).toList();
    Assertions.assertThat(visible).as("%s of %s visible to %s", definitionKey, pi.getBusinessKey(), user).hasSize(1);
    return visible.get(0);
  }


  // ---- booked expenses, through the real expense-approval ----

  /** A zaozhi expense applied for and approved on {@code approvedAt}, paid on {@code paidOn} and booked at {@code bookedAt}. */
  private String bookZaozhiExpense(String category, String purpose, String paid, LocalDateTime approvedAt, String paidOn,
      LocalDateTime bookedAt) {
    setClock(approvedAt);
    Map<String, Object> request = new HashMap<>();
    request.put("amount", 500);
    request.put("category", category);
    request.put("purpose", purpose);
    request.put("handler", "陈静");
    request.put("witness", "刘洋");
    ProcessInstance pi = startAs("chen.staff", "expense-approval", request);
    completeAs("zhang.director", onlyTaskFor("zhang.director", pi), Map.of("approved", true, "comment", "同意"));
    if (bookedAt != null) {
      setClock(bookedAt);
      Map<String, Object> voucher = new HashMap<>();
      voucher.put("voucherType", "invoice");
      voucher.put("invoiceNumber", "No." + System.nanoTime());
      voucher.put("paidAmount", Double.valueOf(paid));
      voucher.put("paidOn", paidOn);
      completeAs("huang.bookkeeper", onlyTaskFor("huang.bookkeeper", pi), voucher);
      assertThat(pi).isEnded();
    }
    return pi.getBusinessKey();
  }

  // ---- the tests ----

  @Test
  @DisplayName("EX-5, EX-8, CAL-1: 1 Oct 2026 (National Day) does nothing; 8 Oct, the first working day, "
      + "gives each community 报账：2026年9月 and 财务公开：2026年9月; later firings do nothing")
  void firstWorkingDayDecides() {
    Set<String> runs = scheduleRunIds();
    Assertions.assertThat(fire(LocalDateTime.of(2026, 10, 1, 8, 0))).as("reports started on a holiday").isEmpty();
    HistoricProcessInstance holiday = lastScheduleRun(runs);
    Assertions.assertThat(holiday.getEndTime()).isNotNull();
    Assertions.assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(holiday.getId())
        .activityId("notDue").count()).isEqualTo(1);
    Assertions.assertThat(reports.countRuns("2026-09")).isZero();
    Assertions.assertThat(fire(LocalDateTime.of(2026, 10, 7, 8, 0))).as("last day of the holiday").isEmpty();

    runs = scheduleRunIds();
    Map<String, ProcessInstance> started = fire(LocalDateTime.of(2026, 10, 8, 8, 0));
    Assertions.assertThat(started).containsOnlyKeys("zaozhi", "taiping");
    Assertions.assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(lastScheduleRun(runs).getId())
        .activityId("reportsStarted").count()).isEqualTo(1);

    ProcessInstance zaozhi = started.get("zaozhi");
    assertThat(zaozhi).isWaitingAt("reportMonthly", "postDisclosure");
    Assertions.assertThat(zaozhi.getBusinessKey()).matches("MR-2026-\\d{6}");
    CaseRecord c = caseMapper.find(zaozhi.getBusinessKey());
    Assertions.assertThat(c.subject()).isEqualTo("造纸社区 2026年9月 报账与财务公开");
    Assertions.assertThat(c.systemCase()).isTrue();
    Assertions.assertThat(c.applicantName()).isEqualTo("系统");
    Assertions.assertThat(c.status()).isEqualTo("open");
    Assertions.assertThat(c.createdAt()).isEqualTo(LocalDateTime.of(2026, 10, 8, 8, 0));
    Assertions.assertThat(caseMapper.events(c.businessKey())).extracting(e -> e.action()).containsExactly("opened");

    Task report = task("huang.bookkeeper", zaozhi, "reportMonthly");
    Assertions.assertThat(report.getName()).isEqualTo("报账：2026年9月");
    Assertions.assertThat(candidateGroups(report)).containsExactly("zaozhi-bookkeeper");
    Task disclosure = task("zhang.director", zaozhi, "postDisclosure");
    Assertions.assertThat(disclosure.getName()).isEqualTo("财务公开：2026年9月");
    Assertions.assertThat(candidateGroups(disclosure)).containsExactly("zaozhi-director");
    Assertions.assertThat(tasks.getVariable(report.getId(), "listSubject")).isEqualTo("造纸社区 2026年9月 报账与财务公开");
    Assertions.assertThat(tasks.getVariable(report.getId(), "listApplicant")).isEqualTo("系统");
    Assertions.assertThat(tasks.getVariable(report.getId(), "listNo")).isEqualTo(zaozhi.getBusinessKey());

    Assertions.assertThat(fire(LocalDateTime.of(2026, 10, 9, 8, 0))).as("the day after: already made").isEmpty();
    Assertions.assertThat(fire(LocalDateTime.of(2026, 10, 15, 8, 0))).isEmpty();
    Assertions.assertThat(reports.countRuns("2026-09")).isOne();
    Job next = management.createJobQuery().processDefinitionKey(SCHEDULE).timers().singleResult();
    Assertions.assertThat(next.getDuedate()).as("after the 15th the timer waits for the 1st")
        .isEqualTo(Clock.toDate(LocalDateTime.of(2026, 11, 1, 8, 0)));
  }

  @Test
  @DisplayName("EX-5: zaozhi's August report lists exactly the expenses booked in August, count and sum exact to the fen; "
      + "a payment of July booked in August is marked; taiping's is empty")
  void listAndTotals() {
    String bookedJuly = bookZaozhiExpense("office", "七月的墨盒", "88.00", LocalDateTime.of(2026, 7, 30, 9, 0),
        "2026-07-31", LocalDateTime.of(2026, 7, 31, 16, 0));
    String paidJulyBookedAugust = bookZaozhiExpense("telephone", "七月电话费", "0.35", LocalDateTime.of(2026, 7, 28, 9, 0),
        "2026-07-29", LocalDateTime.of(2026, 8, 3, 9, 0));
    String paper = bookZaozhiExpense("office", "购买打印纸\n和文件夹", "318.55", LocalDateTime.of(2026, 8, 4, 9, 0),
        "2026-08-05", LocalDateTime.of(2026, 8, 5, 15, 0));
    String repair = bookZaozhiExpense("repairs", "修理活动室门锁", "100.20", LocalDateTime.of(2026, 8, 10, 9, 0),
        "2026-08-12", LocalDateTime.of(2026, 8, 14, 10, 0));
    String lastEvening = bookZaozhiExpense("activities", "中秋活动用品", "250.00", LocalDateTime.of(2026, 8, 31, 9, 0),
        "2026-08-31", LocalDateTime.of(2026, 8, 31, 23, 59));
    String bookedSeptember = bookZaozhiExpense("utilities", "八月水电费", "120.00", LocalDateTime.of(2026, 8, 28, 9, 0),
        "2026-08-31", LocalDateTime.of(2026, 9, 1, 7, 30));
    String notBooked = bookZaozhiExpense("office", "尚未报账", null, LocalDateTime.of(2026, 8, 20, 9, 0), null, null);

    Map<String, ProcessInstance> started = fire(LocalDateTime.of(2026, 9, 1, 8, 0)); // Tuesday
    ProcessInstance zaozhi = started.get("zaozhi");
    String lines = (String) runtime.getVariable(zaozhi.getId(), "expenseLines");
    Assertions.assertThat(lines.split("\n")).containsExactly(
        paidJulyBookedAugust + " ｜ 2026-07-29 ｜ 电话通讯 ｜ 七月电话费 ｜ 0.35 元（2026年7月支出，未当月结清）",
        paper + " ｜ 2026-08-05 ｜ 办公用品 ｜ 购买打印纸 和文件夹 ｜ 318.55 元",
        repair + " ｜ 2026-08-12 ｜ 维修 ｜ 修理活动室门锁 ｜ 100.20 元",
        lastEvening + " ｜ 2026-08-31 ｜ 社区活动 ｜ 中秋活动用品 ｜ 250.00 元");
    Assertions.assertThat(lines).doesNotContain(bookedJuly, bookedSeptember, notBooked);
    Assertions.assertThat(runtime.getVariable(zaozhi.getId(), "expenseCount")).isEqualTo("4");
    Assertions.assertThat(runtime.getVariable(zaozhi.getId(), "expenseTotal")).isEqualTo("669.10");
    Assertions.assertThat(runtime.getVariable(zaozhi.getId(), "monthLabel")).isEqualTo("2026年8月");
    MonthlyReport stored = reports.find(zaozhi.getBusinessKey());
    Assertions.assertThat(stored.expenseCount()).isEqualTo(4);
    Assertions.assertThat(stored.paidTotal()).isEqualTo(new BigDecimal("669.10"));
    Assertions.assertThat(stored.reportMonth()).isEqualTo("2026-08");

    Task report = task("huang.bookkeeper", zaozhi, "reportMonthly");
    Assertions.assertThat(report.getName()).isEqualTo("报账：2026年8月");
    Map<String, Object> form = as("huang.bookkeeper", () -> engine.getFormService().getTaskFormVariables(report.getId()))
        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    Assertions.assertThat(form).containsEntry("expenseTotal", "669.10").containsEntry("expenseCount", "4")
        .containsEntry("communityName", "造纸社区").containsEntry("expenseLines", lines);

    MonthlyReportController.Detail detail = as("huang.bookkeeper", () -> reportController.get(zaozhi.getBusinessKey()));
    Assertions.assertThat(detail.lines()).extracting(MonthlyReportController.Line::businessKey)
        .containsExactly(paidJulyBookedAugust, paper, repair, lastEvening);
    Assertions.assertThat(detail.report().paidTotal()).isEqualByComparingTo("669.10");

    ProcessInstance taiping = started.get("taiping");
    Assertions.assertThat(runtime.getVariable(taiping.getId(), "expenseCount")).isEqualTo("0");
    Assertions.assertThat(runtime.getVariable(taiping.getId(), "expenseTotal")).isEqualTo("0.00");
    Assertions.assertThat(runtime.getVariable(taiping.getId(), "expenseLines")).isEqualTo("（2026年8月没有报账的开支）");
  }

  @Test
  @DisplayName("EX-8: the disclosure taken down on day 9 is refused naming takenDownOn and stays open; day 10 is allowed "
      + "(calendar days); with the report done the case is completed")
  void disclosureStaysPostedTenDays() {
    ProcessInstance zaozhi = fire(LocalDateTime.of(2026, 8, 3, 8, 0)).get("zaozhi"); // 1 August is a Saturday
    Task post = task("zhang.director", zaozhi, "postDisclosure");
    Assertions.assertThat(post.getName()).isEqualTo("财务公开：2026年7月");

    setClock(LocalDateTime.of(2026, 8, 4, 10, 0));
    Assertions.assertThatThrownBy(() -> completeAs("zhang.director", post, Map.of("postedOn", "2026-08-05")))
        .as("posted in the future").isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("postedOn");
    Assertions.assertThatThrownBy(() -> completeAs("zhang.director", post, Map.of("postedOn", "2026-07-31")))
        .as("before July has ended").isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-08-01")
        .extracting("field").isEqualTo("postedOn");
    completeAs("zhang.director", post, Map.of("postedOn", "2026-08-04"));

    Task takeDown = task("zhang.director", zaozhi, "takeDownDisclosure");
    Assertions.assertThat(takeDown.getName()).isEqualTo("撤下公示：2026年7月");
    Assertions.assertThat(takeDown.getFollowUpDate()).isEqualTo(Clock.toDate(LocalDate.of(2026, 8, 14).atStartOfDay()));
    Assertions.assertThat(tasks.getVariable(takeDown.getId(), "earliestTakeDownOn")).isEqualTo("2026-08-14");
    Assertions.assertThat(tasks.getVariable(takeDown.getId(), "postedOnLabel")).isEqualTo("2026-08-04");
    Assertions.assertThat(reports.find(zaozhi.getBusinessKey()).takeDownFrom()).isEqualTo(LocalDate.of(2026, 8, 14));
    Assertions.assertThat(visibleTo("gao.director", zaozhi)).isEmpty();

    setClock(LocalDateTime.of(2026, 8, 20, 9, 0));
    Assertions.assertThatThrownBy(() -> completeAs("zhang.director", takeDown, Map.of("takenDownOn", "2026-08-13")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("至少公示 10 天").hasMessageContaining("最早 2026-08-14").hasMessageContaining("只公示了 9 天")
        .extracting("field").isEqualTo("takenDownOn");
    assertThat(zaozhi).isWaitingAt("reportMonthly", "takeDownDisclosure");
    Assertions.assertThat(reports.find(zaozhi.getBusinessKey()).takenDownOn()).isNull();
    Assertions.assertThatThrownBy(() -> completeAs("zhang.director", takeDown,
            Map.of("takenDownOn", "2026-08-14", "minimumPostedDays", 1)))
        .as("the limit is policy in the model, not input").isInstanceOf(InvalidInputException.class)
        .extracting("field").isEqualTo("minimumPostedDays");

    completeAs("zhang.director", takeDown, Map.of("takenDownOn", "2026-08-14"));
    Assertions.assertThat(reports.find(zaozhi.getBusinessKey()).takenDownOn()).isEqualTo(LocalDate.of(2026, 8, 14));
    assertThat(zaozhi).isWaitingAt("reportMonthly");

    completeAs("huang.bookkeeper", task("huang.bookkeeper", zaozhi, "reportMonthly"),
        Map.of("reportedOn", "2026-08-05", "note", "已交零户统管中心"));
    assertThat(zaozhi).isEnded().hasPassed("reportCompleted");
    CaseRecord c = caseMapper.find(zaozhi.getBusinessKey());
    Assertions.assertThat(c.status()).isEqualTo("completed");
    Assertions.assertThat(c.closedAt()).isNotNull();
    Assertions.assertThat(caseMapper.events(c.businessKey())).extracting(e -> e.action())
        .containsExactly("opened", "disclosure-posted", "disclosure-taken-down", "reported", "completed");
    Assertions.assertThat(as("zhang.director", () -> caseController.timeline(c.businessKey())))
        .extracting(CaseController.TimelineEntry::actionLabel)
        .containsExactly("系统建立", "张贴公示", "撤下公示", "报账", "已完成");
    MonthlyReport done = reports.find(c.businessKey());
    Assertions.assertThat(done.reportedOn()).isEqualTo(LocalDate.of(2026, 8, 5));
    Assertions.assertThat(done.reportNote()).isEqualTo("已交零户统管中心");
    Assertions.assertThat(done.reportedBy()).isEqualTo("huang.bookkeeper");
    Assertions.assertThat(done.postedBy()).isEqualTo("zhang.director");
  }

  @Test
  @DisplayName("EX-8: the report of April exists from 6 May (after the Labour Day holiday): a posting date of 3 May, before "
      + "it existed, is refused naming postedOn (3 of the 10 days would never have been posted); so is a report date "
      + "before it existed; nothing is recorded")
  void datesNotBeforeTheReportExisted() {
    ProcessInstance zaozhi = fire(LocalDateTime.of(2026, 5, 6, 8, 0)).get("zaozhi");
    Assertions.assertThat(caseMapper.find(zaozhi.getBusinessKey()).createdAt()).isEqualTo(LocalDateTime.of(2026, 5, 6, 8, 0));
    setClock(LocalDateTime.of(2026, 5, 8, 10, 0));
    Task post = task("zhang.director", zaozhi, "postDisclosure");
    Task report = task("huang.bookkeeper", zaozhi, "reportMonthly");
    for (String before : List.of("2026-05-03", "2026-05-05")) {
      Assertions.assertThatThrownBy(() -> completeAs("zhang.director", post, Map.of("postedOn", before)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-05-06")
          .extracting("field").isEqualTo("postedOn");
      Assertions.assertThatThrownBy(() -> completeAs("huang.bookkeeper", report, Map.of("reportedOn", before)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-05-06")
          .extracting("field").isEqualTo("reportedOn");
    }
    assertThat(zaozhi).isWaitingAt("reportMonthly", "postDisclosure");
    MonthlyReport untouched = reports.find(zaozhi.getBusinessKey());
    Assertions.assertThat(untouched.postedOn()).isNull();
    Assertions.assertThat(untouched.reportedOn()).isNull();
    Assertions.assertThat(caseMapper.events(zaozhi.getBusinessKey())).extracting(e -> e.action()).containsExactly("opened");

    completeAs("zhang.director", post, Map.of("postedOn", "2026-05-06"));
    Assertions.assertThat(tasks.getVariable(task("zhang.director", zaozhi, "takeDownDisclosure").getId(),
        "earliestTakeDownOn")).isEqualTo("2026-05-16");
    completeAs("huang.bookkeeper", report, Map.of("reportedOn", "2026-05-07"));
    Assertions.assertThat(reports.find(zaozhi.getBusinessKey()).postedOn()).isEqualTo(LocalDate.of(2026, 5, 6));
  }

  @Test
  @DisplayName("ORG-4, EX-5: taiping has no bookkeeper, so its director reports; ORG-5: zaozhi's report is invisible to taiping")
  void taipingAndIsolation() {
    Map<String, ProcessInstance> started = fire(LocalDateTime.of(2026, 7, 1, 8, 0)); // Wednesday
    ProcessInstance zaozhi = started.get("zaozhi");
    ProcessInstance taiping = started.get("taiping");

    Task taipingReport = task("gao.director", taiping, "reportMonthly");
    Assertions.assertThat(candidateGroups(taipingReport)).containsExactly("taiping-director");
    Assertions.assertThat(taipingReport.getName()).isEqualTo("报账：2026年6月");
    Assertions.assertThat(visibleTo("gao.director", taiping)).hasSize(2);
    Assertions.assertThat(caseMapper.find(taiping.getBusinessKey()).subject()).isEqualTo("太平社区 2026年6月 报账与财务公开");

    for (String outsider : List.of("gao.director", "ma.staff", "xu.grid", "sun.liaison")) {
      Assertions.assertThat(visibleTo(outsider, zaozhi)).as(outsider).isEmpty();
    }
    for (String outsider : List.of("zhang.director", "huang.bookkeeper", "liu.staff")) {
      Assertions.assertThat(visibleTo(outsider, taiping)).as(outsider).isEmpty();
    }
    Assertions.assertThat(visibleTo("huang.bookkeeper", zaozhi)).extracting(Task::getTaskDefinitionKey)
        .containsExactly("reportMonthly");
    Assertions.assertThat(visibleTo("liu.staff", zaozhi)).as("zaozhi staff").isEmpty();

    String key = zaozhi.getBusinessKey();
    Assertions.assertThatThrownBy(() -> as("gao.director", () -> caseController.get(key)))
        .isInstanceOf(ResponseStatusException.class).hasMessageContaining("404");
    Assertions.assertThatThrownBy(() -> as("gao.director", () -> reportController.get(key)))
        .isInstanceOf(ResponseStatusException.class).hasMessageContaining("404");
    Assertions.assertThat(as("gao.director", () -> reportController.list("2026-06", null)))
        .extracting(MonthlyReportController.Summary::communityId).containsExactly("taiping");
    Assertions.assertThatThrownBy(() -> as("gao.director", () -> reportController.list("2026-06", "zaozhi")))
        .isInstanceOf(ResponseStatusException.class).hasMessageContaining("403");
    Assertions.assertThat(as("zhang.director", () -> caseController.get(key)).applicantName()).isEqualTo("系统");
    Assertions.assertThat(as("zhou.liaison", () -> reportController.list("2026-06", null)))
        .extracting(MonthlyReportController.Summary::communityId).containsExactly("zaozhi");
    Assertions.assertThat(as("qian.social", () -> reportController.list("2026-06", null)))
        .extracting(MonthlyReportController.Summary::communityId).containsExactlyInAnyOrder("zaozhi", "taiping");

    // EX-5: the report is of a month that has ended, and recorded once it has been made.
    setClock(LocalDateTime.of(2026, 7, 1, 15, 0));
    Assertions.assertThatThrownBy(() -> completeAs("gao.director", taipingReport, Map.of("reportedOn", "2026-06-30")))
        .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("reportedOn");
    Assertions.assertThatThrownBy(() -> completeAs("gao.director", taipingReport, Map.of("reportedOn", "2026-07-02")))
        .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("reportedOn");
    Assertions.assertThatThrownBy(() -> completeAs("zhang.director", taipingReport, Map.of("reportedOn", "2026-07-01")))
        .as("zaozhi's director").isInstanceOf(AuthorizationException.class);
    completeAs("gao.director", taipingReport, Map.of("reportedOn", "2026-07-01"));
    Assertions.assertThat(reports.find(taiping.getBusinessKey()).reportedBy()).isEqualTo("gao.director");
    assertThat(taiping).isWaitingAt("postDisclosure");
  }

  @Test
  @DisplayName("Nobody starts the monthly processes by hand: 403 for staff and directors, refused for an administrator")
  void nobodyStartsByHand() {
    for (String key : List.of(SCHEDULE, REPORT)) {
      Assertions.assertThatThrownBy(() -> startAs("zhang.director", key, Map.of())).as(key)
          .isInstanceOf(AuthorizationException.class);
      Assertions.assertThatThrownBy(() -> startAs("huang.bookkeeper", key, Map.of())).as(key)
          .isInstanceOf(AuthorizationException.class);
    }
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(REPORT).count();
    Assertions.assertThatThrownBy(() -> startAs("admin", REPORT, Map.of("communityId", "zaozhi", "reportMonth", "2026-05")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("由系统按时自动建立");
    Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(REPORT).count()).isEqualTo(before);
  }
}
