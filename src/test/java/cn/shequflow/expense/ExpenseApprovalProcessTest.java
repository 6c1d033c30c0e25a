package cn.shequflow.expense;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.support.ProcessTestSupport;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code expense-approval} (processes/expense/expense-approval.bpmn), driven as the demo users. */
class ExpenseApprovalProcessTest extends ProcessTestSupport {

  static final String KEY = "expense-approval";

  @Autowired ExpenseRegister register;
  @Autowired ApprovalChain chain;
  @Autowired CaseMapper cases;
  @Autowired RepositoryService repository;

  static Map<String, Object> expense(Object amount, String category) {
    Map<String, Object> v = new HashMap<>();
    v.put("amount", amount);
    v.put("category", category);
    v.put("purpose", "购买打印纸和墨盒");
    v.put("handler", "陈静");
    v.put("witness", "刘洋");
    return v;
  }

  static Map<String, Object> decision(boolean approved, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("approved", approved);
    v.put("comment", comment);
    return v;
  }

  static Map<String, Object> vote(int total, int present, int inFavour, String notice, String meeting) {
    Map<String, Object> v = new HashMap<>();
    v.put("representativesTotal", total);
    v.put("representativesPresent", present);
    v.put("votesInFavour", inFavour);
    v.put("noticePostedOn", notice);
    v.put("meetingOn", meeting);
    return v;
  }

  static Map<String, Object> voucher(String type, Object paid, String paidOn) {
    Map<String, Object> v = new HashMap<>();
    v.put("voucherType", type);
    v.put("invoiceNumber", "No.12345678");
    v.put("paidAmount", paid);
    v.put("paidOn", paidOn);
    return v;
  }

  private void approveAs(String user, ProcessInstance pi) {
    Task t = onlyTaskFor(user, pi);
    assertThat(t).hasDefinitionKey("approveExpense");
    completeAs(user, t, decision(true, "同意"));
  }

  private List<String> chainRoles(ProcessInstance pi) {
    return chain.chain(pi.getBusinessKey()).stream().map(ApprovalStep::approverRole).toList();
  }

  private ExpenseEntry entry(ProcessInstance pi) {
    return register.find(pi.getBusinessKey());
  }

  @Nested
  @DisplayName("Routing by amount")
  class Routing {

    @Test
    @DisplayName("EX-1: a 320-yuan office purchase is approved by the community's director alone; taiping sees nothing")
    void directorAlone() {
      ProcessInstance pi = startAs("chen.staff", KEY, expense(320, "office"));
      Assertions.assertThat(pi.getBusinessKey()).matches("EX-2026-\\d{6}");
      for (String outsider : List.of("gao.director", "ma.staff", "xu.grid", "qian.social", "huang.bookkeeper")) {
        Assertions.assertThat(visibleTo(outsider, pi)).as(outsider).isEmpty();
      }
      approveAs("zhang.director", pi);
      assertThat(pi).isWaitingAt("bookVoucher");
      Assertions.assertThat(chainRoles(pi)).containsExactly("DIRECTOR");
      Assertions.assertThat(cases.find(pi.getBusinessKey()).status()).isEqualTo("approved");
      Assertions.assertThat(visibleTo("huang.bookkeeper", pi)).hasSize(1);
      Assertions.assertThat(visibleTo("gao.director", pi)).isEmpty();
    }

    @Test
    @DisplayName("EX-2: a 1,280-yuan repair goes to the director, then the social affairs office")
    void directorThenOffice() {
      ProcessInstance pi = startAs("chen.staff", KEY, expense(1280, "repairs"));
      Assertions.assertThat(visibleTo("qian.social", pi)).isEmpty();
      approveAs("zhang.director", pi);
      assertThat(pi).isWaitingAt("approveExpense");
      Assertions.assertThat(visibleTo("zhang.director", pi)).isEmpty();
      approveAs("qian.social", pi);
      assertThat(pi).isWaitingAt("bookVoucher");
      Assertions.assertThat(chainRoles(pi)).containsExactly("DIRECTOR", "SOCIAL_AFFAIRS");
    }

