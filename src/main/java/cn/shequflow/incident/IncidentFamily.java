package cn.shequflow.incident;

import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.contract.FormInputs;
import cn.shequflow.core.organisation.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Incidents (事件上报、处置、督办, IN-1..IN-10) on the platform: a community's grid workers, staff and
 * director report for their community; the street leaders, the street department and the district
 * supervision office see every community, a community's director, staff and liaison leader their own.
 */
@Configuration
public class IncidentFamily {

  public static final String KEY = "incident-report";
  public static final String PROCESS_KEY = "incident-report";

  public static final String REPORTED = "reported";
  public static final String ACCEPTED = "accepted";
  public static final String ESCALATED = "escalated";
  public static final String HANDLED = "handled";
  public static final String REOPENED = "reopened";
  public static final String CLOSED = "closed";

  @Bean
  CaseFamily incidentCaseFamily() {
    Map<String, String> statuses = new LinkedHashMap<>();
    statuses.put(REPORTED, "已上报");
    statuses.put(ACCEPTED, "已签收，处置中");
    statuses.put(ESCALATED, "已升级至街道综治办");
    statuses.put(HANDLED, "已处置，待反馈确认");
    statuses.put(REOPENED, "重新办理");
    statuses.put(CLOSED, "已办结归档");
    return new CaseFamily(KEY, PROCESS_KEY, "IR", "事件上报",
        Set.of(Role.GRID_WORKER, Role.STAFF, Role.DIRECTOR),
        Set.of(Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE, Role.STREET_DEPARTMENT, Role.DISTRICT_SUPERVISION),
        Set.of(Role.DIRECTOR, Role.STAFF, Role.LIAISON_LEADER),
        statuses,
        Set.of(CLOSED));
  }

  @Bean
  FormInputs incidentFormInputs() {
    return new FormInputs(PROCESS_KEY, IncidentVariables.FORM_INPUTS);
  }
}
