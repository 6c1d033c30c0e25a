package cn.shequflow.expense;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.approval.ApprovalStep;
import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.organisation.Representatives;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.support.ProcessTestSupport;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
  @Autowired Representatives representatives;
  @Autowired javax.sql.DataSource dataSource;

  private static final AtomicInteger SEQ = new AtomicInteger();

  /**
   * An expense of its own: the purpose and the witness are unique, so no two expenses of these tests
   * are related spending (same purpose, or same hands on the same day) unless a test makes them so.
   */
  static Map<String, Object> expense(Object amount, String category) {
    int n = SEQ.incrementAndGet();
    return expense(amount, category, "购买打印纸和墨盒（第" + n + "批）", "陈静", "刘洋" + n);
  }

  static Map<String, Object> expense(Object amount, String category, String purpose, String handler, String witness) {
    Map<String, Object> v = new HashMap<>();
    v.put("amount", amount);
    v.put("category", category);
    v.put("purpose", purpose);
    v.put("handler", handler);
    v.put("witness", witness);
    return v;
  }

  static Map<String, Object> decision(boolean approved, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("approved", approved);
    v.put("comment", comment);
    return v;
  }

  static Map<String, Object> vote(int present, int inFavour, String notice, String meeting) {
    Map<String, Object> v = new HashMap<>();
    v.put("representativesPresent", present);
    v.put("votesInFavour", inFavour);
    v.put("noticePostedOn", notice);
    v.put("meetingOn", meeting);
    return v;
  }

  static Map<String, Object> voucher(String type, Object paid, String paidOn) {
    return voucher(type, String.format("%08d", System.nanoTime() % 100_000_000L), paid, paidOn);
  }

  static Map<String, Object> voucher(String type, String number, Object paid, String paidOn) {
    Map<String, Object> v = new HashMap<>();
    v.put("voucherType", type);
    v.put("invoiceNumber", number);
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

    /** A 2,600-yuan community-affairs expense filed on 10 November, at the vote on 23 November. */
    private ProcessInstance atVote() {
      setClock(LocalDateTime.of(2026, 11, 10, 9, 0));
      ProcessInstance pi = startAs("liu.staff", KEY, expense(2600, "community-affairs"));
      approveAs("zhang.director", pi);
      assertThat(pi).isWaitingAt("recordVote");
      Assertions.assertThat(visibleTo("qian.social", pi)).as("the office waits for the vote").isEmpty();
      setClock(LocalDateTime.of(2026, 11, 23, 9, 0));
      return pi;
    }

    @Test
    @DisplayName("EX-7: a passed vote reaches the office, which approves")
    void passed() {
      ProcessInstance pi = atVote();
      Task t = onlyTaskFor("zhang.director", pi);
      Assertions.assertThat(tasks.getVariable(t.getId(), "representativesTotal")).as("shown on the form").isEqualTo(60);
      completeAs("zhang.director", t, vote(41, 31, "2026-11-17", "2026-11-20"));
      assertThat(pi).isWaitingAt("approveExpense");
      Assertions.assertThat(entry(pi).votePassed()).isTrue();
      Assertions.assertThat(entry(pi).representativesTotal()).isEqualTo(60);
      approveAs("qian.social", pi);
      assertThat(pi).isWaitingAt("bookVoucher");
    }

    @ParameterizedTest(name = "present {0}, in favour {1}, notice {2}: passed {3}")
    @CsvSource(delimiter = '|', value = {
        "40 | 31 | 2026-11-17 | false | 三分之二",
        "41 | 31 | 2026-11-17 | true  | ",
        "41 | 30 | 2026-11-17 | false | 半数",
        "60 | 30 | 2026-11-17 | false | 半数",
        "41 | 31 | 2026-11-18 | false | 提前 3 天"})
    @DisplayName("EX-7 edges on zaozhi's 60 representatives: exactly 2/3 present fails, one more passes; exactly half of ALL "
        + "in favour fails; notice 2 vs 3 days ahead")
    void edges(int present, int inFavour, String notice, boolean passed, String reason) {
      ProcessInstance pi = atVote();
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vote(present, inFavour, notice, "2026-11-20"));
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
        // The dashboard counts a failed vote as refused (issue 20): the register's kept outcome.
        Assertions.assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
            "select outcome from biz_case where business_key = ?", String.class, pi.getBusinessKey()))
            .as("EX-7: a failed vote is a refusal on the dashboard").isEqualTo("refused");
      }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "representativesPresent | 61 | 31 | 2026-11-17 | 2026-11-20",
        "votesInFavour          | 41 | 42 | 2026-11-17 | 2026-11-20",
        "noticePostedOn         | 41 | 31 | 2026-11-21 | 2026-11-20",
        "meetingOn              | 41 | 31 | 2026-11-17 | 2026-11-30"})
    @DisplayName("A tally that does not add up is refused naming the field; the vote task stays open")
    void badTally(String field, int present, int inFavour, String notice, String meeting) {
      ProcessInstance pi = atVote();
      Task t = onlyTaskFor("zhang.director", pi);
      Assertions.assertThatThrownBy(() -> completeAs("zhang.director", t, vote(present, inFavour, notice, meeting)))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(field);
      assertThat(pi).isWaitingAt("recordVote");
    }

    @ParameterizedTest(name = "{0}: notice {1}, meeting {2}")
    @CsvSource(delimiter = '|', value = {
        "meetingOn      | 1900-01-01 | 1900-01-05",
        "meetingOn      | 2026-11-01 | 2026-11-09"})
    @DisplayName("EX-7: the meeting comes after the request was filed (10 November): a meeting of 1900-01-05 or of "
        + "9 November is refused naming meetingOn, and nothing is recorded")
    void meetingAfterTheRequest(String field, String notice, String meeting) {
      ProcessInstance pi = atVote();
      Task t = onlyTaskFor("zhang.director", pi);
      List<String> timeline = actions(pi);
      Map<String, Object> forged = vote(1, 1, notice, meeting);
      forged.put("representativesTotal", 1);
      Assertions.assertThatThrownBy(() -> completeAs("zhang.director", t, forged))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("2026-11-10")
          .extracting("field").isEqualTo(field);
      assertThat(pi).isWaitingAt("recordVote");
      Assertions.assertThat(entry(pi).votePassed()).isNull();
      Assertions.assertThat(entry(pi).representativesTotal()).isNull();
      Assertions.assertThat(actions(pi)).isEqualTo(timeline);
    }

    @Test
    @DisplayName("EX-7: the administrator's number is the one counted: with 80 representatives kept for zaozhi, "
        + "41 present of them is no quorum")
    void administratorsNumberCounts() {
      ProcessInstance pi = atVote();
      try {
        representatives.set("zaozhi", 80, "admin");
        completeAs("zhang.director", onlyTaskFor("zhang.director", pi), vote(41, 41, "2026-11-17", "2026-11-20"));
      } finally {
        representatives.set("zaozhi", 60, "admin");
      }
      Assertions.assertThat(entry(pi).representativesTotal()).isEqualTo(80);
      Assertions.assertThat(entry(pi).voteNote()).contains("全体代表 80 人的三分之二");
    }

    @Test
    @DisplayName("EX-7: '1 representative in total, 1 present, 1 in favour' fails: the total is zaozhi's 60 representatives, "
        + "not a number typed at the vote")
    void totalIsTheOrganisations() {
      ProcessInstance pi = atVote();
      Map<String, Object> forged = vote(1, 1, "2026-11-17", "2026-11-20");
      forged.put("representativesTotal", 1);
      completeAs("zhang.director", onlyTaskFor("zhang.director", pi), forged);
      Assertions.assertThat(entry(pi).votePassed()).isFalse();
      Assertions.assertThat(entry(pi).representativesTotal()).isEqualTo(60);
      Assertions.assertThat(entry(pi).voteNote()).contains("全体代表 60 人");
      assertThat(pi).isWaitingAt("reviseExpense");
    }
  }

  @Nested
  @DisplayName("Related spending (EX-1, EX-2)")
  class Related {

    private String purpose(String text) {
      return text + "（" + SEQ.incrementAndGet() + "）";
    }

    @Test
    @DisplayName("EX-1, EX-2: two 300-yuan expenses, same purpose, handler and witness, same day: the second is flagged "
        + "to the director and routed as 600 yuan would be, to the social affairs office")
    void splitInTwo() {
      setClock(LocalDateTime.of(2026, 11, 16, 9, 0));
      String purpose = purpose("购买社区活动音响");
      ProcessInstance first = startAs("chen.staff", KEY, expense(300, "activities", purpose, "陈静", "刘洋"));
      approveAs("zhang.director", first);
      Assertions.assertThat(chainRoles(first)).containsExactly("DIRECTOR");

      ProcessInstance second = startAs("liu.staff", KEY, expense(300, "activities", purpose, "陈静", "刘洋"));
      Assertions.assertThat(chainRoles(second)).containsExactly("DIRECTOR", "SOCIAL_AFFAIRS");
      Task t = onlyTaskFor("zhang.director", second);
      Assertions.assertThat(t.getName()).contains("关联开支", "600.00");
      Assertions.assertThat((String) tasks.getVariable(t.getId(), "relatedExpenses"))
          .contains(first.getBusinessKey(), "300.00", "600.00");
      Assertions.assertThat(actions(second)).contains("related-expenses");
      approveAs("zhang.director", second);
      assertThat(second).isWaitingAt("approveExpense");
      Assertions.assertThat(visibleTo("qian.social", second)).hasSize(1);
    }

    @Test
    @DisplayName("EX-1, EX-2, EX-6: community-affairs spending split in two (300 + 300, same purpose, 12 days apart) goes "
        + "to the assembly vote and the office, as 600 yuan would")
    void communityAffairsSplit() {
      String purpose = purpose("小区健身器材维护");
      setClock(LocalDateTime.of(2026, 11, 4, 9, 0));
      ProcessInstance first = startAs("chen.staff", KEY, expense(300, "community-affairs", purpose, "陈静", "刘洋"));
      setClock(LocalDateTime.of(2026, 11, 16, 9, 0));
      ProcessInstance second = startAs("chen.staff", KEY, expense(300, "community-affairs", " " + purpose + "。", "陈静", "黄丽"));
      Assertions.assertThat(entry(second).relatedAmount()).isEqualByComparingTo("300.00");
      Assertions.assertThat(entry(second).routeAmount()).isEqualByComparingTo("600.00");
      Assertions.assertThat(entry(second).voteNeeded()).isTrue();
      Assertions.assertThat(entry(second).relatedNote()).contains(first.getBusinessKey(), "同类别、同用途");
      approveAs("zhang.director", second);
      assertThat(second).isWaitingAt("recordVote");
      Assertions.assertThat(entry(first).relatedAmount()).as("the earlier one was routed on its own").isNull();
    }

    @Test
    @DisplayName("EX-1, EX-2: not related: another purpose the next day, another category, another community, "
        + "or an earlier expense that was refused; the approver reads 无 and the route is the amount's own")
    void notRelated() {
      String purpose = purpose("更换楼道灯泡");
      setClock(LocalDateTime.of(2026, 11, 17, 9, 0));
      ProcessInstance refused = startAs("chen.staff", KEY, expense(450, "repairs", purpose, "陈静", "刘洋"));
      completeAs("zhang.director", onlyTaskFor("zhang.director", refused), decision(false, "请合并申请"));
      startAs("ma.staff", KEY, expense(450, "repairs", purpose, "陈静", "刘洋"));
      startAs("chen.staff", KEY, expense(450, "office", purpose, "陈静", "刘洋"));
      startAs("chen.staff", KEY, expense(450, "repairs", purpose("更换门锁"), "陈静", "刘洋"));
      setClock(LocalDateTime.of(2026, 11, 18, 9, 0));

      ProcessInstance pi = startAs("chen.staff", KEY, expense(450, "repairs", purpose, "陈静", "刘洋"));
      Assertions.assertThat(entry(pi).relatedAmount()).isNull();
      Assertions.assertThat(chainRoles(pi)).containsExactly("DIRECTOR");
      Task t = onlyTaskFor("zhang.director", pi);
      Assertions.assertThat(t.getName()).doesNotContain("关联");
      Assertions.assertThat((String) tasks.getVariable(t.getId(), "relatedExpenses")).startsWith("无");
      Assertions.assertThat(actions(pi)).doesNotContain("related-expenses");

      ProcessInstance sameHands = startAs("liu.staff", KEY, expense(100, "repairs", purpose("修理活动室窗户"), "陈静", "刘洋"));
      Assertions.assertThat(entry(sameHands).relatedNote()).as("same day, category, handler and witness")
          .contains("经手人和证明人相同").doesNotContain(refused.getBusinessKey());
      Assertions.assertThat(chainRoles(sameHands)).containsExactly("DIRECTOR", "SOCIAL_AFFAIRS");
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

  @Nested
  @DisplayName("One voucher, one booking (EX-4)")
  class VoucherOnce {

    private ProcessInstance approved() {
      setClock(LocalDateTime.of(2026, 11, 20, 10, 0));
      ProcessInstance pi = startAs("chen.staff", KEY, expense(320, "office"));
      approveAs("zhang.director", pi);
      setClock(LocalDateTime.of(2026, 11, 23, 10, 0));
      return pi;
    }

    private Map<String, Object> invoice(String code, String number) {
      Map<String, Object> v = voucher("invoice", number, 300, "2026-11-21");
      v.put("invoiceCode", code);
      return v;
    }

    @Test
    @DisplayName("EX-4: an invoice (code + number) booked on one expense is refused on another, written differently or "
        + "as a receipt, naming invoiceNumber; nothing is left behind; the same number under another code is another invoice")
    void bookedOnce() {
      String number = String.format("%08d", System.nanoTime() % 100_000_000L);
      ProcessInstance first = approved();
      ProcessInstance second = approved();
      completeAs("huang.bookkeeper", onlyTaskFor("huang.bookkeeper", first), invoice("036002100111", number));
      assertThat(first).isEnded();

      Task t = onlyTaskFor("huang.bookkeeper", second);
      attachRequired("huang.bookkeeper", t, invoice("036002100111", number));
      List<String> timeline = actions(second);
      for (Map<String, Object> again : List.of(invoice("036002100111", number), invoice(" 0360 0210 0111 ", "No." + number),
          invoice("036002100111", "ＮＯ． " + number))) {
        Assertions.assertThatThrownBy(() -> completeAs("huang.bookkeeper", t, again))
            .isInstanceOfSatisfying(InvalidInputException.class, e -> Assertions.assertThat(e.getMessage())
                .contains("已报账").as("no rule id").doesNotContainPattern("EX-\\d+(?!\\d*-)"))
            .extracting("field").isEqualTo("invoiceNumber");
      }
      Map<String, Object> asReceipt = invoice("036002100111", number);
      asReceipt.put("voucherType", "receipt");
      Assertions.assertThatThrownBy(() -> completeAs("huang.bookkeeper", t, asReceipt))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("invoiceNumber");
      assertThat(second).isWaitingAt("bookVoucher");
      Assertions.assertThat(entry(second).bookedAt()).isNull();
      Assertions.assertThat(entry(second).invoiceNumber()).isNull();
      Assertions.assertThat(actions(second)).isEqualTo(timeline);
      Assertions.assertThat(cases.find(second.getBusinessKey()).status()).isEqualTo("approved");

      completeAs("huang.bookkeeper", t, invoice("036002100112", number));
      assertThat(second).isEnded().hasPassed("expenseBooked");
      Assertions.assertThat(entry(second).invoiceNumber()).isEqualTo(number);
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