    @ParameterizedTest(name = "{0} yuan {1}: office approval {2}")
    @CsvSource({
        "499.99, repairs, false", "500.00, repairs, false", "500.01, repairs, true",
        "499.99, community-affairs, false", "500.00, community-affairs, false", "500.01, community-affairs, true"})
    @DisplayName("EX-D1: 500.00 is within the director's authority, 500.01 is not, for each route")
    void boundaries(String amount, String category, boolean office) {
      ProcessInstance pi = startAs("liu.staff", KEY, expense(Double.valueOf(amount), category));
      Assertions.assertThat(entry(pi).amount()).isEqualByComparingTo(new BigDecimal(amount));
      Assertions.assertThat(entry(pi).officeNeeded()).isEqualTo(office);
      Assertions.assertThat(entry(pi).voteNeeded()).isEqualTo(office && category.equals("community-affairs"));
      Assertions.assertThat(chainRoles(pi)).hasSize(office ? 2 : 1);
    }

    @Test
    @DisplayName("Policy as data: 500 changed to 800 in the table and redeployed changes the routing, no code change")
    void thresholdIsPolicy() throws Exception {
      String dmn;
      try (InputStream in = getClass().getResourceAsStream("/processes/expense/expense-approvers.dmn")) {
        dmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String changed = dmn.replace("&lt;= 500<", "&lt;= 800<").replace("&gt; 500<", "&gt; 800<");
      Assertions.assertThat(changed).isNotEqualTo(dmn);
      ProcessInstance before = startAs("liu.staff", KEY, expense(700, "repairs"));
      Assertions.assertThat(chainRoles(before)).containsExactly("DIRECTOR", "SOCIAL_AFFAIRS");
      Deployment deployment = repository.createDeployment().name("analyst: limit 800")
          .addString("expense-approvers.dmn", changed).deploy();
      try {
        ProcessInstance after = startAs("liu.staff", KEY, expense(700, "repairs"));
        Assertions.assertThat(chainRoles(after)).containsExactly("DIRECTOR");
        ProcessInstance above = startAs("liu.staff", KEY, expense(800.01, "repairs"));
        Assertions.assertThat(chainRoles(above)).containsExactly("DIRECTOR", "SOCIAL_AFFAIRS");
      } finally {
        repository.deleteDeployment(deployment.getId(), true);
      }
    }

    @Test
    @DisplayName("Only a community's staff, bookkeeper and director apply; grid workers and street roles cannot")
    void starters() {
      ProcessInstance pi = startAs("huang.bookkeeper", KEY, expense(80, "telephone"));
      Assertions.assertThat(cases.find(pi.getBusinessKey()).communityId()).isEqualTo("zaozhi");
      Assertions.assertThatThrownBy(() -> startAs("he.grid", KEY, expense(80, "telephone")))
          .isInstanceOf(AuthorizationException.class);
      Assertions.assertThatThrownBy(() -> startAs("qian.social", KEY, expense(80, "telephone")))
          .isInstanceOf(AuthorizationException.class);
    }
  }

  @Nested
  @DisplayName("Assembly vote (EX-6, EX-7)")
  class Vote {

    private ProcessInstance atVote() {
      setClock(LocalDateTime.of(2026, 11, 23, 9, 0));
      ProcessInstance pi = startAs("liu.staff", KEY, expense(2600, "community-affairs"));
      approveAs("zhang.director", pi);
      assertThat(pi).isWaitingAt("recordVote");
      Assertions.assertThat(visibleTo("qian.social", pi)).as("the office waits for the vote").isEmpty();
      return pi;
    }

    @Test
    @DisplayName("EX-7: a passed vote reaches the office, which approves")
    void passed() {
      ProcessInstance pi = atVote();
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vote(60, 41, 31, "2026-11-17", "2026-11-20"));
      assertThat(pi).isWaitingAt("approveExpense");
      Assertions.assertThat(entry(pi).votePassed()).isTrue();
      approveAs("qian.social", pi);
      assertThat(pi).isWaitingAt("bookVoucher");
    }

