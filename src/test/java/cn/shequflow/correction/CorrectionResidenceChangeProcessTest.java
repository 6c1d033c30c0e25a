package cn.shequflow.correction;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseEvent;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.Notifications;
import cn.shequflow.correction.ResidentRegisterLink.MoveOut;
import cn.shequflow.residence.NewResident;

import cn.shequflow.residence.ResidentRegisterSeam;
import cn.shequflow.correction.ResidentRegisterLink.Outcome;
import cn.shequflow.support.ProcessTestSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code correction-residence-change} (processes/correction/correction-residence-change.bpmn),
 * driven as the demo users: wei.justice (司法所) files and gives the opinion, jiang.county (县司法局)
 * records the receiving county's opinion, decides, hands the file over and confirms the report-in.
 * The clock stands at Monday 23 November 2026, 09:00, unless a test moves it.
 */
class CorrectionResidenceChangeProcessTest extends ProcessTestSupport {

  static final String KEY = "correction-residence-change";
  static final List<String> COMMUNITY = List.of("zhang.director", "liu.staff", "he.grid", "gao.director", "ma.staff",
      "xu.grid", "zhou.liaison");

  @Autowired ResidenceChangeRegister register;
  @Autowired ApprovalChain chain;
  @Autowired Cases cases;
  @Autowired Notifications notifications;
  @Autowired cn.shequflow.residence.ResidentRegister residents;
  @Autowired ResidentRegisterLink residentRegisterLink;
  @Autowired JdbcTemplate jdbc;

  static Map<String, Object> residence(String idNumber, boolean sameCounty, String applied, String planned) {
    Map<String, Object> v = new HashMap<>();
    v.put("personName", "李某");
    v.put("idNumber", idNumber);
    v.put("currentAddress", "浔阳区湓城街道造纸社区滨江路 12 号");
    v.put("newAddress", sameCounty ? "浔阳区白水湖街道前进东路 8 号" : "湖口县双钟镇石钟山大道 66 号");
    v.put("newCountySame", sameCounty);
    v.put("applicationDate", applied);
    v.put("plannedMoveDate", planned);
    return v;
  }

  /** Applied today (23 November 2026), moving on 1 January 2027. */
  static Map<String, Object> residence(boolean sameCounty) {
    return residence("360402199001014568", sameCounty, "2026-11-23", "2027-01-01");
  }

  static Map<String, Object> decision(boolean approved, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("approved", approved);
    v.put("comment", comment);
    return v;
  }

  static Map<String, Object> opinion(String opinion, String consultedOn) {
    return Map.of("receivingCounty", "湖口县司法局", "receivingOpinion", opinion, "receivingOpinionNote", "经核实可落实监管",
        "consultedOn", consultedOn);
  }

  private void approveAs(String user, ProcessInstance pi) {
    Task t = onlyTaskFor(user, pi);
    assertThat(t).hasDefinitionKey("approveResidenceChange");
    completeAs(user, t, decision(true, "同意"));
  }

  /** Filed and approved within the county, today: waiting for the hand-over and the report-in. */
  private ProcessInstance approved(Map<String, Object> request) {
    ProcessInstance pi = startAs("wei.justice", KEY, request);
    approveAs("wei.justice", pi);
    if (!Boolean.TRUE.equals(request.get("newCountySame"))) {
      completeAs("jiang.county", onlyTaskFor("jiang.county", pi), opinion("agree", request.get("applicationDate").toString()));
    }
    approveAs("jiang.county", pi);
    assertThat(pi).isWaitingAt("handOverFile", "confirmReportIn");
    return pi;
  }

