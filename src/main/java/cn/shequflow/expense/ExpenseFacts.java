package cn.shequflow.expense;

import cn.shequflow.core.cases.Cases;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * What the expense model reads from the register ({@code ${expenseFacts.amount(execution)}}): the
 * policy tables and gateways decide on the stored request and vote, never on a process variable.
 */
@Service("expenseFacts")
public class ExpenseFacts {

  /** Result variable of the business rule task {@code decideRoute} (removed once stored). */
  static final String ROUTE_VARIABLE = "route";

  private final ExpenseRegister register;
  private final Cases cases;

  public ExpenseFacts(ExpenseRegister register, Cases cases) {
    this.register = register;
    this.cases = cases;
  }

  public ExpenseEntry of(DelegateExecution execution) {
    ExpenseEntry entry = register.find(cases.of(execution).businessKey());
    if (entry == null) {
      throw new IllegalStateException("No expense registered for " + execution.getProcessBusinessKey());
    }
    return entry;
  }

  public double amount(DelegateExecution execution) {
    return of(execution).amount().doubleValue();
  }

  /**
   * What the route is decided on (EX-1, EX-2): the amount together with the earlier related
   * expenses {@code checkRelatedExpenses} found, as a split spending would have been as a whole.
   */
  public double routeAmount(DelegateExecution execution) {
    return of(execution).routeAmount().doubleValue();
  }

  public String category(DelegateExecution execution) {
    return of(execution).category();
  }

  /** End listener of {@code decideRoute}: stores whether the office approves and a vote is needed. */
  public void applyRoute(DelegateExecution execution) {
    Object route = execution.getVariable(ROUTE_VARIABLE);
    execution.removeVariable(ROUTE_VARIABLE);
    if (!(route instanceof Map<?, ?> map)) {
      throw new IllegalStateException("Decision expenseRoute gave no result for " + execution.getProcessBusinessKey());
    }
    register.setRoute(of(execution).businessKey(), Boolean.TRUE.equals(map.get("officeApproval")),
        Boolean.TRUE.equals(map.get("voteNeeded")));
  }

  /** EX-6: a vote is needed and not yet recorded for this round. */
  public boolean voteOutstanding(DelegateExecution execution) {
    ExpenseEntry e = of(execution);
    return e.voteNeeded() && e.votePassed() == null;
  }

  public boolean votePassed(DelegateExecution execution) {
    return Boolean.TRUE.equals(of(execution).votePassed());
  }
}
