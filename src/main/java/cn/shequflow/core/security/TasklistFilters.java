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
 * {@link TaskListColumns}. A filter is created once; its columns follow the product's at every start.
 */
@Component
public class TasklistFilters {

  public static final String MINE = "我的待办";
  public static final String GROUP = "本组待办";
  public static final String ALL = "全部待办";
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
    ensure(MINE, -10, "分派给我本人的任务",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure(GROUP, 0, "我所在岗位的待认领任务",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    ensure(ALL, 10, "我本人的和我所在岗位的全部任务",
        tasks.createTaskQuery().or()
            .taskAssigneeExpression("${currentUser()}")
            .taskCandidateUserExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .endOr());
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

  /** Creates the filter once, keeps its columns, and grants READ to {@code group} (none when null). */
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
    } else if (!TaskListColumns.filterVariables().equals(filter.getProperties().get("variables"))) {
      Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
      properties.put("variables", TaskListColumns.filterVariables());
      filter.setProperties(properties);
      filter = filters.saveFilter(filter);
    }
    if (group != null) {
      grants.toGroup(group, Resources.FILTER, filter.getId(), READ);
    }
    return filter;
  }
}
