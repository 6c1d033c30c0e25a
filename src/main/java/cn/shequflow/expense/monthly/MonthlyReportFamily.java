package cn.shequflow.expense.monthly;

import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.contract.FormInputs;
import cn.shequflow.core.organisation.Role;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly expense report and financial disclosure (月度报账与财务公开, EX-5, EX-8) on the
 * platform. Nobody starts it: the schedule {@code expense-monthly} (a timer) starts one
 * {@code expense-monthly-report} per community on the first working day of each month, and each is
 * a case in the register without an applicant. The street leaders and the social affairs office see
 * every community's reports, a community's director, bookkeeper and liaison leader their own.
 */
@Configuration
public class MonthlyReportFamily {

  public static final String KEY = "expense-monthly";
  /** The schedule: a timer-started process that opens no case itself. */
  public static final String SCHEDULE_PROCESS_KEY = "expense-monthly";
  /** One community's report of one month: the family's case. */
  public static final String PROCESS_KEY = "expense-monthly-report";

  @Bean
  CaseFamily monthlyReportCaseFamily() {
    Map<String, String> statuses = new LinkedHashMap<>();
    Arrays.stream(MonthlyReportStatus.values()).forEach(s -> statuses.put(s.code(), s.label()));
    return new CaseFamily(KEY, PROCESS_KEY, "MR", "月度报账与财务公开",
        Set.of(),
        Set.of(Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE, Role.SOCIAL_AFFAIRS),
        Set.of(Role.DIRECTOR, Role.BOOKKEEPER, Role.LIAISON_LEADER),
        statuses,
        Set.of(MonthlyReportStatus.COMPLETED.code()));
  }

  @Bean
  FormInputs monthlyReportFormInputs() {
    return new FormInputs(PROCESS_KEY, MonthlyReportVariables.FORM_INPUTS);
  }

  /** The schedule has no start form and no user task: no person writes anything into it. */
  @Bean
  FormInputs monthlyScheduleFormInputs() {
    return new FormInputs(SCHEDULE_PROCESS_KEY, Map.of());
  }
}
