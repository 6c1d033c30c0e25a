package cn.shequflow.leave;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.Notifications;
import cn.shequflow.support.ProcessTestSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

/** Every path of {@code leave-request} (processes/leave/leave-request.bpmn), driven as the demo users. */
class LeaveRequestProcessTest extends ProcessTestSupport {

  static final String KEY = "leave-request";

  @Autowired LeaveRegister ledger;
  @Autowired ApprovalChain chain;
  @Autowired Notifications notifications;

  static Map<String, Object> request(String type, String start, String end, Object days) {
    Map<String, Object> v = new HashMap<>();
    v.put("leaveType", type);
    v.put("startDate", start);
    v.put("endDate", end);
    v.put("days", days);
    v.put("reason", "家中有事需要处理");
    return v;
  }

  /** A personal-leave request of {@code days} starting tomorrow (24 Nov 2026). */
  static Map<String, Object> personal(Object days) {
    double d = ((Number) days).doubleValue();
    LocalDate start = LocalDate.of(2026, 11, 24);
    return request("personal", start.toString(), start.plusDays((long) Math.ceil(d) - 1).toString(), days);
  }

  static Map<String, Object> decision(boolean approved, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("approved", approved);
    v.put("comment", comment);
    return v;
  }

  private LeaveEntry ledgerOf(ProcessInstance pi) {
    return ledger.find(pi.getBusinessKey());
  }


  /** Approve the single approval task as {@code approver} and check only the right people see it. */
  private void approveAs(String approver, ProcessInstance pi) {
    Task t = onlyTaskFor(approver, pi);
    assertThat(t).hasDefinitionKey("approveLeave");
    completeAs(approver, t, decision(true, "同意"));
  }

  @Nested
  @DisplayName("Routing by role and days")
  class Routing {

    @Test
    @DisplayName("LV-2 tier 1: staff, 1 day -> own community's director only (ORG-5)")
    void staffOneDayToDirector() {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      assertThat(pi).isWaitingAt("approveLeave");
      Assertions.assertThat(candidateGroups(task(pi))).containsExactly("zaozhi-director");
      Assertions.assertThat(visibleTo("zhang.director", pi)).hasSize(1);
      for (String outsider : List.of("gao.director", "ma.staff", "xu.grid", "chen.staff", "qian.social", "sun.liaison",
          "zhou.liaison", "li.leader", "wang.principal", "zheng.district", "feng.dept")) {
        Assertions.assertThat(visibleTo(outsider, pi)).as(outsider).isEmpty();
      }
      approveAs("zhang.director", pi);
      assertThat(pi).isWaitingAt("reportBack");
      Assertions.assertThat(ledgerOf(pi).status()).isEqualTo("approved");
    }

    @Test
    @DisplayName("LV-2 tier 1: half a day is tier 1 too (LV-D1)")
    void staffHalfDayToDirector() {
      ProcessInstance pi = startAs("chen.staff", KEY, personal(0.5));
      approveAs("zhang.director", pi);
      assertThat(pi).isWaitingAt("reportBack");
    }

    @Test
    @DisplayName("LV-2 tier 2: staff, 2 days -> street social affairs office")
    void staffTwoDaysToSocialAffairs() {
      ProcessInstance pi = startAs("he.grid", KEY, personal(2));
      Assertions.assertThat(candidateGroups(task(pi))).containsExactly("pencheng-social");
      Assertions.assertThat(visibleTo("zhang.director", pi)).isEmpty();
      approveAs("qian.social", pi);
      assertThat(pi).isWaitingAt("reportBack");
    }

    @Test
    @DisplayName("LV-2 tier 3: staff, 3 days -> street principal leader")
    void staffThreeDaysToPrincipal() {
      ProcessInstance pi = startAs("ma.staff", KEY, personal(3));
      Assertions.assertThat(candidateGroups(task(pi))).containsExactly("pencheng-principal");
      Assertions.assertThat(visibleTo("gao.director", pi)).isEmpty();
      approveAs("wang.principal", pi);
      assertThat(pi).isWaitingAt("reportBack");
      Assertions.assertThat(ledgerOf(pi).communityId()).isEqualTo("taiping");
    }

