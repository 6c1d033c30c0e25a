package cn.shequflow.expense;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.PolicyDecisions;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Service task {@code checkRelatedExpenses} (EX-1, EX-2: splitting one spending into several below
 * the director's authority). Before the route is decided, the community's earlier live expenses
 * (pending, approved, booked) filed within the window of decision {@code relatedExpenseWindow} are
 * each put to decision {@code relatedExpense} (processes/expense/expense-related.dmn): the window
 * and the rule are policy, in the tables. The related ones are summed into the register
 * ({@code related_amount}), so that {@code expenseRoute} decides on this expense and the related
 * ones together; the approver is told on the task's name, on the form ({@code relatedExpenses}) and
 * on the case's timeline ({@code related-expenses}). Both are policy decisions ({@link PolicyDecisions}:
 * latest version, no decision history; issue 21: with the engine's decision history each earlier
 * expense wrote about 8 rows on every filing, and the related ones and why are on the timeline).
 */
@Component("checkRelatedExpenses")
public class CheckRelatedExpenses implements JavaDelegate {

  static final String WINDOW_DECISION = "relatedExpenseWindow";
  static final String RULE_DECISION = "relatedExpense";
  /** The form's read-only field. */
  static final String RELATED_EXPENSES = "relatedExpenses";
  /** The end of the approval task's name, e.g. {@code ，连同关联开支共 600.00 元}. */
  static final String RELATED_LABEL = "relatedLabel";
  static final String EVENT = "related-expenses";
  /** Lines shown at most; the sum always counts them all. */
  static final int MAX_LINES = 10;

  private static final List<String> LIVE = List.of(ExpenseStatus.PENDING.code(), ExpenseStatus.APPROVED.code(),
      ExpenseStatus.BOOKED.code());

  private final ExpenseRegister register;
  private final Cases cases;
  private final PolicyDecisions decisions;

  public CheckRelatedExpenses(ExpenseRegister register, Cases cases, PolicyDecisions decisions) {
    this.register = register;
    this.cases = cases;
    this.decisions = decisions;
  }

  /** One related expense and why. */
  record Related(ExpenseEntry expense, String reason) {}

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    ExpenseEntry self = register.find(record.businessKey());
    LocalDate today = Clock.today();
    int windowDays = windowDays(self.category());
    List<Related> related = new ArrayList<>();
    for (ExpenseEntry earlier : register.filedBetween(record.communityId(), record.businessKey(),
        today.minusDays(windowDays).atStartOfDay(), Clock.now(), LIVE)) {
      String reason = relatedBy(self, earlier, today);
      if (reason != null) {
        related.add(new Related(earlier, reason));
      }
    }
    if (related.isEmpty()) {
      register.setRelated(record.businessKey(), null, null);
      execution.setVariable(RELATED_EXPENSES, "无（近 " + windowDays + " 天内本社区没有与本笔关联的开支）");
      execution.setVariable(RELATED_LABEL, "");
      return;
    }
    BigDecimal sum = related.stream().map(r -> r.expense().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal total = self.amount().add(sum);
    String note = note(windowDays, related, sum, self.amount(), total);
    register.setRelated(record.businessKey(), sum, cn.shequflow.core.process.Texts.fit(note, 1000));
    execution.setVariable(RELATED_EXPENSES, note);
    execution.setVariable(RELATED_LABEL, "，连同关联开支共 " + total.toPlainString() + " 元");
    String keys = String.join("、", related.stream().map(r -> r.expense().businessKey()
        + "（" + r.expense().amount().toPlainString() + " 元，" + r.reason() + "）").toList());
    cases.event(record.businessKey(), null, EVENT, null, null,
        "与本社区较早的开支 " + keys + " 关联；连同本笔共 " + total.toPlainString() + " 元，按合计金额确定审批路径");
  }

  private int windowDays(String category) {
    DmnDecisionResultEntries window = decisions.evaluate(WINDOW_DECISION, Map.of("category", category))
        .getSingleResult();
    Object days = window == null ? null : window.getEntry("windowDays");
    if (!(days instanceof Number n) || n.intValue() < 0) {
      throw new IllegalStateException("Decision " + WINDOW_DECISION + " gave no window for " + category);
    }
    return n.intValue();
  }

  /** Why {@code earlier} is related to {@code self} by the policy table, or null. */
  private String relatedBy(ExpenseEntry self, ExpenseEntry earlier, LocalDate today) {
    Map<String, Object> input = Variables.createVariables()
        .putValue("daysApart", (int) ChronoUnit.DAYS.between(earlier.submittedAt().toLocalDate(), today))
        .putValue("sameCategory", self.category().equals(earlier.category()))
        .putValue("samePurpose", comparable(self.purpose()).equals(comparable(earlier.purpose())))
        .putValue("sameHandler", name(self.handler()).equals(name(earlier.handler())))
        .putValue("sameWitness", name(self.witness()).equals(name(earlier.witness())));
    DmnDecisionResultEntries result = decisions.evaluate(RULE_DECISION, input).getSingleResult();
    if (result == null || !Boolean.TRUE.equals(result.getEntry("related"))) {
      return null;
    }
    Object reason = result.getEntry("reason");
    return reason == null || reason.toString().isBlank() ? "关联" : reason.toString();
  }

  private static String note(int windowDays, List<Related> related, BigDecimal sum, BigDecimal amount, BigDecimal total) {
    StringBuilder text = new StringBuilder("近 " + windowDays + " 天内本社区另有 " + related.size() + " 笔关联开支，合计 "
        + sum.toPlainString() + " 元：");
    for (Related r : related.subList(0, Math.min(related.size(), MAX_LINES))) {
      ExpenseEntry e = r.expense();
      text.append('\n').append(e.businessKey()).append(" ｜ ").append(e.submittedAt().toLocalDate()).append(" ｜ ")
          .append(ExpenseCategory.of(e.category()).label()).append(" ｜ ").append(abbreviate(e.purpose())).append(" ｜ ")
          .append(e.amount().toPlainString()).append(" 元（").append(status(e.status())).append("；").append(r.reason())
          .append("）");
    }
    if (related.size() > MAX_LINES) {
      text.append("\n……另有 ").append(related.size() - MAX_LINES).append(" 笔未列出（已计入合计）");
    }
    text.append("\n连同本笔 ").append(amount.toPlainString()).append(" 元共 ").append(total.toPlainString())
        .append(" 元，已按合计金额确定审批路径。");
    return text.toString();
  }

  private static String status(String code) {
    for (ExpenseStatus s : ExpenseStatus.values()) {
      if (s.code().equals(code)) {
        return s.label();
      }
    }
    return code;
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.codePointCount(0, oneLine.length()) <= 40 ? oneLine
        : oneLine.substring(0, oneLine.offsetByCodePoints(0, 40)) + "…";
  }

  /** A purpose as compared: full-width as ordinary, no spaces, punctuation or symbols, lower case. */
  static String comparable(String purpose) {
    return Normalizer.normalize(purpose, Normalizer.Form.NFKC).replaceAll("[\\s\\p{P}\\p{S}]+", "")
        .toLowerCase(Locale.ROOT);
  }

  private static String name(String person) {
    return Normalizer.normalize(person, Normalizer.Form.NFKC).replaceAll("\\s+", "");
  }
}
