package cn.shequflow.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.cases.TaskListColumns;
import cn.shequflow.core.security.TasklistFilters;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.StartForms;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 21: the task and variable lists and counts that Tasklist and {@code /engine-rest} run ask the
 * engine's authorization question as EXISTS ({@link TaskQueryAuthorization}); every demo user gets
 * exactly what the engine's own SQL gives, and one community's tasks stay with it (ORG-5).
 */
public class TaskQueryAuthorizationTest extends RestTestSupport {

  public static final List<String> USERS = List.of("zhang.director", "gao.director", "liu.staff", "chen.staff",
      "ma.staff", "he.grid", "xu.grid", "zhou.liaison", "sun.liaison", "li.leader", "wang.principal",
      "qian.social", "feng.dept", "wei.justice", "zheng.district", "jiang.county", "admin");

  @Test
  @DisplayName("Issue 21, ORG-5: the EXISTS form lists and counts the same tasks and variables as the engine's join, for every demo user and filter")
  void sameTasksAsTheEnginesJoin() {
    // Open tasks in both communities, of more than one family and kind of task.
    String zaozhiLeave = start("liu.staff", leave(1)).get("id").asText();
    String taipingLeave = start("ma.staff", leave(1)).get("id").asText();
    RestClient.Response incident = as("he.grid").post("/engine-rest/process-definition/key/incident-report/start",
        RestClient.variables(StartForms.incident("枣枝社区3号楼", "3号楼门口井盖破损")));
    assertThat(incident.status()).as(incident.body()).isEqualTo(200);

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    assertThat(sessions.mapStatement("selectTaskByQueryCriteria"))
        .isEqualTo("selectTaskByQueryCriteria_authorizedByExists");
    TaskQueryAuthorization.STATEMENTS.forEach((engines, ours) ->
        assertThat(sessions.mapStatement(engines)).isEqualTo(ours));

    // The EXISTS form really runs for a director (the engine's statement log names our statement).
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(
        "cn.shequflow.core.inbox.TaskQueryAuthorization.selectTaskByQueryCriteria_authorizedByExists");
    Level level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(log);
    log.start();
    Map<String, Object> exists;
    try {
      exists = answers(configuration);
    } finally {
      logger.detachAppender(log);
      logger.setLevel(level);
    }
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(m -> m.contains("EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A"));
    assertThat(exists).isEqualTo(enginesJoin(sessions, configuration));

    // Not trivially equal: the directors see their own community's leave and not the other's.
    assertThat(taskInstances(exists, "zhang.director")).contains(zaozhiLeave).doesNotContain(taipingLeave);
    assertThat(taskInstances(exists, "gao.director")).contains(taipingLeave).doesNotContain(zaozhiLeave);
    assertThat(taskInstances(exists, "liu.staff")).doesNotContain(zaozhiLeave, taipingLeave);

    // The grants the demo organisation does not hold: one on a process definition (READ_TASK, for a
    // person) and a global one on a task (every user). Both forms again, while they exist.
    String incidentInstance = incident.json().get("id").asText();
    String incidentTask = engine.getTaskService().createTaskQuery().processInstanceId(incidentInstance).singleResult().getId();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization onDefinition = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    onDefinition.setUserId("qian.social");
    onDefinition.setResource(Resources.PROCESS_DEFINITION);
    onDefinition.setResourceId("leave-request");
    onDefinition.addPermission(Permissions.READ_TASK);
    Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    global.setResource(Resources.TASK);
    global.setResourceId(incidentTask);
    global.addPermission(Permissions.READ);
    String definitionGrant = authorizations.saveAuthorization(onDefinition).getId();
    String globalGrant = authorizations.saveAuthorization(global).getId();
    try {
      Map<String, Object> granted = answers(configuration);
      assertThat(granted).isEqualTo(enginesJoin(sessions, configuration));
      assertThat(taskInstances(granted, "qian.social")).contains(zaozhiLeave, taipingLeave);
      assertThat(taskInstances(granted, "liu.staff")).contains(incidentInstance);
    } finally {
      authorizations.deleteAuthorization(definitionGrant);
      authorizations.deleteAuthorization(globalGrant);
    }
  }