  /** A resident of zaozhi in the resident register (as if a move-in had been recorded). */
  private long registerInZaozhi(String idNumber) {
    NewResident r = new NewResident();
    r.communityId = "zaozhi";
    r.personName = "李某";
    r.idNumber = idNumber;
    r.phone = "13907920001";
    r.occupation = "个体经营";
    r.address = "浔阳区湓城街道造纸社区滨江路 12 号";
    r.residentType = "registered";
    r.arrivedOn = LocalDate.of(2020, 5, 1);
    return residents.moveIn(r, null, "liu.staff");
  }

  private Task task(ProcessInstance pi, String definitionKey) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(definitionKey).singleResult();
  }



  private List<CaseEvent> timeline(ProcessInstance pi) {
    return cases.timeline(pi.getBusinessKey());
  }

  private CaseEvent event(ProcessInstance pi, String action) {
    return timeline(pi).stream().filter(e -> e.action().equals(action)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + action + " on the timeline of " + pi.getBusinessKey()));
  }

  private static Date beijing(LocalDateTime t) {
    return Date.from(t.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  private void handOver(ProcessInstance pi, String on) {
    completeAs("jiang.county", task(pi, "handOverFile"),
        Map.of("handedOverOn", on, "copiesSent", true, "handOverNote", "档案已邮寄"));
  }

  private void reportIn(ProcessInstance pi, String on) {
    completeAs("jiang.county", task(pi, "confirmReportIn"), Map.of("reportedInOn", on));
  }

  @Nested
  @DisplayName("One month ahead (CC-3)")
  class Notice {

    @ParameterizedTest(name = "planned {0} days after the application: accepted {1}")
    @CsvSource({"29, false", "30, true", "31, true"})
    @DisplayName("CC-3: applied on 23 Nov, a move 29 days later is refused naming plannedMoveDate; 30 (23 Dec, one month) and 31 are accepted")
    void oneMonthAhead(int daysAhead, boolean accepted) {
      LocalDate applied = LocalDate.of(2026, 11, 23);
      Map<String, Object> v = residence("360402199001014568", true, applied.toString(),
          applied.plusDays(daysAhead).toString());
      long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
      if (accepted) {
        ProcessInstance pi = startAs("wei.justice", KEY, v);
        assertThat(pi).isWaitingAt("approveResidenceChange");
        Assertions.assertThat(register.find(pi.getBusinessKey()).plannedMoveDate()).isEqualTo(applied.plusDays(daysAhead));
      } else {
        Assertions.assertThatThrownBy(() -> startAs("wei.justice", KEY, v))
            .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-12-23")
            .extracting("field").isEqualTo("plannedMoveDate");
        Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
      }
    }

    @Test
    @DisplayName("CC-3: the month counts from the application date, not from today")
    void countsFromApplication() {
      Map<String, Object> v = residence("360402199001014568", true, "2026-11-10", "2026-12-10");
      assertThat(startAs("wei.justice", KEY, v)).isWaitingAt("approveResidenceChange");
      Map<String, Object> early = residence("360402199001014568", true, "2026-11-10", "2026-12-09");
      Assertions.assertThatThrownBy(() -> startAs("wei.justice", KEY, early))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("plannedMoveDate");
    }
  }

  @Nested
  @DisplayName("Opinion and decision (CC-3)")
  class Decision {

    @Test
    @DisplayName("CC-3: within the county: wei.justice's opinion, then jiang.county decides; no receiving-county opinion")
    void withinCounty() {
      ProcessInstance pi = startAs("wei.justice", KEY, residence(true));
      Assertions.assertThat(pi.getBusinessKey()).matches("CR-2026-\\d{6}");
      Assertions.assertThat(pi.getProcessDefinitionId()).as("key:version:uuid would exceed 64 characters: a bare uuid, "
          + "from which OpenCase cannot read the key").doesNotStartWith(KEY);
      Assertions.assertThat(caseOf(pi).communityId()).isNull();
      Assertions.assertThat(chain.chain(pi.getBusinessKey())).extracting(ApprovalStep::approverRole)
          .containsExactly("JUSTICE_OFFICE", "COUNTY_JUSTICE");
      Assertions.assertThat(visibleTo("jiang.county", pi)).isEmpty();
      for (String outsider : COMMUNITY) {
        Assertions.assertThat(visibleTo(outsider, pi)).as(outsider).isEmpty();
      }
      approveAs("wei.justice", pi);
      Task decide = onlyTaskFor("jiang.county", pi);
      Assertions.assertThat(candidateGroups(decide)).containsExactly("xunyang-justice-bureau");
      approveAs("jiang.county", pi);
      assertThat(pi).isWaitingAt("handOverFile", "confirmReportIn").hasNotPassed("recordReceivingOpinion");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("approved");
    }

    @Test
    @DisplayName("CC-3: across counties: the receiving county's opinion is recorded before jiang.county decides, and shown to it")
    void acrossCounties() {
      ProcessInstance pi = startAs("wei.justice", KEY, residence(false));
      approveAs("wei.justice", pi);
      assertThat(pi).isWaitingAt("recordReceivingOpinion");
      Task record = onlyTaskFor("jiang.county", pi);
      Assertions.assertThat(candidateGroups(record)).containsExactly("xunyang-justice-bureau");
      Assertions.assertThat(visibleTo("wei.justice", pi)).isEmpty();
      Assertions.assertThatThrownBy(() -> completeAs("jiang.county", record, opinion("agree", "2026-11-20")))
          .as("consulted before the application").isInstanceOf(InvalidInputException.class)
          .extracting("field").isEqualTo("consultedOn");
      Assertions.assertThatThrownBy(() -> completeAs("jiang.county", record, opinion("maybe", "2026-11-23")))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("receivingOpinion");
      completeAs("jiang.county", record, opinion("agree", "2026-11-23"));
      assertThat(pi).isWaitingAt("approveResidenceChange");
      Task decide = onlyTaskFor("jiang.county", pi);
      Assertions.assertThat(tasks.getVariable(decide.getId(), "receivingOpinionLabel").toString())
          .contains("湖口县司法局").contains("同意接收");
      ResidenceChangeEntry entry = register.find(pi.getBusinessKey());
      Assertions.assertThat(entry).extracting(ResidenceChangeEntry::receivingCounty, ResidenceChangeEntry::receivingOpinion,
          ResidenceChangeEntry::consultedOn).containsExactly("湖口县司法局", "agree", LocalDate.of(2026, 11, 23));
      Assertions.assertThat(event(pi, "receiving-opinion").comment()).contains("同意接收");
      approveAs("jiang.county", pi);
      assertThat(pi).isWaitingAt("handOverFile", "confirmReportIn").hasPassed("recordReceivingOpinion");
    }

    @Test
    @DisplayName("CC-3: jiang.county refuses: not approved, the case closes, the justice office is told why")
    void refused() {
      ProcessInstance pi = startAs("wei.justice", KEY, residence(true));
      approveAs("wei.justice", pi);
      completeAs("jiang.county", onlyTaskFor("jiang.county", pi), decision(false, "新居住地无法落实监管条件"));
      assertThat(pi).isEnded().hasPassed("rejectResidenceChange", "residenceRefused");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("rejected");
      Assertions.assertThat(caseOf(pi).closedAt()).isNotNull();
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("wei.justice")
              .contains("不予批准").contains("新居住地无法落实监管条件"));
    }

    @Test
    @DisplayName("CC-3: the justice office's unfavourable opinion ends it before the county")
    void justiceOfficeAgainst() {
      ProcessInstance pi = startAs("wei.justice", KEY, residence(false));
      completeAs("wei.justice", onlyTaskFor("wei.justice", pi), decision(false, "矫正对象近期表现较差"));
      assertThat(pi).isEnded().hasNotPassed("recordReceivingOpinion");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("rejected");
    }
  }

  @Nested
  @DisplayName("Hand-over and report-in (CC-4)")
  class AfterApproval {

    @Test
    @DisplayName("CC-4: decided Monday 23 Nov: hand-over due Thursday 26 Nov 17:30 (3 working days), report-in by the end of Monday 30 Nov (7 days)")
    void deadlines() {
      ProcessInstance pi = approved(residence(true));
      Task handOver = task(pi, "handOverFile");
      Task reportIn = task(pi, "confirmReportIn");
      Assertions.assertThat(handOver.getDueDate()).isEqualTo(beijing(LocalDateTime.of(2026, 11, 26, 17, 30)));
      Assertions.assertThat(reportIn.getDueDate()).isEqualTo(beijing(LocalDateTime.of(2026, 11, 30, 23, 59, 59)));
      Assertions.assertThat(job("handOverOverdue", pi).getDuedate()).isEqualTo(beijing(LocalDateTime.of(2026, 11, 26, 17, 30)));
      Assertions.assertThat(job("reportInOverdue", pi).getDuedate())
          .isEqualTo(beijing(LocalDateTime.of(2026, 11, 30, 23, 59, 59)));
      Assertions.assertThat(candidateGroups(handOver)).containsExactly("xunyang-justice-bureau");
      Assertions.assertThat(candidateGroups(reportIn)).containsExactly("xunyang-justice-bureau");
      Assertions.assertThat(visibleTo("jiang.county", pi)).hasSize(2);
      for (String outsider : COMMUNITY) {
        Assertions.assertThat(visibleTo(outsider, pi)).as(outsider).isEmpty();
      }
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("wei.justice")
              .contains("2026-11-26 17:30").contains("2026-11-30"));
    }

    @Test
    @DisplayName("CC-4: across counties, both on time: copies to both counties' procuratorate and police; completed; the register moves the person out")
    void completedAcrossCounties() {
      Map<String, Object> request = residence("360403198503121234", false, "2026-11-23", "2027-01-01");
      long residentId = registerInZaozhi("360403198503121234");
      ProcessInstance pi = approved(request);
      setClock(LocalDateTime.of(2026, 11, 25, 10, 0));
      Task handOverTask = task(pi, "handOverFile");
      Assertions.assertThatThrownBy(() -> completeAs("jiang.county", handOverTask,
              Map.of("handedOverOn", "2026-11-25", "copiesSent", false)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("公安机关")
          .extracting("field").isEqualTo("copiesSent");
      Assertions.assertThatThrownBy(() -> completeAs("jiang.county", handOverTask, Map.of("handedOverOn", "2026-11-25")))
          .as("copies not confirmed at all").isInstanceOf(InvalidInputException.class)
          .extracting("field").isEqualTo("copiesSent");
      handOver(pi, "2026-11-25");
      Assertions.assertThat(event(pi, "copied").comment()).contains("原居住地县人民检察院、公安机关")
          .contains("新居住地县人民检察院、公安机关");
      Assertions.assertThat(event(pi, "handed-over").comment()).contains("湖口县");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("approved");
      setClock(LocalDateTime.of(2026, 11, 27, 10, 0));
      reportIn(pi, "2026-11-27");
      assertThat(pi).isEnded().hasPassed("residenceChanged").hasNotPassed("markHandOverOverdue", "markReportInOverdue");
      CaseRecord record = caseOf(pi);
      Assertions.assertThat(record.status()).isEqualTo("completed");
      Assertions.assertThat(record.closedAt()).isNotNull();
      Assertions.assertThat(residents.registeredAnywhere("360403198503121234")).isEmpty();
      Assertions.assertThat(residents.find(residentId).status()).isEqualTo("moved-out");
      Assertions.assertThat(residents.find(residentId).departedOn()).isEqualTo(LocalDate.of(2026, 11, 27));
      Assertions.assertThat(residents.history(residentId)).last().satisfies(h -> {
        Assertions.assertThat(h.businessKey()).isEqualTo(pi.getBusinessKey());
        Assertions.assertThat(h.action()).isEqualTo("moved-out");
        Assertions.assertThat(h.changedBy()).isEqualTo("jiang.county");
        Assertions.assertThat(h.detail()).contains("湖口县");
      });
      Assertions.assertThat(event(pi, "resident-moved-out").comment()).contains("滨江路");
      Assertions.assertThat(register.find(pi.getBusinessKey()).registerOutcome()).isEqualTo("moved-out");
    }

    @Test
    @DisplayName("CC-4: within the county: copies to the county's procuratorate and police; a person not in the register is left alone")
    void completedWithinCounty() {
      ProcessInstance pi = approved(residence(true));
      setClock(LocalDateTime.of(2026, 11, 26, 17, 0));
      reportIn(pi, "2026-11-26");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("approved");
      handOver(pi, "2026-11-26");
      Assertions.assertThat(event(pi, "copied").comment()).contains("本县人民检察院、公安机关");
      assertThat(pi).isEnded();
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("completed");
      Assertions.assertThat(register.find(pi.getBusinessKey()).registerOutcome()).isEqualTo("not-registered");
      Assertions.assertThat(timeline(pi)).extracting(CaseEvent::action).doesNotContain("resident-moved-out");
    }

    @Test
    @DisplayName("CC-4, CAL-1: decided on 30 Sep: the hand-over is due on the make-up Saturday 10 Oct 17:30; the timer makes it 档案移交逾期")
    void handOverOverdueOnTheWorkingCalendar() {
      setClock(LocalDateTime.of(2026, 9, 30, 10, 0));
      ProcessInstance pi = approved(residence("360402199001014568", true, "2026-09-30", "2026-11-01"));
      Assertions.assertThat(job("handOverOverdue", pi).getDuedate()).isEqualTo(beijing(LocalDateTime.of(2026, 10, 10, 17, 30)));
      setClock(LocalDateTime.of(2026, 10, 9, 17, 31));
      reportIn(pi, "2026-10-09");
      setClock(LocalDateTime.of(2026, 10, 10, 17, 29));
      Assertions.assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count())
          .as("not due before the close of the make-up Saturday").isZero();
      setClock(LocalDateTime.of(2026, 10, 10, 17, 31));
      execute(job("handOverOverdue", pi));
      assertThat(pi).isWaitingAt("handOverFile").hasPassed("markHandOverOverdue", "handOverChased");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("hand-over-overdue");
      Assertions.assertThat(register.find(pi.getBusinessKey()).handOverOverdue()).isTrue();
      for (String user : List.of("jiang.county", "wei.justice")) {
        Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
            .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith(user)
                .contains("2026-10-10 17:30").contains("已逾期"));
      }
      setClock(LocalDateTime.of(2026, 10, 12, 9, 0));
      handOver(pi, "2026-10-12");
      assertThat(pi).isEnded();
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("completed-late");
    }

    @Test
    @DisplayName("CC-4: 7 calendar days run through National Day: decided 30 Sep, report-in overdue after 7 Oct; both overdue shows both")
    void reportInOverdueInCalendarDays() {
      setClock(LocalDateTime.of(2026, 9, 30, 10, 0));
      ProcessInstance pi = approved(residence("360402199001014568", false, "2026-09-30", "2026-11-01"));
      Assertions.assertThat(job("reportInOverdue", pi).getDuedate())
          .isEqualTo(beijing(LocalDateTime.of(2026, 10, 7, 23, 59, 59)));
      setClock(LocalDateTime.of(2026, 10, 8, 0, 0, 30));
      execute(job("reportInOverdue", pi));
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("report-in-overdue");
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("jiang.county")
              .contains("2026-10-07").contains("未确认报到"));
      setClock(LocalDateTime.of(2026, 10, 10, 17, 31));
      execute(job("handOverOverdue", pi));
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("overdue");
      Assertions.assertThat(cases.familyOf(caseOf(pi)).statusLabel("overdue")).isEqualTo("档案移交和报到均逾期");
      setClock(LocalDateTime.of(2026, 10, 12, 9, 0));
      handOver(pi, "2026-10-12");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("report-in-overdue");
      reportIn(pi, "2026-10-11");
      assertThat(pi).isEnded().hasPassed("markReportInOverdue", "markHandOverOverdue", "residenceChanged");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("completed-late");
      Assertions.assertThat(timeline(pi)).extracting(CaseEvent::action).containsSubsequence("approved",
          "report-in-overdue", "overdue", "handed-over", "copied", "report-in-overdue", "reported-in", "completed-late");
    }

    @Test
    @DisplayName("CC-4: a report-in after its deadline is late even before the timer has run")
    void reportInLateBeforeTimer() {
      ProcessInstance pi = approved(residence(true));
      setClock(LocalDateTime.of(2026, 12, 1, 9, 0));
      handOver(pi, "2026-11-24");
      reportIn(pi, "2026-12-01");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("completed-late");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"handedOverOn, 2026-11-22", "handedOverOn, 2026-11-30", "reportedInOn, 2026-11-22",
        "reportedInOn, 2026-11-30"})
    @DisplayName("Dates before the decision or in the future are refused naming the field; the task stays open")
    void badDates(String field, String date) {
      ProcessInstance pi = approved(residence(true));
      setClock(LocalDateTime.of(2026, 11, 25, 9, 0));
      Map<String, Object> v = new HashMap<>(Map.of(field, date));
      if (field.equals("handedOverOn")) {
        v.put("copiesSent", true);
      }
      Task t = task(pi, field.equals("handedOverOn") ? "handOverFile" : "confirmReportIn");
      Assertions.assertThatThrownBy(() -> completeAs("jiang.county", t, v))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(field);
      assertThat(pi).isWaitingAt("handOverFile", "confirmReportIn");
    }
  }

  @Nested
  @DisplayName("The resident register seam")
  class ResidentRegister {

    @Test
    @DisplayName("The resident register's own seam replaces the default, which moves no one")
    void seam() {
      Assertions.assertThat(residentRegisterLink).isInstanceOf(ResidentRegisterSeam.class);
      ResidentRegisterLink none = new CorrectionFamily().noResidentRegister();
      Assertions.assertThat(none.moveOut(new MoveOut("CR-2026-000001", "360402199001014568", "李某", "甲", "乙", true,
          LocalDate.of(2026, 11, 23)))).isEqualTo(Outcome.NO_REGISTER);
    }
  }

  @Nested
  @DisplayName("Bad input at start")
  class BadInput {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "personName      | NULL",
        "idNumber        | 360402199001014569",
        "idNumber        | 36040219900101456",
        "currentAddress  | NULL",
        "newAddress      | 浔阳区湓城街道造纸社区滨江路 12 号",
        "newCountySame   | NULL",
        "newCountySame   | yes",
        "applicationDate | 2026-11-24",
        "plannedMoveDate | 2026-12-22",
        "plannedMoveDate | not-a-date",
        "handOverDue     | 2026-11-24"})
    @DisplayName("Refused naming the field (ID check digit, 17 characters, same address, no county answer, future "
        + "application, less than a month, undeclared variable); no instance and no case are left")
    void refused(String field, String value) {
      Map<String, Object> v = residence(true);
      if (value == null) {
        v.remove(field);
      } else {
        v.put(field, value);
      }
      long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
      Integer rows = jdbc.queryForObject("select count(*) from correction_residence_change", Integer.class);
      Assertions.assertThatThrownBy(() -> startAs("wei.justice", KEY, v))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(field);
      Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
      Assertions.assertThat(jdbc.queryForObject("select count(*) from correction_residence_change", Integer.class))
          .isEqualTo(rows);
    }
  }
}
