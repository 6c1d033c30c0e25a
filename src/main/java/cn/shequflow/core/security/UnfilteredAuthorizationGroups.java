package cn.shequflow.core.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
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
 * check either way: leaving it in changes no answer, only the length of the list. Nothing is cached.
 */
@Component
public class UnfilteredAuthorizationGroups extends AbstractProcessEnginePlugin {

  /** The engine's authorization manager, with the person's groups passed on unfiltered. */
  public static class Manager extends AuthorizationManager {
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