    @Test
    @DisplayName("LV-3 tier 1: director, 1 day -> the community's liaison leader")
    void directorOneDayToLiaison() {
      ProcessInstance pi = startAs("zhang.director", KEY, personal(1));
      Assertions.assertThat(candidateGroups(task(pi))).containsExactly("zaozhi-liaison");
      Assertions.assertThat(visibleTo("sun.liaison", pi)).isEmpty();
      Assertions.assertThat(visibleTo("zhang.director", pi)).as("not his own approver").isEmpty();
      approveAs("zhou.liaison", pi);
      assertThat(pi).isWaitingAt("reportBack");
    }

    @Test
    @DisplayName("LV-3 tier 2: director, 1.5 days -> leader in charge of community affairs")
    void directorTwoDaysToLeaderInCharge() {
      ProcessInstance pi = startAs("gao.director", KEY, personal(1.5));
      Assertions.assertThat(candidateGroups(task(pi))).containsExactly("pencheng-leader");
      approveAs("li.leader", pi);
      assertThat(pi).isWaitingAt("reportBack");
    }

    @Test
    @DisplayName("LV-3 tier 3: director, 3 days -> leader in charge consents, then the principal leader approves")
    void directorThreeDaysTwoSteps() {
      ProcessInstance pi = startAs("zhang.director", KEY, personal(3));
      Assertions.assertThat(visibleTo("wang.principal", pi)).as("principal only after consent").isEmpty();
      approveAs("li.leader", pi);
      assertThat(pi).isWaitingAt("approveLeave");
      Assertions.assertThat(visibleTo("li.leader", pi)).isEmpty();
      approveAs("wang.principal", pi);
      assertThat(pi).isWaitingAt("reportBack");
      Assertions.assertThat(chain.chain(pi.getBusinessKey()))
          .extracting(ApprovalStep::decidedBy, ApprovalStep::approverRole)
          .containsExactly(Assertions.tuple("li.leader", "LEADER_IN_CHARGE"), Assertions.tuple("wang.principal", "PRINCIPAL_LEADER"));
    }

    @Test
    @DisplayName("LV-3 tier 3: a refusal by the leader in charge never reaches the principal leader")
    void directorThreeDaysRefusedAtConsent() {
      ProcessInstance pi = startAs("zhang.director", KEY, personal(4));
      completeAs("li.leader", onlyTaskFor("li.leader", pi), decision(false, "近期检查多，请调整时间"));
      assertThat(pi).isWaitingAt("reviseLeave").hasPassed("rejectLeaveRequest");
      Assertions.assertThat(visibleTo("wang.principal", pi)).isEmpty();
    }

    @Test
    @DisplayName("ORG-5: the wrong director can neither see nor complete the task")
    void wrongDirectorCannotComplete() {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      Task t = task(pi);
      Assertions.assertThatThrownBy(() -> completeAs("gao.director", t, decision(true, "")))
          .isInstanceOf(AuthorizationException.class);
      assertThat(pi).isWaitingAt("approveLeave");
    }

    @Test
    @DisplayName("The applicant is the authenticated user: a client naming another applicant is refused")
    void applicantCannotBeSpoofed() {
      Map<String, Object> v = personal(1);
      v.put("applicantId", "zhang.director");
      long before = runtime.createProcessInstanceQuery().count();
      Assertions.assertThatThrownBy(() -> startAs("liu.staff", KEY, v))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("applicantId");
      Assertions.assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      Assertions.assertThat(ledgerOf(pi).applicantId()).isEqualTo("liu.staff");
      Assertions.assertThat(candidateGroups(task(pi))).containsExactly("zaozhi-director");
    }

