package cn.shequflow.core.monitoring;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The node's job executor (timers, deadlines, asynchronous steps): DOWN when it is configured to
 * run and has stopped, so the load balancer takes the node out; otherwise UP, with the backlog of
 * jobs due now and the jobs out of retries (each an incident an administrator handles in Cockpit).
 */
@Component("jobExecutorHealthIndicator") // the health part "jobExecutor"
public class JobExecutorHealth implements HealthIndicator {

  private final ProcessEngine engine;
  private final boolean enabled;

  public JobExecutorHealth(ProcessEngine engine, @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
    this.engine = engine;
    this.enabled = enabled;
  }

  @Override
  public Health health() {
    JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean active = executor != null && executor.isActive();
    ManagementService management = engine.getManagementService();
    Health.Builder health = enabled && !active ? Health.down() : Health.up();
    return health.withDetail("enabled", enabled)
        .withDetail("active", active)
        .withDetail("due", management.createJobQuery().executable().count())
        .withDetail("failed", management.createJobQuery().noRetriesLeft().count())
        .build();
  }
}
