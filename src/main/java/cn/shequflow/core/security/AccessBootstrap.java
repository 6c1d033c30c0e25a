package cn.shequflow.core.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;

import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.organisation.IdentitySync;
import cn.shequflow.core.organisation.OrganisationMapper;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.organisation.RoleAssignment;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * What each role may do, granted to the mirrored groups (authorization is on, see
 * application.yaml). Tasks themselves are not granted here: the engine gives a task's assignee
 * and candidate groups READ/UPDATE on that one task, which is what keeps one community's tasks
 * away from another's (ORG-5).
 */
@Component
public class AccessBootstrap {

  /**
   * Street leaders who watch the processes in Cockpit (read-only). They oversee every community's
   * leave anyway (LV-2, LV-3); the district is not given personnel data. Each reads the instances of
   * the families that name his role among their street viewers.
   */
  static final Set<Role> SUPERVISORS = Set.of(Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE);

  private final Grants grants;
  private final OrganisationMapper organisation;
  private final List<CaseFamily> families;

  public AccessBootstrap(Grants grants, OrganisationMapper organisation, List<CaseFamily> families) {
    this.grants = grants;
    this.organisation = organisation;
    this.families = families;
  }

  public void grantAll() {
    grants.toGroup(IdentitySync.ALL_STAFF_GROUP, Resources.APPLICATION, "tasklist", ACCESS);
    List<RoleAssignment> roles = organisation.allRoles();
    for (CaseFamily family : families) {
      // Everyone who works on a process may read its definition (Tasklist shows the diagram);
      // Tasklist lists for starting only what the user may also CREATE_INSTANCE.
      grants.toGroup(IdentitySync.ALL_STAFF_GROUP, Resources.PROCESS_DEFINITION, family.processKey(), READ);
      roles.stream()
          .filter(r -> family.starters().contains(r.role()))
          .map(RoleAssignment::groupId)
          .distinct()
          .forEach(group -> {
            grants.toGroup(group, Resources.PROCESS_DEFINITION, family.processKey(), READ, CREATE_INSTANCE);
            grants.toGroup(group, Resources.PROCESS_INSTANCE, "*", CREATE);
          });
    }
    List<RoleAssignment> supervisors = roles.stream().filter(r -> SUPERVISORS.contains(r.role())).toList();
    supervisors.stream()
        .map(RoleAssignment::groupId)
        .distinct()
        .forEach(group -> {
          grants.toGroup(group, Resources.APPLICATION, "cockpit", ACCESS);
          grants.toGroup(group, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY);
          grants.toGroup(group, Resources.DECISION_DEFINITION, "*", READ);
          // Issue 10: the dashboard's 部署 count and the deployed models (no case data in them). Tasks
          // are deliberately not granted: a task is visible to its assignee and candidates only
          // (ORG-5), so the dashboard's 未完成的人工任务 counts the leader's own open tasks; the
          // 人工任务 page counts his families' open tasks from their history (CandidateGroupReport).
          grants.toGroup(group, Resources.DEPLOYMENT, "*", READ);
          // Instances are read through their definition's READ_INSTANCE, so that a family can keep a
          // supervisor out (below); earlier versions also granted READ on every instance.
          grants.withdrawFromGroup(group, Resources.PROCESS_INSTANCE, "*", READ);
        });
    // A supervisor reads in Cockpit only the families whose cases he may see (CaseFamily.streetViewers):
    // community correction's personal data is for the justice office, the county bureau and the
    // principal leader, not the leader in charge of community affairs.
    for (CaseFamily family : families) {
      supervisors.stream()
          .filter(r -> !family.streetViewers().contains(r.role()))
          .map(RoleAssignment::groupId)
          .distinct()
          .forEach(group -> grants.revokeFromGroup(group, Resources.PROCESS_DEFINITION, family.processKey(),
              READ_INSTANCE, READ_HISTORY));
    }
  }
}