    @Test
    @DisplayName("Business keys are LV-yyyy-nnnnnn, increasing; a duplicate or another year's key given by the client is refused")
    void businessKeys() {
      ProcessInstance first = startAs("liu.staff", KEY, personal(1));
      ProcessInstance second = startAs("liu.staff", KEY, personal(1));
      int year = cn.shequflow.core.process.Clock.today().getYear();
      Assertions.assertThat(first.getBusinessKey()).matches("LV-" + year + "-\\d{6}");
      Assertions.assertThat(Integer.parseInt(second.getBusinessKey().substring(8)))
          .isEqualTo(Integer.parseInt(first.getBusinessKey().substring(8)) + 1);
      Assertions.assertThatThrownBy(() -> as("liu.staff",
              () -> runtime.startProcessInstanceByKey(KEY, first.getBusinessKey(), personal(1))))
          .isInstanceOf(InvalidInputException.class)
          .extracting("field").isEqualTo("businessKey");

      for (String otherYear : java.util.List.of(String.format("LV-%d-000001", year - 1), String.format("LV-%d-000001", year + 1))) {
        Assertions.assertThatThrownBy(() -> as("liu.staff",
                () -> runtime.startProcessInstanceByKey(KEY, otherYear, personal(1))))
            .as("the year of a key is the filing year: %s", otherYear)
            .isInstanceOf(InvalidInputException.class)
            .extracting("field").isEqualTo("businessKey");
      }

      String taken = String.format("LV-%d-%06d", year, Integer.parseInt(second.getBusinessKey().substring(8)) + 1);
      ProcessInstance clientKeyed = as("liu.staff", () -> runtime.startProcessInstanceByKey(KEY, taken, personal(1)));
      ProcessInstance generated = startAs("liu.staff", KEY, personal(1));
      Assertions.assertThat(generated.getBusinessKey()).as("skips the number a client used").isNotEqualTo(taken);
      Assertions.assertThat(ledgerOf(clientKeyed).processInstanceId()).isEqualTo(clientKeyed.getId());
      Assertions.assertThat(ledgerOf(generated).processInstanceId()).isEqualTo(generated.getId());
    }
  }

  @Nested
  @DisplayName("Rejection")
  class Rejection {

