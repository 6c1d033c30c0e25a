package cn.shequflow.core.process;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.SuccessfulJobListener;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * The job executor (timers, asynchronous continuations; issue 21): Camunda's Spring job executor,
 * set up from {@code camunda.bpm.job-execution} exactly as the starter sets up its own, with two
 * changes: how a worker ends a job that succeeded ({@link TransactionlessSuccess}) and when the
 * acquisition fetches more jobs ({@link WholeBatches}).
 *
 * <p>Camunda runs each job in two transactions: the job itself ({@code ExecuteJobsCmd}), then, after
 * it committed, the success listener ({@link SuccessfulJobListener}) as a command of its own. That
 * listener only counts the job in the engine's metrics (in memory), but as a command it opens and
 * commits a database transaction of its own, with nothing in it: three round trips to the database
 * (autocommit off, commit, autocommit on) per job, a third of a timer's commits
 * (docs/benchmarks.md, timers). Here the success listener's count is made without a transaction.
 * Everything else is Camunda's: the job runs in its transaction, a failed job goes to the failed-job
 * listener (retries, incidents) in a transaction of its own, as before.
 */
@Configuration(proxyBeanMethods = false)
public class JobExecution {

  /** The starter's {@code jobExecutor} bean, with {@link TransactionlessSuccess}; absent when jobs are off. */
  @Bean
  @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true", matchIfMissing = true)
  public static JobExecutor jobExecutor(@Qualifier(JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER) TaskExecutor taskExecutor,
      CamundaBpmProperties properties) {
    ProductJobExecutor executor = new ProductJobExecutor();
    executor.setTaskExecutor(taskExecutor);
    executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
    // As DefaultJobConfiguration.JobConfiguration.jobExecutor (Camunda 7.24): compare on every upgrade.
    JobExecutionProperty jobs = properties.getJobExecution();
    Optional.ofNullable(jobs.getLockTimeInMillis()).ifPresent(executor::setLockTimeInMillis);
    Optional.ofNullable(jobs.getMaxJobsPerAcquisition()).ifPresent(executor::setMaxJobsPerAcquisition);
    Optional.ofNullable(jobs.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
    Optional.ofNullable(jobs.getMaxWait()).ifPresent(executor::setMaxWait);
    Optional.ofNullable(jobs.getBackoffTimeInMillis()).ifPresent(executor::setBackoffTimeInMillis);
    Optional.ofNullable(jobs.getMaxBackoff()).ifPresent(executor::setMaxBackoff);
    Optional.ofNullable(jobs.getBackoffDecreaseThreshold()).ifPresent(executor::setBackoffDecreaseThreshold);
    Optional.ofNullable(jobs.getWaitIncreaseFactor()).ifPresent(executor::setWaitIncreaseFactor);
    return executor;
  }

  /**
   * Camunda's Spring job executor whose workers run jobs through {@link TransactionlessSuccess} and
   * whose acquisition follows {@link WholeBatches}.
   */
  public static class ProductJobExecutor extends SpringJobExecutor {
    @Override
    protected void ensureInitialization() {
      super.ensureInitialization();
      acquireJobsRunnable = new SequentialJobAcquisitionRunnable(this) {
        @Override
        protected JobAcquisitionStrategy initializeAcquisitionStrategy() {
          return new WholeBatches(jobExecutor);
        }
      };
    }

    @Override
    public Runnable getExecuteJobsRunnable(List<String> jobIds, ProcessEngineImpl processEngine) {
      return new ExecuteJobsRunnable(jobIds, processEngine) {
        @Override
        protected void executeJob(String nextJobId, CommandExecutor commandExecutor, JobFailureCollector failures) {
          // As ExecuteJobsRunnable.executeJob (Camunda 7.24), with the success listener's transaction left out.
          super.executeJob(nextJobId,
              new TransactionlessSuccess(commandExecutor, processEngine.getProcessEngineConfiguration()), failures);
        }
      };
    }
  }

  /**
   * Camunda's acquisition strategy (idle wait, backoff after lock failures), except while jobs it
   * acquired are still waiting for room in the workers' queue. Camunda acquires
   * {@code max-jobs-per-acquisition} less the batches the queue refused, at once (no wait) and again
   * after every finished job ({@code jobWasAdded}): with the queue full, every job that ends frees one
   * place and starts an acquisition of one or two jobs, a transaction of its own (0.7 acquisitions per
   * timer when 1,000 fell due). Here the acquisition fetches nothing while refused jobs are still held:
   * it only offers them to the queue again (when a job ends, or after 100 ms), and acquires a whole
   * batch once the queue took them all.
   */
  public static class WholeBatches extends BackoffJobAcquisitionStrategy {

    private boolean refused;

    public WholeBatches(JobExecutor jobExecutor) {
      super(jobExecutor);
    }

    @Override
    public void reconfigure(JobAcquisitionContext context) {
      super.reconfigure(context);
      refused = context.getRejectedJobsByEngine().values().stream().anyMatch(batches -> !batches.isEmpty());
    }

    @Override
    protected void reconfigureNumberOfJobsToAcquire(JobAcquisitionContext context) {
      super.reconfigureNumberOfJobsToAcquire(context);
      context.getRejectedJobsByEngine().forEach((engine, batches) -> {
        if (!batches.isEmpty()) {
          jobsToAcquire.put(engine, 0);
        }
      });
    }

    @Override
    public long getWaitTime() {
      long wait = super.getWaitTime();
      return refused && wait == 0 ? executionSaturationWaitTime : wait;
    }
  }

  /**
   * The command executor a worker runs a job with: every command as the engine's own executor runs it
   * (in a transaction), except Camunda's success listener, whose only work, counting the job in the
   * metrics when metrics are on, is done here without opening a transaction.
   */
  public static final class TransactionlessSuccess implements CommandExecutor {

    private final CommandExecutor engine;
    private final ProcessEngineConfigurationImpl configuration;

    public TransactionlessSuccess(CommandExecutor engine, ProcessEngineConfigurationImpl configuration) {
      this.engine = engine;
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command.getClass() == SuccessfulJobListener.class) {
        // SuccessfulJobListener.logJobSuccess (Camunda 7.24), without a command context.
        if (configuration.isMetricsEnabled()) {
          configuration.getMetricsRegistry().markOccurrence(Metrics.JOB_SUCCESSFUL);
        }
        return null;
      }
      return engine.execute(command);
    }
  }
}
