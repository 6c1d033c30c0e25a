package cn.shequflow.core.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import cn.shequflow.core.organisation.IdentitySync;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/** The shared Tasklist filters, in Chinese, readable by every member of staff. */
@Component
public class TasklistFilters {

  public static final String MINE = "我的待办";
  public static final String GROUP = "本组待办";
  public static final String ALL = "全部待办";

  /** Variables shown as columns in the task list. */
  static final List<Map<String, String>> COLUMNS = List.of(
      column("requestNo", "编号"),
      column("applicantName", "申请人"),
      column("communityName", "社区"),
      column("leaveTypeLabel", "类型"),
      column("days", "天数"),
      column("startDate", "开始日期"),
      column("endDate", "结束日期"));

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
      properties.put("variables", COLUMNS);
      filter.setProperties(properties);
      filter.setQuery(query);
      filter = filters.saveFilter(filter);
    }
    grants.toGroup(IdentitySync.ALL_STAFF_GROUP, Resources.FILTER, filter.getId(), READ);
  }

  private static Map<String, String> column(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}
