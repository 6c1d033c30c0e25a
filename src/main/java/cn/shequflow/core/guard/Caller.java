package cn.shequflow.core.guard;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/** The person on whose behalf an engine command runs (REST, Tasklist or Cockpit). */
public record Caller(String userId, List<String> groupIds) {

  public Caller {
    groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
  }

  public boolean isAdmin() {
    return groupIds.contains(Groups.CAMUNDA_ADMIN);
  }
}
