package cn.shequflow.leave;

import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.security.ProcessStartRights;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may apply for leave: community staff (cadres, bookkeepers, grid workers) and directors. */
@Configuration
public class LeaveAccess {

  public static final String PROCESS_KEY = "leave-request";

  @Bean
  ProcessStartRights leaveStartRights() {
    return new ProcessStartRights(PROCESS_KEY,
        Set.of(Role.DIRECTOR, Role.STAFF, Role.BOOKKEEPER, Role.GRID_WORKER));
  }
}
