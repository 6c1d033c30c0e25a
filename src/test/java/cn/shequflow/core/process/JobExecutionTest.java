package cn.shequflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.JobExecution.ProductJobExecutor;
import cn.shequflow.core.process.JobExecution.TransactionlessSuccess;
import cn.shequflow.core.process.JobExecution.WholeBatches;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.jobexecutor.SuccessfulJobListener;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Test;

/** The job executor's two changes to Camunda's (issue 21): no transaction for a success, whole acquisitions. */
class JobExecutionTest {

  static final String ENGINE = "default";

  /** Records the commands it is asked to run (each would be a transaction of the engine). */
  static final class RecordingExecutor implements CommandExecutor {
    final List<Command<?>> commands = new ArrayList<>();

    @Override
    public <T> T execute(Command<T> command) {
      commands.add(command);
      return null;
    }
  }

  @Test
  void theSuccessListenerCountsTheJobWithoutATransaction() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    MetricsRegistry metrics = new MetricsRegistry();
    metrics.createDbMeter(Metrics.JOB_SUCCESSFUL);
    configuration.setMetricsRegistry(metrics);
    configuration.setMetricsEnabled(true);
    RecordingExecutor engine = new RecordingExecutor();

    new TransactionlessSuccess(engine, configuration).execute(new SuccessfulJobListener());

    assertThat(engine.commands).isEmpty();
    assertThat(metrics.getDbMeterByName(Metrics.JOB_SUCCESSFUL).get()).isEqualTo(1);
  }

  @Test
  void withoutMetricsASuccessCountsNothing() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    MetricsRegistry metrics = new MetricsRegistry();
    metrics.createDbMeter(Metrics.JOB_SUCCESSFUL);
    configuration.setMetricsRegistry(metrics);
    configuration.setMetricsEnabled(false);
    RecordingExecutor engine = new RecordingExecutor();

    new TransactionlessSuccess(engine, configuration).execute(new SuccessfulJobListener());

    assertThat(engine.commands).isEmpty();
    assertThat(metrics.getDbMeterByName(Metrics.JOB_SUCCESSFUL).get()).isZero();
  }

  @Test
  void theJobAndAFailureRunAsTheEngineRunsThem() {
    RecordingExecutor engine = new RecordingExecutor();
    TransactionlessSuccess executor = new TransactionlessSuccess(engine, new StandaloneInMemProcessEngineConfiguration());
    ExecuteJobsCmd job = new ExecuteJobsCmd("job-1", new JobFailureCollector("job-1"));
    FailedJobListener failure = new FailedJobListener(engine, new JobFailureCollector("job-1"));

    executor.execute(job);
    executor.execute(failure);

    assertThat(engine.commands).containsExactly(job, failure);
  }

  static WholeBatches strategy() {
    ProductJobExecutor executor = new ProductJobExecutor();
    executor.setMaxJobsPerAcquisition(16);
    executor.setWaitTimeInMillis(1000);
    return new WholeBatches(executor);
  }

  static AcquiredJobs acquired(int attempted, int got) {
    AcquiredJobs jobs = new AcquiredJobs(attempted);
    for (int i = 0; i < got; i++) {
      jobs.addJobIdBatch("job-" + i);
    }
    return jobs;
  }

  @Test
  void aWholeBatchIsAcquiredAgainAtOnceWhileTheQueueTakesEveryJob() {
    WholeBatches strategy = strategy();
    JobAcquisitionContext context = new JobAcquisitionContext();
    context.submitAcquiredJobs(ENGINE, acquired(16, 16));

    strategy.reconfigure(context);

    assertThat(strategy.getNumJobsToAcquire(ENGINE)).isEqualTo(16);
    assertThat(strategy.getWaitTime()).isZero();
  }

  @Test
  void nothingIsAcquiredWhileJobsTheQueueRefusedAreHeld() {
    WholeBatches strategy = strategy();
    JobAcquisitionContext context = new JobAcquisitionContext();
    context.submitAcquiredJobs(ENGINE, acquired(16, 16));
    context.submitRejectedBatch(ENGINE, List.of("job-15"));

    strategy.reconfigure(context);

    // Camunda's strategy would acquire 15 more at once; this one offers the refused job again first.
    assertThat(strategy.getNumJobsToAcquire(ENGINE)).isZero();
    assertThat(strategy.getWaitTime()).isEqualTo(100);

    JobAcquisitionContext next = new JobAcquisitionContext();
    next.submitAcquiredJobs(ENGINE, acquired(0, 0));
    strategy.reconfigure(next);

    assertThat(strategy.getNumJobsToAcquire(ENGINE)).isEqualTo(16);
    assertThat(strategy.getWaitTime()).isZero();
  }

  @Test
  void anIdleAcquisitionWaitsAsCamundasDoes() {
    WholeBatches strategy = strategy();
    JobAcquisitionContext context = new JobAcquisitionContext();
    context.submitAcquiredJobs(ENGINE, acquired(16, 3));

    strategy.reconfigure(context);

    assertThat(strategy.getNumJobsToAcquire(ENGINE)).isEqualTo(16);
    assertThat(strategy.getWaitTime()).isEqualTo(1000);
  }
}