    @ParameterizedTest(name = "total {0}, present {1}, in favour {2}, notice {3}: passed {4}")
    @CsvSource(delimiter = '|', value = {
        "60 | 40 | 31 | 2026-11-17 | false | 三分之二",
        "60 | 41 | 31 | 2026-11-17 | true  | ",
        "60 | 41 | 30 | 2026-11-17 | false | 半数",
        "60 | 60 | 30 | 2026-11-17 | false | 半数",
        "60 | 41 | 31 | 2026-11-18 | false | 提前 3 天",
        "61 | 40 | 31 | 2026-11-17 | false | 三分之二"})
    @DisplayName("EX-7 edges: exactly 2/3 present fails, one more passes; exactly half of ALL in favour fails; notice 2 vs 3 days ahead")
    void edges(int total, int present, int inFavour, String notice, boolean passed, String reason) {
      ProcessInstance pi = atVote();
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vote(total, present, inFavour, notice, "2026-11-20"));
      Assertions.assertThat(entry(pi).votePassed()).isEqualTo(passed);
      if (passed) {
        assertThat(pi).isWaitingAt("approveExpense");
      } else {
        assertThat(pi).isWaitingAt("reviseExpense").hasPassed("voteFailed");
        Assertions.assertThat(entry(pi).voteNote()).contains(reason);
        Assertions.assertThat(tasks.getVariable(onlyTaskFor("liu.staff", pi).getId(), "returnComment").toString())
            .contains(reason);
        Assertions.assertThat(visibleTo("qian.social", pi)).as("a failed vote never reaches the office").isEmpty();
        Assertions.assertThat(cases.find(pi.getBusinessKey()).status()).isEqualTo("rejected");
      }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "representativesPresent | 60 | 61 | 31 | 2026-11-17 | 2026-11-20",
        "votesInFavour          | 60 | 41 | 42 | 2026-11-17 | 2026-11-20",
        "noticePostedOn         | 60 | 41 | 31 | 2026-11-21 | 2026-11-20",
        "meetingOn              | 60 | 41 | 31 | 2026-11-17 | 2026-11-30"})
    @DisplayName("A tally that does not add up is refused naming the field; the vote task stays open")
    void badTally(String field, int total, int present, int inFavour, String notice, String meeting) {
      ProcessInstance pi = atVote();
      Task t = onlyTaskFor("zhang.director", pi);
      Assertions.assertThatThrownBy(() -> completeAs("zhang.director", t, vote(total, present, inFavour, notice, meeting)))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(field);
      assertThat(pi).isWaitingAt("recordVote");
    }
  }

  @Nested
  @DisplayName("Voucher (EX-3, EX-4)")
  class Voucher {

    private ProcessInstance approvedOn20Nov() {
      setClock(LocalDateTime.of(2026, 11, 20, 10, 0));
      ProcessInstance pi = startAs("chen.staff", KEY, expense(320, "office"));
      approveAs("zhang.director", pi);
      setClock(LocalDateTime.of(2026, 11, 23, 10, 0));
      return pi;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "voucherType | informal | 300    | 2026-11-21 | 白条",
        "paidOn      | invoice  | 300    | 2026-11-19 | 先支出",
        "paidAmount  | invoice  | 320.01 | 2026-11-21 | 超过批准金额"})
    @DisplayName("EX-3/EX-4: informal receipts, paying before approval and paying more than approved are refused; the task stays open")
    void refused(String field, String type, String paid, String paidOn, String message) {
      ProcessInstance pi = approvedOn20Nov();
      Task t = onlyTaskFor("huang.bookkeeper", pi);
      Assertions.assertThatThrownBy(() -> completeAs("huang.bookkeeper", t, voucher(type, Double.valueOf(paid), paidOn)))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining(message).extracting("field").isEqualTo(field);
      assertThat(pi).isWaitingAt("bookVoucher");
      Assertions.assertThat(entry(pi).bookedAt()).isNull();
    }

    @Test
    @DisplayName("EX-4: a proper voucher on or after the approval day is booked; the case closes as booked")
    void booked() {
      ProcessInstance pi = approvedOn20Nov();
      completeAs("huang.bookkeeper", onlyTaskFor("huang.bookkeeper", pi), voucher("invoice", 318.5, "2026-11-20"));
      assertThat(pi).isEnded().hasPassed("expenseBooked");
      Assertions.assertThat(entry(pi)).extracting(ExpenseEntry::voucherType, ExpenseEntry::paidAmount, ExpenseEntry::bookedBy)
          .containsExactly("invoice", new BigDecimal("318.50"), "huang.bookkeeper");
      Assertions.assertThat(cases.find(pi.getBusinessKey())).satisfies(c -> {
        Assertions.assertThat(c.status()).isEqualTo("booked");
        Assertions.assertThat(c.closedAt()).isNotNull();
      });
    }
  }

  @Test
  @DisplayName("EX-4: a community without a bookkeeper (taiping) books through its director")
  void noBookkeeperFallsBackToDirector() {
    setClock(LocalDateTime.of(2026, 11, 23, 9, 0));
    ProcessInstance pi = startAs("ma.staff", KEY, expense(60, "telephone"));
    approveAs("gao.director", pi);
    Task book = onlyTaskFor("gao.director", pi);
    assertThat(book).hasDefinitionKey("bookVoucher");
    Assertions.assertThat(visibleTo("huang.bookkeeper", pi)).isEmpty();
    completeAs("gao.director", book, voucher("receipt", 60, "2026-11-23"));
    assertThat(pi).isEnded().hasPassed("expenseBooked");
  }

  @Nested
  @DisplayName("Rejection")
  class Rejection {

    @Test
    @DisplayName("Refused by the director, resubmitted with a smaller amount: a new round, re-routed")
    void rejectThenResubmit() {
      ProcessInstance pi = startAs("chen.staff", KEY, expense(1280, "repairs"));
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), decision(false, "请先询价三家"));
      assertThat(pi).isWaitingAt("reviseExpense");
      Map<String, Object> edited = expense(450, "repairs");
      edited.put("resubmit", true);
      completeAs("chen.staff", onlyTaskFor("chen.staff", pi), edited);
      Assertions.assertThat(entry(pi).officeNeeded()).isFalse();
      approveAs("zhang.director", pi);
      assertThat(pi).isWaitingAt("bookVoucher");
      Assertions.assertThat(cases.find(pi.getBusinessKey()).submission()).isEqualTo(2);
    }

    @Test
    @DisplayName("Refused, then withdrawn: the case ends as withdrawn")
    void rejectThenWithdraw() {
      ProcessInstance pi = startAs("chen.staff", KEY, expense(120, "activities"));
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), decision(false, "本月活动经费已用完"));
      completeAs("chen.staff", onlyTaskFor("chen.staff", pi), Map.of("resubmit", false));
      assertThat(pi).isEnded().hasPassed("expenseWithdrawn");
      Assertions.assertThat(cases.find(pi.getBusinessKey()).status()).isEqualTo("withdrawn");
    }
  }

  @Nested
  @DisplayName("Bad input at start")
  class BadInput {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "amount   | 0",
        "amount   | 12.345",
        "amount   | -5",
        "category | furniture",
        "witness  | 陈静",
        "purpose  | NULL",
        "handler  | NULL"})
    @DisplayName("Refused naming the field; no instance and no register row are left")
    void refused(String field, String value) {
      Map<String, Object> v = expense(100, "office");
      Object bad = value;
      if (field.equals("amount")) {
        bad = Double.valueOf(value);
      }
      v.put(field, bad);
      long before = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
      Assertions.assertThatThrownBy(() -> startAs("chen.staff", KEY, v))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(field);
      Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    }
  }
}
