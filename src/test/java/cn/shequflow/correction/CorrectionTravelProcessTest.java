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
import cn.shequflow.support.ProcessTestSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.Job;
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
 * Every path of {@code correction-travel} (processes/correction/correction-travel.bpmn), driven as the
 * demo users: wei.justice (司法所) files and decides up to 7 days, jiang.county (县司法局) above. The
 * clock stands at Monday 23 November 2026, 09:00, unless a test moves it.
 */
class CorrectionTravelProcessTest extends ProcessTestSupport {

  static final String KEY = "correction-travel";
  static final String ID = "360403198503121234";
  /** People who must never see anything of a correction case (community staff and grid workers, of any community). */
  static final List<String> COMMUNITY = List.of("zhang.director", "liu.staff", "he.grid", "huang.bookkeeper",
      "zhou.liaison", "gao.director", "ma.staff", "xu.grid");

  @Autowired TravelRegister register;
  @Autowired ApprovalChain chain;
  @Autowired Cases cases;
  @Autowired Notifications notifications;
  @Autowired JdbcTemplate jdbc;

  static Map<String, Object> travel(String start, String end, int days) {
    Map<String, Object> v = new HashMap<>();
    v.put("personName", "王某");
    v.put("idNumber", ID);
    v.put("destination", "湖南省长沙市岳麓区");
    v.put("startDate", start);
    v.put("endDate", end);
    v.put("days", days);
    v.put("reason", "探望住院的母亲");
    return v;
  }

  /** {@code days} days from Wednesday 25 November 2026. */
  static Map<String, Object> travel(int days) {
    LocalDate start = LocalDate.of(2026, 11, 25);
    return travel(start.toString(), start.plusDays(days - 1).toString(), days);
  }

  static Map<String, Object> decision(boolean approved, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("approved", approved);
    v.put("comment", comment);
    return v;
  }

  static Map<String, Object> proofs(boolean committee, boolean employer) {
    return Map.of("committeeCertificate", committee, "employerCertificate", employer);
  }

  private ProcessInstance filed(Map<String, Object> request) {
    ProcessInstance pi = startAs("wei.justice", KEY, request);
    assertThat(pi).isWaitingAt("verifyProofs");
    return pi;
  }

  /** Filed, the proofs verified complete: waiting for the first approval. */
  private ProcessInstance atApproval(Map<String, Object> request) {
    ProcessInstance pi = filed(request);
    completeAs("wei.justice", onlyTaskFor("wei.justice", pi), proofs(true, true));
    assertThat(pi).isWaitingAt("approveTravel");
    return pi;
  }

  private void approveAs(String user, ProcessInstance pi) {
    Task t = onlyTaskFor(user, pi);
    assertThat(t).hasDefinitionKey("approveTravel");
    completeAs(user, t, decision(true, "同意"));
  }

  /** 7 days from 25 November, approved by the justice office: waiting for the report. */
  private ProcessInstance approvedSevenDays() {
    ProcessInstance pi = atApproval(travel(7));
    approveAs("wei.justice", pi);
    assertThat(pi).isWaitingAt("reportReturn");
    return pi;
  }

  private List<String> chainRoles(ProcessInstance pi) {
    return chain.chain(pi.getBusinessKey()).stream().map(ApprovalStep::approverRole).toList();
  }




