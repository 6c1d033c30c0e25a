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
import org.camunda.bpm.engine.task.TaskQuery;
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
    return enginesOwn(sessions, () -> answers(configuration));
  }

  private static <T> T enginesOwn(DbSqlSessionFactory sessions, Supplier<T> work) {
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> enginesOwn = new HashMap<>(ours);
    TaskQueryAuthorization.STATEMENTS.keySet().forEach(enginesOwn::remove);
    sessions.setStatementMappings(enginesOwn);
    try {
      return work.get();
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  @Test
  @DisplayName("Issue 21: the 待办 filter and the candidate/assignee query shapes give the same tasks with the candidate criteria as EXISTS and without distinct, for every demo user")
  void sameInboxAsTheEnginesJoin() {
    // Tasks that tell the forms apart: waiting for the director's group; claimed by the director (an
    // assignee AND a candidate group link: only "include assigned tasks" lists it by its group); his
    // group and himself as candidate user (two links that both match: a join without distinct lists
    // it twice); a task of the street's social affairs (a staff member's longer leave) with him as
    // candidate user (his only by that link), one with gao.director; and the other community's own.
    String waiting = start("liu.staff", leave(1)).get("id").asText();
    String claimed = start("liu.staff", leave(1)).get("id").asText();
    String twoLinks = start("liu.staff", leave(1)).get("id").asText();
    String viaUser = start("chen.staff", leave(2)).get("id").asText();
    String otherCandidate = start("chen.staff", leave(2)).get("id").asText();
    String taiping = start("ma.staff", leave(1)).get("id").asText();
    engine.getTaskService().claim(task(claimed), "zhang.director");
    engine.getTaskService().addCandidateUser(task(twoLinks), "zhang.director");
    engine.getTaskService().addCandidateUser(task(viaUser), "zhang.director");
    engine.getTaskService().addCandidateUser(task(otherCandidate), "gao.director");

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger list = (Logger) LoggerFactory.getLogger(
        "cn.shequflow.core.inbox.TaskQueryAuthorization.selectTaskByQueryCriteria_authorizedByExists");
    Logger count = (Logger) LoggerFactory.getLogger(
        "cn.shequflow.core.inbox.TaskQueryAuthorization.selectTaskCountByQueryCriteria_authorizedByExists");
    Level listLevel = list.getLevel();
    Level countLevel = count.getLevel();
    list.setLevel(Level.DEBUG);
    count.setLevel(Level.DEBUG);
    list.addAppender(log);
    count.addAppender(log);
    log.start();
    Map<String, Object> exists;
    try {
      exists = inboxAnswers();
    } finally {
      list.detachAppender(log);
      count.detachAppender(log);
      list.setLevel(listLevel);
      count.setLevel(countLevel);
    }
    // The EXISTS form ran, without distinct, for the list and the count; a join is always distinct.
    List<String> statements = log.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains("Preparing:")).toList();
    assertThat(statements).anyMatch(m -> m.contains("select RES.REV_")
        && m.contains("EXISTS (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_"));
    assertThat(statements).anyMatch(m -> m.contains("Preparing: select count(RES.ID_)")
        && m.contains("EXISTS (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_"));
    assertThat(statements).noneMatch(m -> m.contains("left join ACT_RU_IDENTITYLINK I") && !m.contains("distinct"));
    // On MariaDB a page keeps its EXISTS correlated (TaskQueryAuthorization.pagePrefix).
    if ("mariadb".equals(configuration.getDatabaseType())) {
      assertThat(statements).anyMatch(m -> m.contains(
          "Preparing: SET STATEMENT optimizer_switch='exists_to_in=off' FOR select RES.REV_"));
    }

    assertThat(exists).isEqualTo(enginesOwn(sessions, this::inboxAnswers));

    // Not trivially equal: the director's 待办 (as Tasklist asks for it) holds his group's waiting
    // tasks once each, the task he claimed and the one he is a candidate user of, and not the other
    // unit's or community's; gao.director's holds the one he is a candidate user of.
    assertThat(answer(exists, "zhang.director", 0)).contains(waiting, claimed, twoLinks, viaUser)
        .doesNotContain(otherCandidate, taiping).doesNotHaveDuplicates();
    assertThat(answer(exists, "gao.director", 0)).contains(otherCandidate, taiping)
        .doesNotContain(waiting, claimed, twoLinks, viaUser);
    // 本组待办 (candidate groups, unassigned) and the same including assigned tasks.
    assertThat(answer(exists, "zhang.director", 8)).contains(waiting, twoLinks).doesNotContain(claimed, viaUser);
    assertThat(answer(exists, "zhang.director", 9)).contains(waiting, twoLinks, claimed).doesNotContain(viaUser)
        .doesNotHaveDuplicates();
    // A candidate user: his own link or one of his groups'.
    assertThat(answer(exists, "zhang.director", 10)).contains(waiting, twoLinks, viaUser).doesNotContain(claimed)
        .doesNotHaveDuplicates();
    // Left to the engine's join: candidates in the query and its or-query (not his, as above), and
    // an involved user (his by his link).
    assertThat(answer(exists, "zhang.director", 22)).doesNotContain(viaUser);
    assertThat(answer(exists, "zhang.director", 20)).contains(viaUser, claimed);
  }

  @SuppressWarnings("unchecked")
  private static List<String> answer(Map<String, Object> answers, String user, int index) {
    return (List<String>) ((List<Object>) answers.get(user)).get(index);
  }

  private String task(String processInstance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstance).singleResult().getId();
  }

  /**
   * Per user: his 待办 as Tasklist asks for it (HAL page of 15 with variables, newest first, and its
   * count; again with a variable criterion), and the candidate/assignee shapes of task queries, with
   * and without variable criteria, including two the EXISTS form leaves to the engine (an involved
   * user; candidate criteria in both the query and its or-query).
   */
  private Map<String, Object> inboxAnswers() {
    Filter todo = engine.getFilterService().createTaskFilterQuery().filterName(TasklistFilters.TODO).singleResult();
    String variable = "listCommunity";
    // Pages are sorted as Tasklist sorts them, then by id: tasks created in the same second (many, in a
    // database other tests have filled) would otherwise come in any order, and a page of 15 may end
    // with different ones of them for the engine's statement and for the product's, both correct.
    List<Map<String, String>> byCreated = List.of(Map.of("sortBy", "created", "sortOrder", "desc"),
        Map.of("sortBy", "id", "sortOrder", "asc"));
    Map<String, Object> sorting = Map.of("sorting", byCreated);
    Map<String, Object> withVariable = Map.of("sorting", byCreated,
        "processVariables", List.of(Map.of("name", variable, "operator", "like", "value", "%社区%")));
    Map<String, Object> answers = new LinkedHashMap<>();
    for (String user : USERS) {
      RestClient rest = as(user);
      List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList();
      List<String> candidateGroups = groups.isEmpty() ? List.of("none") : groups;
      List<Object> his = new java.util.ArrayList<>();
      his.add(halTasks(rest.postHal("/engine-rest/filter/" + todo.getId() + "/list?firstResult=0&maxResults=15", sorting)));
      his.add(halCount(rest.postHal("/engine-rest/filter/" + todo.getId() + "/list?firstResult=0&maxResults=15", sorting)));
      his.add(rest.get("/engine-rest/filter/" + todo.getId() + "/count").body());
      his.add(halTasks(rest.postHal("/engine-rest/filter/" + todo.getId() + "/list?firstResult=0&maxResults=15", withVariable)));
      his.add(rest.postJson("/engine-rest/filter/" + todo.getId() + "/count", "{\"processVariables\":[{\"name\":\""
          + variable + "\",\"operator\":\"like\",\"value\":\"%社区%\"}]}").body());
      his.addAll(as(user, groups, () -> {
        var tasks = engine.getTaskService();
        List<Object> shapes = new java.util.ArrayList<>();
        shapes.add(instances(engine.getFilterService().<Task, TaskQuery>listPage(todo.getId(),
            tasks.createTaskQuery().orderByTaskCreateTime().desc().orderByTaskId().asc(), 0, 15)));
        shapes.add(engine.getFilterService().count(todo.getId(), tasks.createTaskQuery().processVariableValueLike(variable, "%社区%")));
        shapes.add(instances(tasks.createTaskQuery().or().taskAssignee(user).taskCandidateUser(user)
            .taskCandidateGroupIn(candidateGroups).includeAssignedTasks().endOr().orderByTaskCreateTime().desc().list()));
        shapes.add(instances(tasks.createTaskQuery().taskCandidateGroupIn(candidateGroups).taskUnassigned()
            .orderByTaskCreateTime().desc().orderByTaskId().asc().listPage(0, 15)));
        shapes.add(instances(tasks.createTaskQuery().taskCandidateGroupIn(candidateGroups).includeAssignedTasks()
            .orderByTaskCreateTime().desc().list()));
        shapes.add(instances(tasks.createTaskQuery().taskCandidateUser(user).orderByTaskCreateTime().desc().list()));
        shapes.add(instances(tasks.createTaskQuery().taskCandidateUser(user).includeAssignedTasks()
            .orderByTaskCreateTime().desc().list()));
        shapes.add(tasks.createTaskQuery().taskCandidateGroupIn(candidateGroups).includeAssignedTasks().count());
        shapes.add(instances(tasks.createTaskQuery().or().taskAssignee(user).taskCandidateGroupIn(candidateGroups)
            .processVariableValueLike(variable, "%社区%").endOr().orderByTaskCreateTime().desc().list()));
        shapes.add(instances(tasks.createTaskQuery().taskCandidateGroupIn(candidateGroups)
            .processVariableValueLike(variable, "%社区%").orderByTaskCreateTime().desc().list()));
        shapes.add(instances(tasks.createTaskQuery().withCandidateGroups().orderByTaskCreateTime().desc().list()));
        shapes.add(instances(tasks.createTaskQuery().withCandidateUsers().includeAssignedTasks()
            .orderByTaskCreateTime().desc().list()));
        shapes.add(instances(tasks.createTaskQuery().withoutCandidateUsers().orderByTaskCreateTime().desc().list()));
        shapes.add(instances(tasks.createTaskQuery().taskCandidateGroupLike("%director%").orderByTaskCreateTime().desc().list()));
        shapes.add(instances(tasks.createTaskQuery().taskCandidateGroupIn(candidateGroups)
            .orderByProcessVariable(variable, org.camunda.bpm.engine.variable.type.ValueType.STRING).asc().list()));
        // Left to the engine's join: an involved user, and candidates in the query and its or-query.
        shapes.add(instances(tasks.createTaskQuery().taskInvolvedUser(user).orderByTaskCreateTime().desc().list()));
        shapes.add(instances(tasks.createTaskQuery().taskCandidateGroupIn(candidateGroups).includeAssignedTasks()
            .or().taskCandidateUser(user).taskAssignee(user).endOr().orderByTaskCreateTime().desc().list()));
        // (One link must satisfy both: the social-affairs task zhang.director is a candidate user of
        // is not his here, though each part alone holds for one of its two links.)
        shapes.add(instances(tasks.createTaskQuery().taskCandidateGroupIn(List.of("pencheng-social"))
            .or().taskCandidateUser(user).taskAssignee(user).endOr().orderByTaskCreateTime().desc().list()));
        return shapes;
      }));
      answers.put(user, his);
    }
    return answers;
  }

  private static List<String> halTasks(RestClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> instances = new java.util.ArrayList<>();
    response.json().path("_embedded").path("task").forEach(t -> instances.add(t.get("processInstanceId").asText()));
    return instances.stream().sorted().toList();
  }

  private static long halCount(RestClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("count").asLong();
  }

  /**
   * The tasks' instances, sorted: tasks created in the same second (MariaDB keeps seconds) come in
   * either order, and the two forms may read them differently; the order by is the engine's, as is.
   */
  private static List<String> instances(List<Task> tasks) {
    return tasks.stream().map(Task::getProcessInstanceId).sorted().toList();
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
