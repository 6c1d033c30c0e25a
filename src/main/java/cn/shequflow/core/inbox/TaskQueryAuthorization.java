package cn.shequflow.core.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
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
 */
@Component
public class TaskQueryAuthorization extends AbstractProcessEnginePlugin {

  static final String MAPPER = "cn/shequflow/core/inbox/TaskQueryAuthorization.xml";
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", "selectTaskByQueryCriteria_authorizedByExists",
      "selectTaskCountByQueryCriteria", "selectTaskCountByQueryCriteria_authorizedByExists",
      "selectVariableInstanceByQueryCriteria", "selectVariableInstanceByQueryCriteria_authorizedByExists",
      "selectVariableInstanceCountByQueryCriteria", "selectVariableInstanceCountByQueryCriteria_authorizedByExists");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENTS.get("selectTaskByQueryCriteria"), false)) {
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

  /** A copy of {@code check} for the engine's SQL, which then adds no authorization of its own. */
  public static AuthorizationCheck checkedSeparately(AuthorizationCheck check) {
    AuthorizationCheck none = new AuthorizationCheck();
    none.setAuthorizationCheckEnabled(false);
    none.setUseLeftJoin(check.isUseLeftJoin());
    return none;
  }
}