  private static Date beijing(LocalDateTime t) {
    return Date.from(t.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  private void assertNoCommunityAccess(ProcessInstance pi) {
    for (String outsider : COMMUNITY) {
      Assertions.assertThat(visibleTo(outsider, pi)).as(outsider).isEmpty();
    }
  }

  @Nested
  @DisplayName("Who approves (CC-1, CC-5)")
  class Routing {

    @Test
    @DisplayName("CC-1: 7 days: wei.justice verifies the proofs and approves alone; no community person sees a task")
    void sevenDaysJusticeOffice() {
      ProcessInstance pi = filed(travel(7));
      Assertions.assertThat(pi.getBusinessKey()).matches("CT-2026-\\d{6}");
      CaseRecord record = caseOf(pi);
      Assertions.assertThat(record.communityId()).as("a street applicant has no community").isNull();
      Assertions.assertThat(record.applicantRole()).isEqualTo("JUSTICE_OFFICE");
      Assertions.assertThat(record.subject()).contains("王某").contains("7 天");
      Task verify = onlyTaskFor("wei.justice", pi);
      Assertions.assertThat(candidateGroups(verify)).containsExactly("pencheng-justice");
      Assertions.assertThat(verify.getName()).isEqualTo("核验证明材料：王某（7天）");
      assertNoCommunityAccess(pi);
      Assertions.assertThat(visibleTo("jiang.county", pi)).isEmpty();

      completeAs("wei.justice", verify, proofs(true, true));
      Assertions.assertThat(chainRoles(pi)).containsExactly("JUSTICE_OFFICE");
      Task approve = onlyTaskFor("wei.justice", pi);
      Assertions.assertThat(candidateGroups(approve)).containsExactly("pencheng-justice");
      assertNoCommunityAccess(pi);
      approveAs("wei.justice", pi);
      assertThat(pi).isWaitingAt("reportReturn").hasPassed("grantTravel");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("approved");
      Assertions.assertThat(visibleTo("jiang.county", pi)).isEmpty();
      assertNoCommunityAccess(pi);
    }

    @Test
    @DisplayName("CC-1: 8 days: wei.justice gives the justice office's opinion, then jiang.county approves")
    void eightDaysCounty() {
      ProcessInstance pi = atApproval(travel(8));
      Assertions.assertThat(chainRoles(pi)).containsExactly("JUSTICE_OFFICE", "COUNTY_JUSTICE");
      Assertions.assertThat(visibleTo("jiang.county", pi)).as("the county waits for the opinion").isEmpty();
      approveAs("wei.justice", pi);
      assertThat(pi).isWaitingAt("approveTravel");
      Task county = onlyTaskFor("jiang.county", pi);
      Assertions.assertThat(candidateGroups(county)).containsExactly("xunyang-justice-bureau");
      Assertions.assertThat(visibleTo("wei.justice", pi)).isEmpty();
      assertNoCommunityAccess(pi);
      approveAs("jiang.county", pi);
      assertThat(pi).isWaitingAt("reportReturn");
      Assertions.assertThat(chain.chain(pi.getBusinessKey())).extracting(ApprovalStep::decidedBy)
          .containsExactly("wei.justice", "jiang.county");
    }

    @ParameterizedTest(name = "{0} days -> {1}")
    @CsvSource(delimiter = '|', value = {"7 | JUSTICE_OFFICE", "8 | JUSTICE_OFFICE COUNTY_JUSTICE",
        "30 | JUSTICE_OFFICE COUNTY_JUSTICE"})
    @DisplayName("CC-1: 7 days is the justice office's, 8 and 30 go on to the county bureau")
    void boundaries(int days, String roles) {
      ProcessInstance pi = atApproval(travel(days));
      Assertions.assertThat(chainRoles(pi)).containsExactly(roles.split(" "));
      Assertions.assertThat(register.find(pi.getBusinessKey()).days()).isEqualTo(days);
    }

    @Test
    @DisplayName("CC-1: 31 days is refused at start naming days (a new application is needed); nothing is left")
    void thirtyOneDaysRefused() {
      long instances = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
      long jobs = management.createJobQuery().count();
      Integer rows = jdbc.queryForObject("select count(*) from biz_case where family = 'correction-travel'", Integer.class);
      Assertions.assertThatThrownBy(() -> startAs("wei.justice", KEY, travel(31)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("30 天")
          .extracting("field").isEqualTo("days");
      Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instances);
      Assertions.assertThat(jdbc.queryForObject("select count(*) from biz_case where family = 'correction-travel'",
          Integer.class)).isEqualTo(rows);
      Assertions.assertThat(management.createJobQuery().count()).isEqualTo(jobs);
    }

    @Test
    @DisplayName("CC-5: 3 days into a place barred by a court order: the county bureau approves, the procuratorate is informed")
    void restrictedPlace() {
      Map<String, Object> request = travel(3);
      request.put("restrictedPlace", true);
      ProcessInstance pi = atApproval(request);
      Assertions.assertThat(chainRoles(pi)).containsExactly("JUSTICE_OFFICE", "COUNTY_JUSTICE");
      approveAs("wei.justice", pi);
      Assertions.assertThat(actions(pi)).doesNotContain("procuratorate-informed");
      approveAs("jiang.county", pi);
      assertThat(pi).isWaitingAt("reportReturn");
      CaseEvent informed = cases.timeline(pi.getBusinessKey()).stream()
          .filter(e -> e.action().equals("procuratorate-informed")).findFirst().orElseThrow();
      Assertions.assertThat(informed.userId()).isEqualTo("jiang.county");
      Assertions.assertThat(informed.comment()).contains("人民检察院").contains("禁止令").contains("王某");
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("wei.justice")
              .contains("人民检察院"));
    }

    @Test
    @DisplayName("CC-5: 10 days into a barred place: the county bureau is on the chain once")
    void restrictedPlaceLong() {
      Map<String, Object> request = travel(10);
      request.put("restrictedPlace", true);
      Assertions.assertThat(chainRoles(atApproval(request))).containsExactly("JUSTICE_OFFICE", "COUNTY_JUSTICE");
    }

    @Test
    @DisplayName("Only the justice office files: community staff, a director, a grid worker and the county bureau cannot")
    void starters() {
      for (String user : List.of("liu.staff", "zhang.director", "he.grid", "jiang.county", "wang.principal")) {
        Assertions.assertThatThrownBy(() -> startAs(user, KEY, travel(3))).as(user)
            .isInstanceOf(AuthorizationException.class);
      }
    }
  }

  @Nested
  @DisplayName("Written proofs (CC-2)")
  class Proofs {

    @ParameterizedTest(name = "committee {0}, employer {1}: missing {2}")
    @CsvSource(delimiter = '|', value = {
        "false | true  | 村（居）委会证明",
        "true  | false | 单位证明",
        "false | false | 村（居）委会证明、单位证明"})
    @DisplayName("CC-2: a missing proof: not approved, with the reason; no approver ever sees it")
    void missing(boolean committee, boolean employer, String missing) {
      ProcessInstance pi = filed(travel(8));
      completeAs("wei.justice", onlyTaskFor("wei.justice", pi), proofs(committee, employer));
      assertThat(pi).isEnded().hasPassed("rejectTravel", "travelRefused").hasNotPassed("approveTravel");
      Assertions.assertThat(chain.chain(pi.getBusinessKey())).isEmpty();
      CaseRecord record = caseOf(pi);
      Assertions.assertThat(record.status()).isEqualTo("rejected");
      Assertions.assertThat(record.closedAt()).isNotNull();
      CaseEvent verified = cases.timeline(pi.getBusinessKey()).stream()
          .filter(e -> e.action().equals("proofs-verified")).findFirst().orElseThrow();
      Assertions.assertThat(verified.approved()).isFalse();
      Assertions.assertThat(verified.comment()).contains("缺少");
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("wei.justice")
              .contains("不予批准").contains("缺少书面证明材料：" + missing).doesNotContain("CC-2"));
      Assertions.assertThat(register.find(pi.getBusinessKey()).proofsCheckedBy()).isEqualTo("wei.justice");
    }

    @Test
    @DisplayName("CC-2: both proofs present: recorded with who checked them, and the chain starts")
    void complete() {
      ProcessInstance pi = filed(travel(3));
      completeAs("wei.justice", onlyTaskFor("wei.justice", pi),
          Map.of("committeeCertificate", true, "employerCertificate", true, "proofNote", "原件已核对，复印件存档"));
      TravelEntry entry = register.find(pi.getBusinessKey());
      Assertions.assertThat(entry.proofsComplete()).isTrue();
      Assertions.assertThat(entry.proofNote()).isEqualTo("原件已核对，复印件存档");
      assertThat(pi).isWaitingAt("approveTravel");
    }

    @Test
    @DisplayName("CC-2: a proof sent as text is refused naming the field; the task stays open")
    void proofNotBoolean() {
      ProcessInstance pi = filed(travel(3));
      Task verify = onlyTaskFor("wei.justice", pi);
      Assertions.assertThatThrownBy(() -> completeAs("wei.justice", verify,
              Map.of("committeeCertificate", "yes", "employerCertificate", true)))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("committeeCertificate");
      assertThat(pi).isWaitingAt("verifyProofs");
    }
  }

  @Nested
  @DisplayName("Refusal")
  class Refusal {

    @Test
    @DisplayName("CC-1: jiang.county refuses with a reason: not approved, the case closes, the justice office is told")
    void countyRefuses() {
      ProcessInstance pi = atApproval(travel(8));
      approveAs("wei.justice", pi);
      completeAs("jiang.county", onlyTaskFor("jiang.county", pi), decision(false, "外出事由证明不足"));
      assertThat(pi).isEnded().hasPassed("rejectTravel", "travelRefused").hasNotPassed("grantTravel");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("rejected");
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.message()).contains("蒋芳不同意：外出事由证明不足"));
    }

