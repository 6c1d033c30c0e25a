package cn.shequflow.expense;

import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.LedgerChoices;
import cn.shequflow.core.contract.FormInputs;
import cn.shequflow.core.organisation.Role;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Expenses (开支审批) on the platform: a community's staff, bookkeeper and director apply for their
 * community (EX-1); the street leaders and the social affairs office oversee every community, a
 * community's director, bookkeeper and liaison leader their own.
 */
@Configuration
public class ExpenseFamily {

  public static final String KEY = "expense";
  public static final String PROCESS_KEY = "expense-approval";

  @Bean
  CaseFamily expenseCaseFamily() {
    Map<String, String> statuses = new LinkedHashMap<>();
    Arrays.stream(ExpenseStatus.values()).forEach(s -> statuses.put(s.code(), s.label()));
    return new CaseFamily(KEY, PROCESS_KEY, "EX", "开支审批",
        Set.of(Role.DIRECTOR, Role.STAFF, Role.BOOKKEEPER),
        Set.of(Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE, Role.SOCIAL_AFFAIRS),
        Set.of(Role.DIRECTOR, Role.BOOKKEEPER, Role.LIAISON_LEADER),
        statuses,
        Set.of(ExpenseStatus.WITHDRAWN.code(), ExpenseStatus.BOOKED.code(), ExpenseStatus.VOIDED.code()));
  }

  @Bean
  FormInputs expenseFormInputs() {
    return new FormInputs(PROCESS_KEY, ExpenseVariables.FORM_INPUTS);
  }

  /** The ledger's filter offers the family's statuses. */
  @Bean
  LedgerChoices expenseLedgerChoices() {
    return LedgerChoices.statuses("expenses", expenseCaseFamily());
  }
}
