package cn.shequflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timers at scale (issue 21, docs/benchmarks.md): N leave cases whose report-back deadline (the
 * non-interrupting timer {@code reportBackOverdue} of leave-request.bpmn) falls due at once, run by the
 * product's job executor with the product's settings. Not a timed test: it asserts that every timer
 * ran exactly once and prints how long it took.
 *
 * <pre>
 * mvn -Pbench,mariadb test -Dbench.mode=timers [-Dbench.timers=10000]   # H2 without mariadb
 * </pre>
 *
 * One leave is filed and approved through the API; {@link EngineRowCloner} copies its runtime rows
 * (executions, tasks, variables, authorizations and the timer's {@code ACT_RU_JOB} row) and its
 * register rows, each copy with its own ids and business key. The copies' timers are then made due
 * with one UPDATE, and the clock runs until the job executor has run them all. Each timer's effect is
 * counted from the product's own rows: the case's status event {@code late} ({@code case_event}) and
 * the applicant's notice ({@code notification}).
 */
@EnabledIfSystemProperty(named = "shequ.bench", matches = "timers")
@ProductionLikeApp
class TimerBenchmark extends BenchApp {

  @Autowired SqlCounter counter;

  @Test
  void timersFallingDueAtOnce() throws Exception {
    org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    int timers = Integer.getInteger("bench.timers", 10_000);
    long timeout = Integer.getInteger("bench.timers.timeout", 600) * 1_000L;

    StringBuilder out = new StringBuilder();
    out.append("\n== Shequ Flow benchmark: ").append(String.format("%,d", timers))
        .append(" report-back deadlines (leave-request, timer reportBackOverdue) due at once\n");
    out.append("database: ").append(BenchDatabase.mariadb()
        ? "MariaDB/MySQL " + environment.getProperty("spring.datasource.url").replaceAll("\\?.*", "")
        : "H2 file " + environment.getProperty("spring.datasource.url").replaceAll(";.*", "")).append('\n');
    out.append("job executor: ").append(jobExecutorSettings()).append('\n');
    out.append(Heap.line("before loading"));

    // 1. The template: a leave approved through the API, waiting for its report-back with its timer.
    ScaleBenchmark api = new ScaleBenchmark();
    api.port = port;
    api.jdbc = jdbc;
    String instance = api.start("liu.staff", ScaleBenchmark.LEAVE, ScaleBenchmark.leave(Clock.today(), "家中有事"));
    api.complete("zhang.director", instance, Map.of("approved", true, "comment", "同意"));
    String key = api.key(instance);
    Map<String, Object> job = jdbc.queryForMap(
        "select ID_, JOB_DEF_ID_ from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = ? and HANDLER_TYPE_ = 'timer-transition'",
        instance);
    String jobDefinition = (String) job.get("JOB_DEF_ID_");

    // 2. The copies (their timers still in the future).
    long t0 = System.nanoTime();
    long rows;
    try (Connection connection = BenchDatabase.mariadb() ? BenchDatabase.bulkConnection() : dataSource.getConnection()) {
      EngineRowCloner cloner = new EngineRowCloner(connection, instance).withJobsAndCase(instance, key);
      assertThat(cloner.rows("ACT_RU_JOB")).hasSize(1);
      for (int done = 0; done < timers; done += 1_000) {
        cloner.write(done, Math.min(timers, done + 1_000));
      }
      rows = (long) timers * cloner.rowsPerCopy();
    }
    out.append(String.format("loaded: %,d open leave cases with their timer (%,d rows, copies of one approved leave) in %.0f s%n",
        timers, rows, (System.nanoTime() - t0) / 1e9));
    if (BenchDatabase.mariadb()) {
      jdbc.execute("analyze table ACT_RU_JOB, ACT_RU_EXECUTION, ACT_RU_TASK, ACT_RU_VARIABLE, biz_case, leave_request");
    }
    out.append(Heap.line(String.format("%,d open cases loaded", timers)));

    // 3. Due now: the job executor takes them from here.
    // -Dbench.jfr=FILE: a Java Flight Recording (settings "profile") of the timers' run alone.
    jdk.jfr.Recording recording = null;
    if (System.getProperty("bench.jfr") != null) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.start();
    }
    counter.reset();
    counter.detailed(true);
    Timestamp due = new Timestamp(ClockUtil.getCurrentTime().getTime() - 60_000);
    String loadAtStart = loadAverage();
    long start = System.nanoTime();
    int made = jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where JOB_DEF_ID_ = ? and PROCESS_INSTANCE_ID_ <> ?",
        due, jobDefinition, instance);
    assertThat(made).isEqualTo(timers);
    long left = timers;
    long failing = 0;
    long firstSecond = -1;
    StringBuilder progress = new StringBuilder();
    long nextReport = 5_000;
    // Polled on a connection of its own, so that the counter sees only the job executor's statements.
    Connection poll = BenchDatabase.mariadb() ? BenchDatabase.bulkConnection() : null;
    JdbcTemplate watch = poll == null ? jdbc
        : new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(poll, true));
    while (System.nanoTime() - start < timeout * 1_000_000L) {
      Thread.sleep(200);
      left = watch.queryForObject("select count(*) from ACT_RU_JOB where JOB_DEF_ID_ = ? and PROCESS_INSTANCE_ID_ <> ?",
          Long.class, jobDefinition, instance);
      failing = watch.queryForObject("select count(*) from ACT_RU_JOB where JOB_DEF_ID_ = ? and PROCESS_INSTANCE_ID_ <> ?"
          + " and EXCEPTION_MSG_ is not null", Long.class, jobDefinition, instance);
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (ms >= nextReport) {
        progress.append(String.format(" %ds:%,d", ms / 1000, timers - left));
        nextReport += 5_000;
      }
      if (left == failing) {
        break;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (recording != null) {
      recording.stop();
      recording.dump(Path.of(System.getProperty("bench.jfr")));
      recording.close();
      out.append("JFR recording of the run: ").append(System.getProperty("bench.jfr")).append('\n');
    }
    if (poll != null) {
      poll.close();
    }
    Map<String, Long> counts = counter.counts().entrySet().stream()
        .filter(e -> "background".equals(e.getKey().call()))
        .collect(java.util.stream.Collectors.groupingBy(e -> e.getKey().kind(),
            java.util.TreeMap::new, java.util.stream.Collectors.summingLong(Map.Entry::getValue)));
    long statements = counts.entrySet().stream().filter(e -> !e.getKey().equals("COMMIT") && !e.getKey().equals("ROLLBACK"))
        .mapToLong(Map.Entry::getValue).sum();

    // 4. The effects, from the product's own rows.
    long ran = timers - left;
    long events = jdbc.queryForObject("select count(*) from case_event where action = 'late' and business_key <> ?",
        Long.class, key);
    long eventCases = jdbc.queryForObject(
        "select count(distinct business_key) from case_event where action = 'late' and business_key <> ?", Long.class, key);
    long notices = jdbc.queryForObject(
        "select count(*) from notification where message like '%已逾期%' and business_key <> ?", Long.class, key);
    long noticeCases = jdbc.queryForObject(
        "select count(distinct business_key) from notification where message like '%已逾期%' and business_key <> ?",
        Long.class, key);
    long reminders = jdbc.queryForObject("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'remindReportBack'",
        Long.class);
    long incidents = jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class);
    long late = jdbc.queryForObject("select count(*) from biz_case where status = 'late' and business_key <> ?", Long.class, key);

    out.append(String.format("%n%-44s %12s%n", "timers", "figure"));
    out.append(String.format("%-44s %12s%n", "load average (1 min) at start / end", loadAtStart + " / " + loadAverage()));
    out.append(String.format("%-44s %,12d%n", "timers due", timers));
    out.append(String.format("%-44s %,12d%n", "ran (their jobs gone)", ran));
    out.append(String.format("%-44s %12.1f%n", "seconds until all ran" + (left > 0 ? " (NOT all ran)" : ""), seconds));
    out.append(String.format("%-44s %12.1f%n", "jobs/s", ran / seconds));
    out.append(String.format("%-44s %,12d%n", "jobs failed (left with an exception)", failing));
    out.append(String.format("%-44s %,12d%n", "incidents", incidents));
    out.append(String.format("%-44s %,12d%n", "status events 'late' (case_event)", events));
    out.append(String.format("%-44s %,12d%n", "  cases with one", eventCases));
    out.append(String.format("%-44s %,12d%n", "  duplicates", events - eventCases));
    out.append(String.format("%-44s %,12d%n", "overdue notices (notification)", notices));
    out.append(String.format("%-44s %,12d%n", "  duplicates", notices - noticeCases));
    out.append(String.format("%-44s %,12d%n", "cases in status late (biz_case)", late));
    out.append(String.format("%-44s %,12d%n", "督促销假 tasks created", reminders));
    out.append(String.format("%-44s %12.1f%n", "statements per timer (background)", statements / (double) Math.max(1, ran)));
    counts.forEach((kind, n) -> out.append(String.format("%-44s %12.1f%n", "  " + kind, n / (double) Math.max(1, ran))));
    Map<String, Long> byCaller = counter.counts().entrySet().stream()
        .filter(e -> "background".equals(e.getKey().call()))
        .collect(java.util.stream.Collectors.groupingBy(e -> e.getKey().caller() + " " + e.getKey().kind(),
            java.util.TreeMap::new, java.util.stream.Collectors.summingLong(Map.Entry::getValue)));
    out.append("per timer, by source (calling stack) and kind:\n");
    byCaller.forEach((k, n) -> out.append(String.format("  %-60s %8.2f%n", k, n / (double) Math.max(1, ran))));
    out.append("statements per timer, by source and text (0.05 or more):\n");
    counter.statements().entrySet().stream().filter(e -> e.getValue() >= Math.max(1, ran) / 20)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.append(String.format("  %-136s %6.2f%n", e.getKey(), e.getValue() / (double) Math.max(1, ran))));
    out.append("transactions per timer, by who ended them (calling stack):\n");
    counter.transactions().entrySet().stream().forEach(e -> out.append(String.format("  %-76s %8.2f%n", e.getKey(), e.getValue() / (double) Math.max(1, ran))));
    out.append("progress (seconds:timers ran):").append(progress).append('\n');
    out.append(Heap.line("after the timers ran"));

    String report = out.toString();
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/benchmark-timers-" + BenchDatabase.name() + ".txt"), report);

    assertThat(events - eventCases).as("duplicate status events").isZero();
    assertThat(notices - noticeCases).as("duplicate notices").isZero();
  }

  /** The machine's load average over the last minute (shared with other builds; figures depend on it). */
  static String loadAverage() {
    return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  String jobExecutorSettings() {
    StringBuilder s = new StringBuilder();
    for (String p : new String[] {"core-pool-size", "max-pool-size", "queue-capacity", "max-jobs-per-acquisition",
        "wait-time-in-millis", "max-wait", "lock-time-in-millis", "backoff-time-in-millis"}) {
      s.append(p).append('=').append(environment.getProperty("camunda.bpm.job-execution." + p, "default")).append(' ');
    }
    return s.toString().trim();
  }
}