    @Test
    @DisplayName("Refusing without a reason is refused naming comment; the task stays open")
    void refusalNeedsComment() {
      ProcessInstance pi = atApproval(travel(3));
      Task t = onlyTaskFor("wei.justice", pi);
      Assertions.assertThatThrownBy(() -> completeAs("wei.justice", t, decision(false, " ")))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("comment");
      assertThat(pi).isWaitingAt("approveTravel");
    }
  }

  @Nested
  @DisplayName("Return report (报到, CC-1)")
  class ReturnReport {

    @Test
    @DisplayName("CC-1: the report is due at the close of the first working day after the trip; on time it closes as reported")
    void reportedOnTime() {
      ProcessInstance pi = approvedSevenDays();
      Task report = onlyTaskFor("wei.justice", pi);
      Assertions.assertThat(candidateGroups(report)).containsExactly("pencheng-justice");
      Assertions.assertThat(report.getDueDate()).isEqualTo(beijing(LocalDateTime.of(2026, 12, 2, 17, 30)));
      Assertions.assertThat(job(pi).getDuedate()).isEqualTo(beijing(LocalDateTime.of(2026, 12, 2, 17, 30)));
      assertNoCommunityAccess(pi);
      setClock(LocalDateTime.of(2026, 12, 2, 9, 0));
      completeAs("wei.justice", report, Map.of("reportedOn", "2026-12-02", "reportNote", "本人到所报到"));
      assertThat(pi).isEnded().hasPassed("travelReported").hasNotPassed("markReportMissed");
      CaseRecord record = caseOf(pi);
      Assertions.assertThat(record.status()).isEqualTo("reported");
      Assertions.assertThat(record.closedAt()).isNotNull();
      Assertions.assertThat(register.find(pi.getBusinessKey()).reportedOn()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    @DisplayName("CC-1, CAL-1: a trip ending on the eve of National Day is reported by the first working day after the holiday")
    void dueAfterNationalDay() {
      setClock(LocalDateTime.of(2026, 9, 24, 9, 0));
      ProcessInstance pi = atApproval(travel("2026-09-28", "2026-09-30", 3));
      approveAs("wei.justice", pi);
      Assertions.assertThat(onlyTaskFor("wei.justice", pi).getDueDate())
          .isEqualTo(beijing(LocalDateTime.of(2026, 10, 8, 17, 30)));
      Assertions.assertThat(register.find(pi.getBusinessKey()).reportDue()).isEqualTo(LocalDateTime.of(2026, 10, 8, 17, 30));
    }

    @Test
    @DisplayName("CC-1: a missed report: at the deadline the case shows 逾期未报到 and the justice office must find the person; a later report is late")
    void missed() {
      ProcessInstance pi = approvedSevenDays();
      Job timer = job(pi);
      setClock(LocalDateTime.of(2026, 12, 2, 17, 29));
      Assertions.assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().count())
          .as("not due a minute before the close of office").isZero();
      setClock(LocalDateTime.of(2026, 12, 2, 17, 31));
      execute(timer);
      assertThat(pi).isWaitingAt("reportReturn", "chaseReport");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("report-overdue");
      Assertions.assertThat(caseOf(pi).closedAt()).isNull();
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("wei.justice")
              .contains("至今未报到"));
      List<Task> open = visibleTo("wei.justice", pi);
      Assertions.assertThat(open).extracting(Task::getTaskDefinitionKey)
          .containsExactlyInAnyOrder("reportReturn", "chaseReport");
      Task chase = open.stream().filter(t -> t.getTaskDefinitionKey().equals("chaseReport")).findFirst().orElseThrow();
      Assertions.assertThat(candidateGroups(chase)).containsExactly("pencheng-justice");
      assertNoCommunityAccess(pi);

      Assertions.assertThatThrownBy(() -> completeAs("wei.justice", chase, Map.of()))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("followUpNote");
      completeAs("wei.justice", chase, Map.of("followUpNote", "电话联系本人，称火车晚点，明日到所报到"));
      setClock(LocalDateTime.of(2026, 12, 3, 9, 30));
      Task report = onlyTaskFor("wei.justice", pi);
      completeAs("wei.justice", report, Map.of("reportedOn", "2026-12-03"));
      assertThat(pi).isEnded().hasPassed("markReportMissed", "chaseDone", "travelReported");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("reported-late");
      Assertions.assertThat(actions(pi)).containsSubsequence("approved", "report-overdue", "chased", "reported-late");
    }

    @Test
    @DisplayName("CC-1: a report dated after the due day is late even before the timer has run")
    void lateBeforeTimer() {
      ProcessInstance pi = approvedSevenDays();
      setClock(LocalDateTime.of(2026, 12, 3, 9, 0));
      completeAs("wei.justice", onlyTaskFor("wei.justice", pi), Map.of("reportedOn", "2026-12-03"));
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("reported-late");
    }

    @ParameterizedTest(name = "reportedOn {0}")
    @CsvSource({"2026-11-24", "2026-11-30", "not-a-date"})
    @DisplayName("A report dated before the trip, in the future or not a date is refused naming reportedOn; the task stays open")
    void badDates(String reportedOn) {
      ProcessInstance pi = approvedSevenDays();
      setClock(LocalDateTime.of(2026, 11, 26, 9, 0));
      Task report = onlyTaskFor("wei.justice", pi);
      Assertions.assertThatThrownBy(() -> completeAs("wei.justice", report, Map.of("reportedOn", reportedOn)))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("reportedOn");
      assertThat(pi).isWaitingAt("reportReturn");
    }
  }

  @Nested
  @DisplayName("Bad input at start")
  class BadInput {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "personName      | NULL",
        "idNumber        | 360403198503121235",
        "idNumber        | 36040319850312123",
        "idNumber        | 36040319990230123X",
        "destination     | NULL",
        "startDate       | 2026-11-20",
        "endDate         | 2026-11-24",
        "days            | 0",
        "days            | 7.5",
        "days            | 6",
        "reason          | NULL",
        "restrictedPlace | yes",
        "approverRole    | COUNTY_JUSTICE"})
    @DisplayName("Refused naming the field (wrong ID check digit, 17 characters, impossible birth date, past start, "
        + "end before start, days not matching the dates, undeclared variable); no instance and no case are left")
    void refused(String field, String value) {
      Map<String, Object> v = travel(7);
      if (value == null) {
        v.remove(field);
      } else if (field.equals("days")) {
        v.put(field, value.contains(".") ? (Object) Double.valueOf(value) : (Object) Integer.valueOf(value));
      } else {
        v.put(field, value);
      }
      long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
      Integer rows = jdbc.queryForObject("select count(*) from correction_travel", Integer.class);
      Assertions.assertThatThrownBy(() -> startAs("wei.justice", KEY, v))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(field);
      Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
      Assertions.assertThat(jdbc.queryForObject("select count(*) from correction_travel", Integer.class)).isEqualTo(rows);
    }

    @Test
    @DisplayName("The identity number is stored in canonical form (upper-case X)")
    void canonicalIdNumber() {
      Map<String, Object> v = travel(3);
      v.put("idNumber", "11010519491231002x");
      ProcessInstance pi = filed(v);
      Assertions.assertThat(register.find(pi.getBusinessKey()).idNumber()).isEqualTo("11010519491231002X");
    }
  }
}
