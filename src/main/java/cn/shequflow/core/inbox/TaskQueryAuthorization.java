package cn.shequflow.core.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's task list and count (Tasklist's filters, {@code /engine-rest/task}), and its variable
 * list and count (the variables Tasklist shows beside each task of a page), ask the same
 * authorization question in a form the database can answer from its indexes (issue 21).
 *
 * <p>Camunda joins the task to every grant of the user and his groups on {@code RESOURCE_ID_ = task
 * OR = definition key OR = '*'}. The engine gives each candidate group a grant on each of its open
 * tasks, so a post with 100,000 open tasks holds 100,000 grants, and MariaDB compares every task with
 * every grant: 20,000 tasks took 4 minutes to count, and 100,000 did not come back. Asked as three
 * {@code EXISTS} (the task, its definition, every resource), each is one index lookup or one set
 * built once: 0.17 s for the same count. Variables are joined the same way (on their process
 * instance, its definition, their task, or '*'), and get the same treatment.
 *
 * <p>The rule is the engine's, unchanged: the same grants (type, user, groups, resource type and
 * permission, from the engine's own {@link AuthorizationCheck}), the same three resources, tasks of a
 * case instance visible as before. Only the plain case is taken over — authorization on, a user, no
 * revoking grants among his, no composite checks; any other query runs the engine's SQL as it is
 * ({@link #appliesTo}). The statements are in {@code TaskQueryAuthorization.xml} and include the
 * engine's criteria, ordering, paging and tenant check by reference; the engine is pointed at them
 * through its statement mappings (the mechanism it uses for its own per-database statements).
 * {@code TaskQueryAuthorizationTest} checks that both give the same tasks for each demo user.
 *
 * <p>The task statements also ask the engine's candidate criteria (the 待办 filter's "candidate user
 * or one of my groups") as {@code EXISTS} on the task's identity links instead of the engine's left
 * join, where that is the same question ({@link #candidatesByExists}), and then need no
 * {@code distinct} ({@link #rowsUnique}): MariaDB reads a page in {@code CREATE_TIME_} order and
 * stops after 15 tasks instead of building all of a director's 100,000 ({@link #pagePrefix}).
 */
@Component
public class TaskQueryAuthorization extends AbstractProcessEnginePlugin {

  static final String MAPPER = "cn/shequflow/core/inbox/TaskQueryAuthorization.xml";
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", "selectTaskByQueryCriteria_authorizedByExists",
      "selectTaskCountByQueryCriteria", "selectTaskCountByQueryCriteria_authorizedByExists",
      "selectVariableInstanceByQueryCriteria", "selectVariableInstanceByQueryCriteria_authorizedByExists",
      "selectVariableInstanceCountByQueryCriteria", "selectVariableInstanceCountByQueryCriteria_authorizedByExists");

  /** The MyBatis variable naming what a page of tasks is prefixed with ({@link #pagePrefix}). */
  static final String PAGE_PREFIX = "shequTaskPagePrefix";

  /**
   * What a page of tasks (a list with a limit) is prefixed with: on MariaDB, its own per-statement
   * switch that keeps the statement's {@code EXISTS} correlated. MariaDB otherwise turns each into
   * an {@code IN} whose rows it builds in full (every candidate link and every task grant of the
   * user, 20,000 of each in a 20,000-task inbox) before it reads the first task; correlated, each is
   * one index lookup per task read in {@code CREATE_TIME_} order, and the page stops after 15 tasks
   * (1 ms instead of 50–120 ms at 20,000 tasks). Counts and whole lists keep the built sets, which
   * are cheaper when every task is read. Nothing elsewhere (MySQL has no such conversion).
   */
  static String pagePrefix(String databaseType) {
    return "mariadb".equals(databaseType) ? "SET STATEMENT optimizer_switch='exists_to_in=off' FOR" : "";
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENTS.get("selectTaskByQueryCriteria"), false)) {
      if (mybatis.getVariables() == null) {
        mybatis.setVariables(new java.util.Properties());
      }
      mybatis.getVariables().setProperty(PAGE_PREFIX, pagePrefix(configuration.getDatabaseType()));
      try (InputStream in = TaskQueryAuthorization.class.getClassLoader().getResourceAsStream(MAPPER)) {
        if (in == null) {
          throw new IllegalStateException("Missing " + MAPPER);
        }
        new XMLMapperBuilder(in, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = sessions.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(sessions.getStatementMappings());
    mappings.putAll(STATEMENTS);
    sessions.setStatementMappings(mappings);
  }

  /** Whether the EXISTS form answers {@code check}: the engine's plain join case, nothing else. */
  public static boolean appliesTo(AuthorizationCheck check) {
    // The getter, as the engine's SQL reads it (the like-named method returns another flag).
    return check != null
        && check.getShouldPerformAuthorizatioCheck()
        && check.getAuthUserId() != null
        && !check.isRevokeAuthorizationCheckEnabled()
        && check.getPermissionChecks() != null
        && !check.getPermissionChecks().getAtomicChecks().isEmpty()
        && check.getPermissionChecks().getCompositeChecks().isEmpty();
  }

  /**
   * Whether the task query's criteria may be asked with the candidate criteria as {@code EXISTS} on
   * the task's identity links instead of the engine's left join ({@code criteriaWithCandidatesByExists}
   * in {@code TaskQueryAuthorization.xml}): no query (the query or one of its {@code or} queries)
   * names an involved user, and at most one has candidate criteria (user, groups, group like, with
   * candidate users or groups). The joined link then stands in one place of the condition, inside
   * {@code and}/{@code or} only, and "a row of the join matches" is "the condition, with EXISTS in
   * that place" (a task without links joins one null row, which no candidate criterion matches, and
   * EXISTS is false for it). Any other query keeps the engine's join.
   */
  public static boolean candidatesByExists(TaskQueryImpl query) {
    int withCandidates = 0;
    for (TaskQueryImpl q : query.getQueries()) {
      if (q.getInvolvedUser() != null) {
        return false;
      }
      if (q.getCandidateUser() != null || q.getCandidateGroups() != null || q.getCandidateGroupLike() != null
          || Boolean.TRUE.equals(q.isWithCandidateGroups()) || Boolean.TRUE.equals(q.isWithCandidateUsers())) {
        withCandidates++;
      }
    }
    return withCandidates <= 1;
  }

  /**
   * Whether each row of the statement is a different task, so that it needs no {@code distinct}
   * (which makes MariaDB build every row before it sorts and keeps a page): the identity links are
   * not joined ({@link #candidatesByExists}), no order by a variable joins the variables, and no
   * grant is joined (the EXISTS form, or no authorization check, or the engine's revoke form, which
   * checks in the WHERE clause). The other tables the engine joins are joined on their primary key.
   */
  public static boolean rowsUnique(TaskQueryImpl query, AuthorizationCheck check) {
    if (!candidatesByExists(query)) {
      return false;
    }
    for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
      if (ordering.getRelation() != null) {
        return false;
      }
    }
    boolean enginesJoin = check != null && check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
        && !check.isRevokeAuthorizationCheckEnabled() && !appliesTo(check);
    return !enginesJoin;
  }

  /** A copy of {@code check} for the engine's SQL, which then adds no authorization of its own. */
  public static AuthorizationCheck checkedSeparately(AuthorizationCheck check) {
    AuthorizationCheck none = new AuthorizationCheck();
    none.setAuthorizationCheckEnabled(false);
    none.setUseLeftJoin(check.isUseLeftJoin());
    return none;
  }
}