  /** The same answers from the engine's own statements (the product's mappings set aside meanwhile). */
  private Map<String, Object> enginesJoin(DbSqlSessionFactory sessions, ProcessEngineConfigurationImpl configuration) {
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> enginesOwn = new HashMap<>(ours);
    TaskQueryAuthorization.STATEMENTS.keySet().forEach(enginesOwn::remove);
    sessions.setStatementMappings(enginesOwn);
    try {
      return answers(configuration);
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  /**
   * Per user: the tasks he may read ("instance task" in order, count), a page of a narrower query, his
   * 待办, the variables he may read (and their count), and those of his tasks Tasklist shows.
   */
  private Map<String, Object> answers(ProcessEngineConfigurationImpl configuration) {
    Filter todo = engine.getFilterService().createTaskFilterQuery().filterName(TasklistFilters.TODO).singleResult();
    Map<String, Object> answers = new LinkedHashMap<>();
    for (String user : USERS) {
      List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList();
      answers.put(user, as(user, groups, () -> List.of(
          ids(engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc().list()),
          engine.getTaskService().createTaskQuery().count(),
          ids(engine.getTaskService().createTaskQuery().processDefinitionKey("leave-request")
              .orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(0, 2)),
          ids(engine.getFilterService().<Task>list(todo.getId())),
          engine.getFilterService().count(todo.getId()),
          variables(engine.getRuntimeService().createVariableInstanceQuery().orderByVariableName().asc()
              .orderByActivityInstanceId().asc().list()),
          engine.getRuntimeService().createVariableInstanceQuery().count(),
          // As Tasklist asks for the variables shown beside a page of tasks: by name, in the tasks' scopes.
          variables(engine.getRuntimeService().createVariableInstanceQuery()
              .variableScopeIdIn(scopes(engine.getTaskService().createTaskQuery().list()))
              .variableNameIn(TaskListColumns.COLUMNS.stream().map(TaskListColumns.Column::name).toArray(String[]::new))
              .list()),
          // Review: or-query naming the definition (D joined by the criterion only), sorting by a
          // process variable and by name case-insensitively, both through the EXISTS form.
          ids(engine.getTaskService().createTaskQuery().or().processDefinitionKey("leave-request")
              .taskAssignee(user).processDefinitionNameLike("%").endOr().orderByTaskId().asc().list()),
          engine.getTaskService().createTaskQuery().or().processDefinitionKey("incident-report")
              .taskCandidateGroupIn(groups.isEmpty() ? List.of("none") : groups).endOr().count(),
          ids(engine.getTaskService().createTaskQuery()
              .orderByProcessVariable(TaskListColumns.COLUMNS.get(0).name(), org.camunda.bpm.engine.variable.type.ValueType.STRING).asc()
              .orderByTaskId().asc().list()),
          ids(engine.getTaskService().createTaskQuery().orderByTaskNameCaseInsensitive().asc().orderByTaskId().asc().listPage(0, 3)))));
    }
    return answers;
  }

  @SuppressWarnings("unchecked")
  private static List<String> taskInstances(Map<String, Object> answers, String user) {
    return ((List<String>) ((List<Object>) answers.get(user)).get(0)).stream().map(t -> t.split(" ")[0]).toList();
  }

  private <T> T as(String user, List<String> groups, Supplier<T> work) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static List<String> variables(List<VariableInstance> variables) {
    return variables.stream().map(v -> v.getProcessInstanceId() + " " + v.getId() + " " + v.getName()).sorted().toList();
  }

  private static String[] scopes(List<Task> tasks) {
    return tasks.stream().flatMap(t -> java.util.stream.Stream.of(t.getId(), t.getExecutionId(), t.getProcessInstanceId()))
        .distinct().toArray(String[]::new);
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(t -> t.getProcessInstanceId() + " " + t.getId()).toList();
  }
}
