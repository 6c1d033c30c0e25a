package cn.shequflow.expense;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.cases.CommunityScope;
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
 * Every path of {@code property-loan} (processes/expense/property-loan.bpmn), driven as the demo
 * users with authorization on. The clock stands at Monday 23 November 2026, 09:00; the loan runs
 * from Wednesday 25 to Friday 27 November, so the return is due Friday at 17:30.
 */
class PropertyLoanProcessTest extends ProcessTestSupport {

  static final String KEY = "property-loan";
  static final List<String> TAIPING = List.of("gao.director", "ma.staff", "xu.grid", "sun.liaison");

  @Autowired PropertyLoanRegister register;
  @Autowired ApprovalChain chain;
  @Autowired CaseMapper caseMapper;
  @Autowired Cases cases;
  @Autowired CaseFamilies families;
  @Autowired CommunityScope scope;
  @Autowired Notifications notifications;
  @Autowired JdbcTemplate jdbc;

  static Map<String, Object> loan(String from, String until) {
    Map<String, Object> v = new HashMap<>();
    v.put("item", "折叠桌 10 张");
    v.put("borrower", "造纸小学");
    v.put("purpose", "学校运动会使用");
    v.put("loanFrom", from);
    v.put("loanUntil", until);
    return v;
  }

  static Map<String, Object> loan() {
    return loan("2026-11-25", "2026-11-27");
  }

  static Map<String, Object> decision(boolean approved, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("approved", approved);
    v.put("comment", comment);
    return v;
  }

  static Map<String, Object> returned(String on, String condition, String note) {
    Map<String, Object> v = new HashMap<>();
    v.put("returnedOn", on);
    v.put("condition", condition);
    if (note != null) {
      v.put("returnNote", note);
    }
    return v;
  }

  private void approveAs(String user, ProcessInstance pi) {
    Task t = onlyTaskFor(user, pi);
    assertThat(t).hasDefinitionKey("approvePropertyLoan");
    completeAs(user, t, decision(true, "同意"));
  }

  private ProcessInstance consented() {
    ProcessInstance pi = startAs("liu.staff", KEY, loan());
    approveAs("zhang.director", pi);
    approveAs("qian.social", pi);
    assertThat(pi).isWaitingAt("recordReturn");
    return pi;
  }

  private List<String> chainRoles(ProcessInstance pi) {
    return chain.chain(pi.getBusinessKey()).stream().map(ApprovalStep::approverRole).toList();
  }


  private PropertyLoanEntry entry(ProcessInstance pi) {
    return register.find(pi.getBusinessKey());
  }



