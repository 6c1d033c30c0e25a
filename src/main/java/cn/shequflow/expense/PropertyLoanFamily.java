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
 * Lending out committee property (集体财物外借, EX-9) on the platform: a community's staff and director
 * apply for their community; the street leaders and the social affairs office oversee every
 * community, a community's director and liaison leader their own.
 */
@Configuration
public class PropertyLoanFamily {

  public static final String KEY = "property-loan";
  public static final String PROCESS_KEY = "property-loan";

  @Bean
  CaseFamily propertyLoanCaseFamily() {
    Map<String, String> statuses = new LinkedHashMap<>();
    Arrays.stream(PropertyLoanStatus.values()).forEach(s -> statuses.put(s.code(), s.label()));
    return new CaseFamily(KEY, PROCESS_KEY, "PL", "集体财物外借",
        Set.of(Role.STAFF, Role.DIRECTOR),
        Set.of(Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE, Role.SOCIAL_AFFAIRS),
        Set.of(Role.DIRECTOR, Role.LIAISON_LEADER),
        statuses,
        Set.of(PropertyLoanStatus.WITHDRAWN.code(), PropertyLoanStatus.RETURNED.code()),
        // Besides the community's own people, the street's 综治办 may be copied or asked to co-sign a
        // loan (safety of what is lent); it then sees that loan, not the ledger.
        participants());
  }

  private static Set<Role> participants() {
    Set<Role> roles = new java.util.HashSet<>(CaseFamily.COMMUNITY_ROLES);
    roles.add(Role.STREET_DEPARTMENT);
    return roles;
  }

  @Bean
  FormInputs propertyLoanFormInputs() {
    return new FormInputs(PROCESS_KEY, PropertyLoanVariables.FORM_INPUTS);
  }

  /** The ledger's filter offers the family's statuses. */
  @Bean
  LedgerChoices propertyLoanLedgerChoices() {
    return LedgerChoices.statuses("loans", propertyLoanCaseFamily());
  }
}
