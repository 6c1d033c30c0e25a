package cn.shequflow.leave;

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
 * Leave (请假) on the platform: who may apply (the community's staff, bookkeepers, grid workers
 * and director), who oversees it (street leaders and the social affairs office everywhere, a
 * community's director and liaison leader there), its statuses, and what its forms accept.
 */
@Configuration
public class LeaveFamily {

  public static final String KEY = "leave";
  public static final String PROCESS_KEY = "leave-request";

  @Bean
  CaseFamily leaveCaseFamily() {
    Map<String, String> statuses = new LinkedHashMap<>();
    Arrays.stream(LeaveStatus.values()).forEach(s -> statuses.put(s.code(), s.label()));
    return new CaseFamily(KEY, PROCESS_KEY, "LV", "请假",
        Set.of(Role.DIRECTOR, Role.STAFF, Role.BOOKKEEPER, Role.GRID_WORKER),
        Set.of(Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE, Role.SOCIAL_AFFAIRS),
        Set.of(Role.DIRECTOR, Role.LIAISON_LEADER),
        statuses,
        Set.of(LeaveStatus.WITHDRAWN.code(), LeaveStatus.RETURNED.code(), LeaveStatus.VOIDED.code()));
  }

  @Bean
  FormInputs leaveFormInputs() {
    return new FormInputs(PROCESS_KEY, LeaveVariables.FORM_INPUTS);
  }

  /** The ledger's filter offers the family's statuses. */
  @Bean
  LedgerChoices leaveLedgerChoices() {
    return LedgerChoices.statuses("leave", leaveCaseFamily());
  }
}