  private static Date beijing(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  @Nested
  @DisplayName("Consent (EX-9)")
  class Consent {

    @Test
    @DisplayName("EX-9: the director agrees, then the social affairs office consents, then the lender records the return")
    void happyPath() {
      ProcessInstance pi = startAs("liu.staff", KEY, loan());
      Assertions.assertThat(pi.getBusinessKey()).matches("PL-2026-\\d{6}");
      Assertions.assertThat(caseOf(pi)).extracting(CaseRecord::family, CaseRecord::communityId, CaseRecord::status)
          .containsExactly("property-loan", "zaozhi", "pending");
      Assertions.assertThat(caseOf(pi).subject()).isEqualTo("折叠桌 10 张 借给 造纸小学（2026-11-25 至 2026-11-27）");
      Assertions.assertThat(visibleTo("qian.social", pi)).as("the office decides after the director").isEmpty();

      Task first = onlyTaskFor("zhang.director", pi);
      Assertions.assertThat(first.getName()).isEqualTo("审批财物外借：刘洋（折叠桌 10 张）");
      Assertions.assertThat(candidateGroups(first)).containsExactly("zaozhi-director");
      approveAs("zhang.director", pi);
      assertThat(pi).isWaitingAt("approvePropertyLoan");
      Assertions.assertThat(visibleTo("zhang.director", pi)).isEmpty();
      Assertions.assertThat(caseOf(pi).status()).as("nothing is lent before the office consents").isEqualTo("pending");

      Task second = onlyTaskFor("qian.social", pi);
      Assertions.assertThat(candidateGroups(second)).containsExactly("pencheng-social");
      approveAs("qian.social", pi);
      assertThat(pi).isWaitingAt("recordReturn").hasPassed("consentPropertyLoan");
      Assertions.assertThat(chainRoles(pi)).containsExactly("DIRECTOR", "SOCIAL_AFFAIRS");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("approved");
      Assertions.assertThat(entry(pi).returnDue()).isEqualTo(LocalDate.of(2026, 11, 27));
      Assertions.assertThat(entry(pi).consentedAt()).isEqualTo(DEFAULT_NOW);

      Task record = onlyTaskFor("liu.staff", pi);
      Assertions.assertThat(record.getAssignee()).isEqualTo("liu.staff");
      Assertions.assertThat(record.getDueDate()).isEqualTo(beijing(2026, 11, 27, 17, 30));
      Assertions.assertThat(job(pi).getDuedate()).isEqualTo(beijing(2026, 11, 27, 17, 30));
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("liu.staff").contains("同意"));

      setClock(LocalDateTime.of(2026, 11, 27, 16, 0));
      completeAs("liu.staff", record, returned("2026-11-27", "intact", null));
      assertThat(pi).isEnded().hasPassed("loanReturned").hasNotPassed("remindReturn");
      Assertions.assertThat(entry(pi)).extracting(PropertyLoanEntry::returnedOn, PropertyLoanEntry::returnCondition,
          PropertyLoanEntry::returnRecordedBy).containsExactly(LocalDate.of(2026, 11, 27), "intact", "liu.staff");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("returned");
      Assertions.assertThat(caseOf(pi).closedAt()).isNotNull();
      Assertions.assertThat(actions(pi)).containsExactly("submitted", "approve", "approve", "approved", "returned");
    }

    @Test
    @DisplayName("EX-9: a director's own request goes straight to the social affairs office (rule socialAffairsConsents)")
    void directorApplies() {
      ProcessInstance pi = startAs("zhang.director", KEY, loan());
      Assertions.assertThat(caseOf(pi).applicantRole()).isEqualTo("DIRECTOR");
      Assertions.assertThat(chainRoles(pi)).containsExactly("SOCIAL_AFFAIRS");
      Assertions.assertThat(visibleTo("zhang.director", pi)).as("no approving one's own loan").isEmpty();
      approveAs("qian.social", pi);
      assertThat(pi).isWaitingAt("recordReturn");
      Assertions.assertThat(onlyTaskFor("zhang.director", pi).getAssignee()).isEqualTo("zhang.director");
    }

    @Test
    @DisplayName("Only a community's staff and director apply; grid workers and street roles cannot")
    void starters() {
      ProcessInstance pi = startAs("huang.bookkeeper", KEY, loan());
      Assertions.assertThat(caseOf(pi).applicantRole()).isEqualTo("STAFF");
      Assertions.assertThatThrownBy(() -> startAs("he.grid", KEY, loan())).isInstanceOf(AuthorizationException.class);
      Assertions.assertThatThrownBy(() -> startAs("qian.social", KEY, loan())).isInstanceOf(AuthorizationException.class);
    }

    @Test
    @DisplayName("A refusal without a reason is refused naming comment; the task stays open")
    void refusalNeedsReason() {
      ProcessInstance pi = startAs("liu.staff", KEY, loan());
      Task t = onlyTaskFor("zhang.director", pi);
      Assertions.assertThatThrownBy(() -> completeAs("zhang.director", t, decision(false, " ")))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("comment");
      assertThat(pi).isWaitingAt("approvePropertyLoan");
    }
  }

  @Nested
  @DisplayName("Refusal")
  class Refusal {

