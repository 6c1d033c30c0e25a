package cn.shequflow.core.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import cn.shequflow.core.organisation.IdentitySync;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.organisation.UnitLevel;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import java.util.Map;
import cn.shequflow.core.cases.TaskListColumns;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, in Chinese, readable by every member of staff, with the columns of
 * {@link TaskListColumns}. A filter is created once; its name, place (priority), description and
 * columns follow the product's at every start, so a deployment gets a renamed or reordered filter
 * on restart without a second copy. Tasklist opens the filter of the lowest priority: {@link #TODO}
 * (issue 18), what waits for me, assigned or claimable; Tasklist's counter shows the opened filter's
 * count, and {@code scripts/shequ-filters.js} shows every filter's ({@code GET /filter?itemCount=true}).
 */
@Component
public class TasklistFilters {

  /** Assigned to me, or claimable by me (a candidate user, or one of my groups a candidate group): opened first. */
  public static final String TODO = "待办";
  /** The former name of {@link #TODO} (same query): a deployment that has it gets it renamed on restart. */
  static final String FORMER_TODO = "全部待办";
  public static final String MINE = "我的待办";
  public static final String GROUP = "本组待办";
  /** Overdue incident tasks (IN-5), for supervisors only: the street's and district's roles and directors. */
  public static final String OVERDUE = "超期事件";
  /** Every overdue task the user may see, of any process (issue 10), for the same supervisors. */
  public static final String OVERDUE_ALL = "超期";
  /** Roles whose groups read {@link #OVERDUE}: every role held at the street or the district, and directors. */
  static final Set<Role> SUPERVISORS = EnumSet.copyOf(Arrays.stream(Role.values())
      .filter(r -> r.level() != UnitLevel.COMMUNITY || r == Role.DIRECTOR).toList());


  private final FilterService filters;
  private final TaskService tasks;
  private final Grants grants;
  private final IdentityService identity;

  public TasklistFilters(FilterService filters, TaskService tasks, Grants grants, IdentityService identity) {
    this.filters = filters;
    this.tasks = tasks;
    this.grants = grants;
    this.identity = identity;
  }

  public void ensureFilters() {
    renameFormer(FORMER_TODO, TODO);
    // Candidate criteria match unassigned tasks only (Camunda's default), so a task a colleague
    // claimed leaves this list.
    ensure(TODO, -20, "等我办理的全部任务：分派给我的，和我（或我所在岗位）可以认领的",
        tasks.createTaskQuery().or()
            .taskAssigneeExpression("${currentUser()}")
            .taskCandidateUserExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .endOr());
    ensure(MINE, -10, "分派给我本人的任务",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(GROUP, 0, "我所在岗位的待认领任务",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    Filter overdue = ensure(OVERDUE, 20, "已超过办理期限的事件任务（督办用）",
        tasks.createTaskQuery().processDefinitionKey("incident-report").dueBeforeExpression("${now()}")
            .orderByTaskPriority().desc().orderByDueDate().asc(), null);
    Filter overdueAll = ensure(OVERDUE_ALL, 30, "已超过办理期限的全部任务（督办用）",
        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), null);
    for (Group group : identity.createGroupQuery().groupType(IdentitySync.ROLE_GROUP_TYPE).list()) {
      if (SUPERVISORS.stream().anyMatch(r -> group.getId().endsWith("-" + r.groupSuffix()))) {
        grants.toGroup(group.getId(), Resources.FILTER, overdue.getId(), READ);
        grants.toGroup(group.getId(), Resources.FILTER, overdueAll.getId(), READ);
      }
    }
  }

  private Filter ensure(String name, int priority, String description, TaskQuery query) {
    return ensure(name, priority, description, query, IdentitySync.ALL_STAFF_GROUP);
  }

  /** A shared filter of a former name takes the new one (once), unless one of the new name exists already. */
  private void renameFormer(String former, String name) {
    if (filters.createTaskFilterQuery().filterName(name).count() > 0) {
      return;
    }
    filters.createTaskFilterQuery().filterName(former).list().stream().findFirst().ifPresent(f -> {
      f.setName(name);
      filters.saveFilter(f);
    });
  }

  /**
   * Creates the filter once and keeps its place, description and columns the product's; grants
   * READ to {@code group} (none when null). The query of an existing filter is left as it is.
   */
  private Filter ensure(String name, int priority, String description, TaskQuery query, String group) {
    Filter filter = filters.createTaskFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      properties.put("variables", TaskListColumns.filterVariables());
      filter.setProperties(properties);
      filter.setQuery(query);
      filter = filters.saveFilter(filter);
    } else {
      Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      properties.put("variables", TaskListColumns.filterVariables());
      if (!properties.equals(filter.getProperties())) {
        filter.setProperties(properties);
        filter = filters.saveFilter(filter);
      }
    }
    if (group != null) {
      grants.toGroup(group, Resources.FILTER, filter.getId(), READ);
    }
    return filter;
  }
}
