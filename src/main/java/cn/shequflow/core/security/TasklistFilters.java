package cn.shequflow.core.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import cn.shequflow.core.organisation.IdentitySync;
import java.util.LinkedHashMap;
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


  private final FilterService filters;
  private final TaskService tasks;
  private final Grants grants;

  public TasklistFilters(FilterService filters, TaskService tasks, Grants grants) {
    this.filters = filters;
    this.tasks = tasks;
    this.grants = grants;
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
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
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
      filters.saveFilter(filter);
    }
    grants.toGroup(IdentitySync.ALL_STAFF_GROUP, Resources.FILTER, filter.getId(), READ);
  }
}