    @Test
    @DisplayName("Reject, then resubmit edited: re-routed by the new days; the ledger counts the submission")
    void rejectThenResubmit() {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), decision(false, "本周值班，请改期"));
      assertThat(pi).isWaitingAt("reviseLeave");
      Task revise = onlyTaskFor("liu.staff", pi);
      Assertions.assertThat(revise.getAssignee()).isEqualTo("liu.staff");
      Assertions.assertThat(tasks.getVariable(revise.getId(), "returnComment")).isEqualTo("本周值班，请改期");
      Assertions.assertThat(ledgerOf(pi).status()).isEqualTo("rejected");
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.message()).contains("本周值班，请改期"));

      Map<String, Object> edited = request("personal", "2026-11-30", "2026-12-01", 2);
      edited.put("resubmit", true);
      completeAs("liu.staff", revise, edited);
      assertThat(pi).isWaitingAt("approveLeave");
      Assertions.assertThat(candidateGroups(task(pi))).containsExactly("pencheng-social");
      Assertions.assertThat(ledgerOf(pi)).extracting(LeaveEntry::status, LeaveEntry::submissions, LeaveEntry::startDate)
          .containsExactly("pending", 2, LocalDate.of(2026, 11, 30));
      approveAs("qian.social", pi);
      assertThat(pi).isWaitingAt("reportBack");
    }

    @Test
    @DisplayName("Reject, then withdraw: the request ends as withdrawn")
    void rejectThenWithdraw() {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), decision(false, "人手不足"));
      completeAs("liu.staff", onlyTaskFor("liu.staff", pi), Map.of("resubmit", false));
      assertThat(pi).isEnded().hasPassed("reviseLeave", "leaveWithdrawn");
      Assertions.assertThat(ledgerOf(pi).status()).isEqualTo("withdrawn");
    }

    @Test
    @DisplayName("A resubmission with invalid data is refused and the revise task stays open")
    void invalidResubmission() {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), decision(false, "请补充事由"));
      Task revise = onlyTaskFor("liu.staff", pi);
      Map<String, Object> edited = personal(1);
      edited.put("days", 5);
      edited.put("resubmit", true);
      Assertions.assertThatThrownBy(() -> completeAs("liu.staff", revise, edited))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("days");
      assertThat(pi).isWaitingAt("reviseLeave");
      Assertions.assertThat(ledgerOf(pi).status()).isEqualTo("rejected");
    }

    @Test
    @DisplayName("The revise task needs an explicit resubmit choice")
    void resubmitChoiceRequired() {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), decision(false, "请改期"));
      Task revise = onlyTaskFor("liu.staff", pi);
      Assertions.assertThatThrownBy(() -> completeAs("liu.staff", revise, Map.of()))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("resubmit");
      assertThat(pi).isWaitingAt("reviseLeave");
    }

    @Test
    @DisplayName("Refusing without a comment is refused; the task stays open")
    void refusalNeedsComment() {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      Task t = onlyTaskFor("zhang.director", pi);
      Assertions.assertThatThrownBy(() -> completeAs("zhang.director", t, decision(false, "  ")))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("comment");
      assertThat(pi).isWaitingAt("approveLeave");
      Assertions.assertThat(chain.chain(pi.getBusinessKey())).allSatisfy(s -> Assertions.assertThat(s.decidedBy()).isNull());
    }

    @Test
    @DisplayName("Each approver must decide: an earlier step's approval is not carried over")
    void decisionIsRequiredAtEveryStep() {
      ProcessInstance pi = startAs("gao.director", KEY, personal(3));
      approveAs("li.leader", pi);
      Task second = onlyTaskFor("wang.principal", pi);
      Assertions.assertThatThrownBy(() -> completeAs("wang.principal", second, Map.of()))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("approved");
      assertThat(pi).isWaitingAt("approveLeave");
    }
  }

  @Nested
  @DisplayName("Report back (销假)")
  class ReportBack {

    @Test
    @DisplayName("LV-4: approval creates the report-back task, due the first working day after the end (CAL-1)")
    void reportBackDueAfterNationalDay() {
      setClock(LocalDateTime.of(2026, 9, 28, 9, 0));
      ProcessInstance pi = startAs("liu.staff", KEY, request("annual", "2026-09-29", "2026-09-30", 2));
      approveAs("qian.social", pi);
      Task reportBack = onlyTaskFor("liu.staff", pi);
      Assertions.assertThat(reportBack.getAssignee()).isEqualTo("liu.staff");
      Assertions.assertThat(reportBack.getDueDate().toInstant())
          .isEqualTo(LocalDateTime.of(2026, 10, 8, 17, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
      Assertions.assertThat(ledgerOf(pi).reportBackDue()).isEqualTo(LocalDate.of(2026, 10, 8));
      Job overdue = job(pi);
      Assertions.assertThat(overdue.getDuedate().toInstant())
          .isEqualTo(LocalDateTime.of(2026, 10, 9, 17, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @Test
    @DisplayName("LV-4: reporting back on time closes the request as returned")
    void reportBackOnTime() {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      approveAs("zhang.director", pi);
      setClock(LocalDateTime.of(2026, 11, 25, 8, 45));
      completeAs("liu.staff", onlyTaskFor("liu.staff", pi), Map.of("returnedOn", "2026-11-25"));
      assertThat(pi).isEnded().hasPassed("recordLeaveReturn", "leaveClosed", "noCoverNeeded");
      Assertions.assertThat(ledgerOf(pi)).extracting(LeaveEntry::status, LeaveEntry::returnedOn)
          .containsExactly("returned", LocalDate.of(2026, 11, 25));
    }

    @Test
    @DisplayName("LV-6: not reported back a working day after the due date: the ledger shows late, the approver is reminded")
    void reportBackLate() {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      approveAs("zhang.director", pi);
      assertThat(pi).isWaitingAt("reportBack");
      setClock(LocalDateTime.of(2026, 11, 26, 18, 0));
      execute(job(pi));
      assertThat(pi).isWaitingAt("reportBack", "remindReportBack");
      Assertions.assertThat(ledgerOf(pi).status()).isEqualTo("late");
      Assertions.assertThat(LeaveLedgerController.statusLabel(ledgerOf(pi))).isEqualTo("逾期未销假");
      Task remind = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("remindReportBack").singleResult();
      Assertions.assertThat(candidateGroups(remind)).containsExactly("zaozhi-director");
      Assertions.assertThat(visibleTo("gao.director", pi)).isEmpty();
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("liu.staff").contains("逾期"));

      completeAs("zhang.director", remind, Map.of("overdueNote", "已电话督促"));
      completeAs("liu.staff", onlyTaskFor("liu.staff", pi), Map.of("returnedOn", "2026-11-26"));
      assertThat(pi).isEnded().hasPassed("markReportBackLate", "overdueHandled", "leaveClosed");
      Assertions.assertThat(ledgerOf(pi)).extracting(LeaveEntry::status, LeaveEntry::returnedOn)
          .containsExactly("late", LocalDate.of(2026, 11, 26));
      Assertions.assertThat(LeaveLedgerController.statusLabel(ledgerOf(pi))).isEqualTo("逾期销假");
    }

    @Test
    @DisplayName("LV-6: returning after the due date is late even before the reminder fires")
    void returnedAfterDueIsLate() {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      approveAs("zhang.director", pi);
      setClock(LocalDateTime.of(2026, 11, 26, 9, 0));
      completeAs("liu.staff", onlyTaskFor("liu.staff", pi), Map.of("returnedOn", "2026-11-26"));
      Assertions.assertThat(ledgerOf(pi).status()).isEqualTo("late");
    }

    @ParameterizedTest(name = "returnedOn {0} is refused")
    @CsvSource({"2026-11-20", "2026-12-30", "not-a-date"})
    @DisplayName("Report-back dates before the leave or in the future are refused; the task stays open")
    void badReturnDates(String returnedOn) {
      ProcessInstance pi = startAs("liu.staff", KEY, personal(1));
      approveAs("zhang.director", pi);
      Task reportBack = onlyTaskFor("liu.staff", pi);
      Assertions.assertThatThrownBy(() -> completeAs("liu.staff", reportBack, Map.of("returnedOn", returnedOn)))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("returnedOn");
      assertThat(pi).isWaitingAt("reportBack");
    }
  }

  @Nested
  @DisplayName("Long sick leave (顶岗)")
  class Cover {

    @Test
    @DisplayName("LV-5: staff on sick leave over 30 days -> the community director arranges cover")
    void staffLongSickLeave() {
      ProcessInstance pi = startAs("liu.staff", KEY, request("sick", "2026-11-23", "2026-12-23", 31));
      approveAs("wang.principal", pi);
      assertThat(pi).isWaitingAt("reportBack", "arrangeCover");
      Task cover = onlyTaskFor("zhang.director", pi);
      assertThat(cover).hasDefinitionKey("arrangeCover");
      Assertions.assertThatThrownBy(() -> completeAs("zhang.director", cover, Map.of()))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("coverPerson");
      completeAs("zhang.director", cover, Map.of("coverPerson", "陈静"));
      assertThat(pi).hasPassed("coverArranged").isWaitingAt("reportBack");
      Assertions.assertThat(ledgerOf(pi).coverPerson()).isEqualTo("陈静");
    }

    @Test
    @DisplayName("LV-5: a director on sick leave over 30 days -> the leader in charge arranges cover")
    void directorLongSickLeave() {
      ProcessInstance pi = startAs("zhang.director", KEY, request("sick", "2026-11-20", "2026-12-31", 40));
      approveAs("li.leader", pi);
      approveAs("wang.principal", pi);
      Task cover = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("arrangeCover").singleResult();
      Assertions.assertThat(candidateGroups(cover)).containsExactly("pencheng-leader");
    }

    @Test
    @DisplayName("LV-5: sick leave of exactly 30 days needs no cover")
    void thirtyDaysNoCover() {
      ProcessInstance pi = startAs("liu.staff", KEY, request("sick", "2026-11-23", "2026-12-22", 30));
      approveAs("wang.principal", pi);
      assertThat(pi).isWaitingAt("reportBack").hasPassed("noCoverNeeded").hasNotPassed("arrangeCover");
    }

    @Test
    @DisplayName("LV-5: other leave over 30 days needs no cover")
    void longMaternityLeaveNoCover() {
      ProcessInstance pi = startAs("chen.staff", KEY, request("maternity", "2026-11-24", "2027-04-01", 98));
      approveAs("wang.principal", pi);
      assertThat(pi).hasPassed("noCoverNeeded").hasNotPassed("arrangeCover");
    }
  }

  @Nested
  @DisplayName("Bad input at start")
  class BadInput {

    @ParameterizedTest(name = "{0} = {1}")
    @DisplayName("Refused with the field named; no instance, job or ledger row is left (CONTRACTS.md)")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "leaveType | NULL",
        "leaveType | holiday",
        "startDate | NULL",
        "startDate | 2026-02-30",
        "endDate   | 2026-11-23",
        "days      | NULL",
        "days      | 0",
        "days      | -1",
        "days      | 1.3",
        "days      | 3",
        "days      | two",
        "reason    | NULL",
        "reason    | LONG",
        "endDate   | 2027-12-31"})
    void refused(String field, String value) {
      Map<String, Object> v = request("personal", "2026-11-24", "2026-11-25", 2);
      Object bad = value;
      if ("LONG".equals(value)) {
        bad = "长".repeat(501);
      } else if (value != null && field.equals("days") && value.matches("-?[0-9.]+")) {
        bad = Double.valueOf(value);
      }
      v.put(field, bad);
      long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
      long jobs = management.createJobQuery().count();
      Assertions.assertThatThrownBy(() -> startAs("liu.staff", KEY, v))
          .isInstanceOf(InvalidInputException.class)
          .extracting("field").isEqualTo(field);
      Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
      Assertions.assertThat(management.createJobQuery().count()).isEqualTo(jobs);
    }

    @Test
    @DisplayName("LV-4: leave applied for afterwards (补假) and approved after its end: report back counts from the approval")
    void approvedAfterTheEnd() {
      ProcessInstance pi = startAs("liu.staff", KEY, request("sick", "2026-11-16", "2026-11-17", 2));
      approveAs("qian.social", pi);
      Assertions.assertThat(ledgerOf(pi).reportBackDue()).isEqualTo(LocalDate.of(2026, 11, 24));
      Assertions.assertThat(job(pi).getDuedate()).isAfter(cn.shequflow.core.process.Clock.toDate(DEFAULT_NOW));
    }

    @Test
    @DisplayName("Only community staff and directors use this process")
    void streetStaffCannotApply() {
      Assertions.assertThatThrownBy(() -> startAs("qian.social", KEY, personal(1)))
          .isInstanceOf(AuthorizationException.class);
      Map<String, Object> v = personal(1);
      v.put("applicantId", "qian.social");
      Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey(KEY, v))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("applicantId");
    }
  }

  @Nested
  @DisplayName("Task contracts")
  class Contracts {

    private void refusesUndeclared(String user, Task task) {
      String before = task.getId();
      Assertions.assertThatThrownBy(() -> completeAs(user, task, Map.of("undeclaredVariable", "x")))
          .as(task.getTaskDefinitionKey()).isInstanceOf(InvalidInputException.class)
          .extracting("field").isEqualTo("undeclaredVariable");
      Assertions.assertThat(tasks.createTaskQuery().taskId(before).count()).as("task stays open").isEqualTo(1);
    }

    @Test
    @DisplayName("Every user task of leave-request refuses a variable its form does not declare, and stays open")
    void everyTaskRefusesUndeclared() {
      ProcessInstance pi = startAs("liu.staff", KEY, request("sick", "2026-11-23", "2026-12-23", 31));
      refusesUndeclared("wang.principal", onlyTaskFor("wang.principal", pi));
      completeAs("wang.principal", onlyTaskFor("wang.principal", pi), decision(false, "请补充病历"));
      refusesUndeclared("liu.staff", onlyTaskFor("liu.staff", pi));
      Map<String, Object> again = request("sick", "2026-11-23", "2026-12-23", 31);
      again.put("resubmit", true);
      completeAs("liu.staff", onlyTaskFor("liu.staff", pi), again);
      approveAs("wang.principal", pi);
      Task cover = onlyTaskFor("zhang.director", pi);
      refusesUndeclared("zhang.director", cover);
      Task reportBack = onlyTaskFor("liu.staff", pi);
      refusesUndeclared("liu.staff", reportBack);
      setClock(LocalDateTime.of(2026, 12, 31, 18, 0));
      execute(job(pi));
      Task remind = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("remindReportBack").singleResult();
      Assertions.assertThat(visibleTo("wang.principal", pi)).extracting(Task::getTaskDefinitionKey)
          .as("the last approver chases the report-back").containsExactly("remindReportBack");
      refusesUndeclared("wang.principal", remind);
    }
  }
}
