package cn.shequflow.residence;

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
 * Residents moving in and out (居民迁入/迁出登记, RM-1..RM-4) on the platform: a community's staff, grid
 * workers and director file for their community; the community's staff verify and record it in the
 * resident register. The street leaders, the social affairs office and the street department see
 * every community; a community's director, staff, grid workers and liaison leader their own.
 */
@Configuration
public class ResidenceFamily {

  public static final String KEY = "resident-move";
  public static final String PROCESS_KEY = "resident-move";

  @Bean
  CaseFamily residentMoveCaseFamily() {
    Map<String, String> statuses = new LinkedHashMap<>();
    Arrays.stream(ResidentMoveStatus.values()).forEach(s -> statuses.put(s.code(), s.label()));
    return new CaseFamily(KEY, PROCESS_KEY, "RM", "居民迁入迁出登记",
        Set.of(Role.STAFF, Role.GRID_WORKER, Role.DIRECTOR),
        Set.of(Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE, Role.SOCIAL_AFFAIRS, Role.STREET_DEPARTMENT),
        Set.of(Role.DIRECTOR, Role.STAFF, Role.GRID_WORKER, Role.LIAISON_LEADER),
        statuses,
        Set.of(ResidentMoveStatus.WITHDRAWN.code(), ResidentMoveStatus.RECORDED.code(),
            ResidentMoveStatus.RECORDED_LATE.code()));
  }

  @Bean
  FormInputs residentMoveFormInputs() {
    return new FormInputs(PROCESS_KEY, ResidentMoveVariables.FORM_INPUTS);
  }
}
