package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.shequflow.core.inbox.TaskQueryAuthorizationTest;
import cn.shequflow.support.RestTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.DisplayName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 21: authorization checks take the person's groups unfiltered, and answer as the engine's filtering does. */
class UnfilteredAuthorizationGroupsTest extends RestTestSupport {

  static final String GROUP_IDS_STATEMENT =
      "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds";

  @Test
  @DisplayName("ORG-5: every demo user sees the same tasks with the groups unfiltered as with the engine's filter, "
      + "and no command reads the list of groups holding authorizations")
  void sameAnswersWithoutReadingEveryGroup() {
    start("liu.staff", leave(1));
    start("ma.staff", leave(1));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    IdentityService identity = engine.getIdentityService();

    // The engine's own manager reads every group with an authorization (the statement the log names)...
    List<String> engineFiltered = new ArrayList<>();
    List<ILoggingEvent> engineLog = logOf(() -> configuration.getCommandExecutorTxRequired().execute(
        (Command<Boolean>) context -> engineFiltered.addAll(new AuthorizationManager()
            .filterAuthenticatedGroupIds(List.of("zaozhi-director", "no-such-group")))));
    assertThat(engineLog).as("the engine's filter asks the database").isNotEmpty();
    assertThat(engineFiltered).containsExactly("zaozhi-director");
    // ...and the manager the engine now opens does not.
    assertThat(configuration.getCommandExecutorTxRequired().execute(
        (Command<AuthorizationManager>) context -> context.getAuthorizationManager()))
        .isInstanceOf(UnfilteredAuthorizationGroups.Manager.class);

    for (String user : TaskQueryAuthorizationTest.USERS) {
      List<String> groups = new ArrayList<>(identity.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList());
      List<String> filtered = configuration.getCommandExecutorTxRequired().execute(
          (Command<List<String>>) context -> new AuthorizationManager().filterAuthenticatedGroupIds(groups));
      List<String> withExtra = new ArrayList<>(groups);
      withExtra.add("no-such-group");
      List<String> unfiltered = new ArrayList<>();
      List<ILoggingEvent> log = logOf(() -> unfiltered.addAll(visible(user, withExtra)));
      assertThat(log).as("%s's task query reads no list of groups", user).isEmpty();
      assertThat(unfiltered).as("%s sees the same tasks", user).isEqualTo(visible(user, filtered));
    }
    assertThat(visible("zhang.director", List.of("zaozhi-director"))).as("not trivially empty").isNotEmpty();
  }

  @Test
  @DisplayName("Whether revokes apply is read once per transaction, and again after an authorization is written in it")
  void revokeWrittenInTheTransactionApplies() {
    String instance = start("liu.staff", leave(1)).get("id").asText();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    AuthorizationService authorizations = engine.getAuthorizationService();
    String[] revoke = new String[1];
    try {
      new TransactionTemplate(transactions).executeWithoutResult(status -> {
        assertThat(visible("zhang.director", List.of("zaozhi-director"))).contains(task);
        Authorization denied = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        denied.setUserId("zhang.director");
        denied.setResource(Resources.TASK);
        denied.setResourceId(task);
        denied.removePermission(Permissions.READ);
        revoke[0] = authorizations.saveAuthorization(denied).getId();
        assertThat(visible("zhang.director", List.of("zaozhi-director"))).as("the revoke applies at once").doesNotContain(task);
      });
    } finally {
      if (revoke[0] != null && authorizations.createAuthorizationQuery().authorizationId(revoke[0]).count() > 0) {
        authorizations.deleteAuthorization(revoke[0]);
      }
    }
    assertThat(visible("zhang.director", List.of("zaozhi-director"))).contains(task);
  }

  @Autowired PlatformTransactionManager transactions;

  private List<String> visible(String user, List<String> groups) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, groups);
    try {
      return engine.getTaskService().createTaskQuery().orderByTaskId().asc().list().stream().map(Task::getId).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static List<ILoggingEvent> logOf(Supplier<?> action) {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(GROUP_IDS_STATEMENT);
    Level level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(log);
    log.start();
    try {
      action.get();
    } finally {
      logger.detachAppender(log);
      logger.setLevel(level);
    }
    return List.copyOf(log.list);
  }
}
