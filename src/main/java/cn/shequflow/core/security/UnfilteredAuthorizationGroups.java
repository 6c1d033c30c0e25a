package cn.shequflow.core.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import cn.shequflow.core.TransactionMemo;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks use the person's groups as they are, without first asking the database which
 * groups hold any authorization at all.
 *
 * <p>Before each command that checks authorizations the engine reads every group id that appears in
 * {@code ACT_RU_AUTHORIZATION} ({@code select distinct GROUP_ID_}, once per command: 9 statements per
 * leave case) only to leave out of the check's {@code GROUP_ID_ in (…)} the person's groups that hold
 * no authorization, which keeps that list short for directories with hundreds of groups per person.
 * Here a person has one to three groups, and a group without authorizations matches no row of the
 * check either way: leaving it in changes no answer, only the length of the list.
 *
 * <p>Whether revoking authorizations apply to the person is read once per transaction instead of
 * once per command; a change of authorizations in the transaction reads it again.
 */
@Component
public class UnfilteredAuthorizationGroups extends AbstractProcessEnginePlugin {

  /** Whether revoking authorizations apply to a person: read once per transaction. */
  static final TransactionMemo REVOKES = new TransactionMemo("revokes apply");

  /**
   * The engine's authorization manager, with the person's groups passed on unfiltered, and whether
   * revokes apply to the person (with {@code authorizationCheckRevokes: auto}, a query per command)
   * read once per transaction: a request's guards and its command share one.
   */
  public static class Manager extends AuthorizationManager {
    @Override
    protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
      List<String> groups = groupIds == null ? List.of() : List.copyOf(groupIds);
      return REVOKES.get(List.of(String.valueOf(userId), groups), () -> super.isRevokeAuthCheckEnabled(userId, groupIds));
    }

    @Override
    public void insert(DbEntity authorization) {
      REVOKES.forget();
      super.insert(authorization);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
      REVOKES.forget();
      super.update(authorization);
    }

    @Override
    public void delete(DbEntity authorization) {
      REVOKES.forget();
      super.delete(authorization);
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      List<String> groups = new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
      groups.removeIf(java.util.Objects::isNull);
      return groups;
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }
}