    @Test
    @DisplayName("EX-9: the director refuses; the applicant revises and resubmits: a new round, director first again")
    void directorRefusesThenResubmit() {
      ProcessInstance pi = startAs("liu.staff", KEY, loan());
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), decision(false, "运动会当天居委会也要用桌子，只能借 5 张"));
      assertThat(pi).isWaitingAt("revisePropertyLoan").hasPassed("rejectPropertyLoan");
      Assertions.assertThat(visibleTo("qian.social", pi)).as("a refusal never reaches the office").isEmpty();
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("rejected");
      Task revise = onlyTaskFor("liu.staff", pi);
      Assertions.assertThat(tasks.getVariable(revise.getId(), "returnComment").toString()).contains("只能借 5 张");
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.message()).contains("被退回", "张志华"));

      Map<String, Object> edited = loan();
      edited.put("item", "折叠桌 5 张");
      edited.put("resubmit", true);
      completeAs("liu.staff", revise, edited);
      Assertions.assertThat(caseOf(pi)).extracting(CaseRecord::submission, CaseRecord::status).containsExactly(2, "pending");
      Assertions.assertThat(entry(pi).item()).isEqualTo("折叠桌 5 张");
      Assertions.assertThat(visibleTo("qian.social", pi)).isEmpty();
      approveAs("zhang.director", pi);
      approveAs("qian.social", pi);
      assertThat(pi).isWaitingAt("recordReturn");
      Assertions.assertThat(actions(pi)).containsSubsequence("reject", "rejected", "resubmitted", "pending", "approve",
          "approve", "approved");
    }

    @Test
    @DisplayName("EX-9: the social affairs office refuses; the applicant withdraws; nothing is lent")
    void officeRefusesThenWithdraw() {
      ProcessInstance pi = startAs("chen.staff", KEY, loan());
      approveAs("zhang.director", pi);
      completeAs("qian.social", onlyTaskFor("qian.social", pi), decision(false, "音响设备不外借给营利性活动"));
      assertThat(pi).isWaitingAt("revisePropertyLoan");
      Assertions.assertThat(tasks.getVariable(onlyTaskFor("chen.staff", pi).getId(), "returnedByName")).isEqualTo("钱明");
      completeAs("chen.staff", onlyTaskFor("chen.staff", pi), Map.of("resubmit", false));
      assertThat(pi).isEnded().hasPassed("loanWithdrawn").hasNotPassed("consentPropertyLoan", "recordReturn");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("withdrawn");
      Assertions.assertThat(caseOf(pi).closedAt()).isNotNull();
      Assertions.assertThat(entry(pi).consentedAt()).isNull();
    }
  }

  @Nested
  @DisplayName("Return")
  class Return {

    @Test
    @DisplayName("EX-9: not returned by the deadline: the case is overdue, zhang.director is reminded; returned late and damaged")
    void overdue() {
      ProcessInstance pi = consented();
      setClock(LocalDateTime.of(2026, 11, 27, 17, 31));
      execute(job(pi));
      assertThat(pi).isWaitingAt("recordReturn", "remindReturn").hasPassed("markPropertyLoanOverdue");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("overdue");
      Assertions.assertThat(families.byKey(PropertyLoanFamily.KEY).statusLabel(caseOf(pi).status())).isEqualTo("逾期未归还");
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("liu.staff").contains("已逾期"));

      Task remind = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("remindReturn").singleResult();
      Assertions.assertThat(remind.getName()).isEqualTo("督促归还：折叠桌 10 张（刘洋）");
      Assertions.assertThat(candidateGroups(remind)).containsExactly("zaozhi-director");
      Assertions.assertThat(onlyTaskFor("zhang.director", pi).getId()).isEqualTo(remind.getId());
      for (String outsider : TAIPING) {
        Assertions.assertThat(visibleTo(outsider, pi)).as(outsider).isEmpty();
      }
      completeAs("zhang.director", remind, Map.of("overdueNote", "已电话联系造纸小学，周一归还"));
      Assertions.assertThat(cases.timeline(pi.getBusinessKey())).anySatisfy(e -> {
        Assertions.assertThat(e.action()).isEqualTo("chased");
        Assertions.assertThat(e.comment()).contains("周一归还");
      });

      setClock(LocalDateTime.of(2026, 11, 30, 10, 0));
      Task record = onlyTaskFor("liu.staff", pi);
      Assertions.assertThatThrownBy(() -> completeAs("liu.staff", record, returned("2026-11-30", "damaged", null)))
          .as("damage needs a note").isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("returnNote");
      completeAs("liu.staff", record, returned("2026-11-30", "damaged", "两张桌腿折断，由造纸小学照价赔偿"));
      assertThat(pi).isEnded().hasPassed("remindReturn", "reminderHandled", "loanReturned");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("returned-late");
      Assertions.assertThat(caseOf(pi).closedAt()).isNotNull();
      Assertions.assertThat(entry(pi)).extracting(PropertyLoanEntry::returnedOn, PropertyLoanEntry::returnCondition,
          PropertyLoanEntry::returnNote).containsExactly(LocalDate.of(2026, 11, 30), "damaged", "两张桌腿折断，由造纸小学照价赔偿");
      Assertions.assertThat(cases.timeline(pi.getBusinessKey())).anySatisfy(e -> {
        Assertions.assertThat(e.action()).isEqualTo("property-damaged");
        Assertions.assertThat(e.comment()).contains("桌腿折断", "赔偿");
      });
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("zhang.director").contains("赔偿"));
    }

    @Test
    @DisplayName("EX-9: returned after the deadline but before the reminder ran is still late; a loss is noted on the timeline")
    void lateAndLost() {
      ProcessInstance pi = consented();
      setClock(LocalDateTime.of(2026, 11, 30, 9, 0));
      completeAs("liu.staff", onlyTaskFor("liu.staff", pi), returned("2026-11-28", "lost", "一张桌子在运动会后遗失"));
      assertThat(pi).isEnded();
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("returned-late");
      Assertions.assertThat(actions(pi)).contains("property-lost");
    }

    @Test
    @DisplayName("CAL-1: a loan until a Saturday is due at the close of office on the next working day")
    void dueOnNextWorkingDay() {
      ProcessInstance pi = startAs("liu.staff", KEY, loan("2026-11-25", "2026-11-28"));
      approveAs("zhang.director", pi);
      approveAs("qian.social", pi);
      Assertions.assertThat(entry(pi).returnDue()).isEqualTo(LocalDate.of(2026, 11, 30));
      Assertions.assertThat(job(pi).getDuedate()).isEqualTo(beijing(2026, 11, 30, 17, 30));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "returnedOn | 2026-11-24 | intact  | NULL",
        "returnedOn | 2026-11-28 | intact  | NULL",
        "returnedOn | not-a-date | intact  | NULL",
        "condition  | 2026-11-27 | broken  | NULL",
        "returnNote | 2026-11-27 | lost    | NULL"})
    @DisplayName("A return before the loan, in the future, of an unknown condition, or a loss without a note is refused; the task stays open")
    void badReturn(String field, String on, String condition, String note) {
      ProcessInstance pi = consented();
      setClock(LocalDateTime.of(2026, 11, 27, 10, 0));
      Task record = onlyTaskFor("liu.staff", pi);
      Assertions.assertThatThrownBy(() -> completeAs("liu.staff", record, returned(on, condition, note)))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(field);
      assertThat(pi).isWaitingAt("recordReturn");
      Assertions.assertThat(entry(pi).returnedOn()).isNull();
    }
  }

  @Test
  @DisplayName("ORG-5: taiping's people never see zaozhi's loan, at any step; taiping's own loan goes to taiping's director")
  void communitiesApart() {
    ProcessInstance pi = startAs("liu.staff", KEY, loan());
    CaseRecord record = caseOf(pi);
    for (String outsider : TAIPING) {
      Assertions.assertThat(visibleTo(outsider, pi)).as(outsider).isEmpty();
      Assertions.assertThat(scope.canSee(outsider, record, families.byKey(PropertyLoanFamily.KEY))).as(outsider).isFalse();
    }
    Assertions.assertThat(scope.canSee("zhou.liaison", record, families.byKey(PropertyLoanFamily.KEY))).isTrue();
    Assertions.assertThat(scope.canSee("wang.principal", record, families.byKey(PropertyLoanFamily.KEY))).isTrue();
    approveAs("zhang.director", pi);
    approveAs("qian.social", pi);
    for (String outsider : TAIPING) {
      Assertions.assertThat(visibleTo(outsider, pi)).as(outsider).isEmpty();
    }

    ProcessInstance taiping = startAs("ma.staff", KEY, loan());
    Assertions.assertThat(visibleTo("zhang.director", taiping)).isEmpty();
    Assertions.assertThat(candidateGroups(onlyTaskFor("gao.director", taiping))).containsExactly("taiping-director");
  }

  @Nested
  @DisplayName("Bad input at start")
  class BadInput {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "loanUntil | 2026-11-24",
        "loanFrom  | 2026-11-22",
        "loanFrom  | 2027-11-24",
        "loanUntil | 2027-11-26",
        "item      | NULL",
        "item      | LONG101",
        "borrower  | LONG101",
        "purpose   | LONG501",
        "loanFrom  | 2026-11-31"})
    @DisplayName("Refused naming the field; no instance, case or register row is left")
    void refused(String field, String value) {
      Map<String, Object> v = loan();
      Object bad = value;
      if (value != null && value.startsWith("LONG")) {
        bad = "长".repeat(Integer.parseInt(value.substring(4)));
      }
      v.put(field, bad);
      long instances = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
      long rows = count();
      Assertions.assertThatThrownBy(() -> startAs("liu.staff", KEY, v))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(field);
      Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instances);
      Assertions.assertThat(count()).isEqualTo(rows);
    }

    @Test
    @DisplayName("The longest texts the form allows are accepted (100, 100 and 500 characters)")
    void limits() {
      Map<String, Object> v = loan();
      v.put("item", "桌".repeat(100));
      v.put("borrower", "校".repeat(100));
      v.put("purpose", "用".repeat(500));
      ProcessInstance pi = startAs("liu.staff", KEY, v);
      Assertions.assertThat(entry(pi).purpose()).hasSize(500);
      Assertions.assertThat(caseOf(pi).subject().length()).isLessThanOrEqualTo(200);
    }

    private long count() {
      Long cases = jdbc.queryForObject("select count(*) from biz_case where family = 'property-loan'", Long.class);
      Long loans = jdbc.queryForObject("select count(*) from property_loan", Long.class);
      return cases * 1_000_000 + loans;
    }
  }
}
