package cn.shequflow.core.monitoring;

import cn.shequflow.core.process.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The office's figures for Prometheus (issue 22), read from the database every minute (and on
 * {@link #refresh()}), the same on every node:
 *
 * <ul>
 *   <li>{@code shequ_cases{family,status}}: cases in the register;
 *   <li>{@code shequ_tasks_unclaimed{group}}: open tasks nobody has claimed, by candidate group (the backlog);
 *   <li>{@code shequ_tasks_assigned}: open tasks someone holds;
 *   <li>{@code shequ_tasks_overdue{process}}: open tasks past their due date, by process;
 *   <li>{@code shequ_jobs_failed}: jobs out of retries; {@code shequ_incidents{type}}: open incidents.
 * </ul>
 */
@Component
public class BusinessMetrics {

  private final JdbcTemplate jdbc;
  private final MultiGauge cases;
  private final MultiGauge unclaimed;
  private final MultiGauge overdue;
  private final MultiGauge incidents;
  private volatile long assigned;
  private volatile long failedJobs;

  public BusinessMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.cases = MultiGauge.builder("shequ.cases").description("Cases in the register").register(registry);
    this.unclaimed = MultiGauge.builder("shequ.tasks.unclaimed").description("Open tasks nobody has claimed")
        .register(registry);
    this.overdue = MultiGauge.builder("shequ.tasks.overdue").description("Open tasks past their due date")
        .register(registry);
    this.incidents = MultiGauge.builder("shequ.incidents").description("Open engine incidents (运行故障)")
        .register(registry);
    registry.gauge("shequ.tasks.assigned", this, m -> m.assigned);
    registry.gauge("shequ.jobs.failed", this, m -> m.failedJobs);
    refresh();
  }

  @Scheduled(fixedDelayString = "${shequ.monitoring.refresh:60s}", initialDelayString = "${shequ.monitoring.refresh:60s}")
  public void refresh() {
    cases.register(pairs("select family, status, count(*) n from biz_case group by family, status",
        "family", "status"), true);
    unclaimed.register(rows("select l.GROUP_ID_ grp, count(distinct t.ID_) n from ACT_RU_TASK t"
        + " join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_"
        + " where l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null and t.ASSIGNEE_ is null group by l.GROUP_ID_",
        "group"), true);
    overdue.register(rows("select p.KEY_ process, count(*) n from ACT_RU_TASK t join ACT_RE_PROCDEF p on p.ID_ = t.PROC_DEF_ID_"
        + " where t.DUE_DATE_ < ? group by p.KEY_", "process", Clock.toDate(Clock.now())), true);
    incidents.register(rows("select INCIDENT_TYPE_ type, count(*) n from ACT_RU_INCIDENT group by INCIDENT_TYPE_",
        "type"), true);
    assigned = jdbc.queryForObject("select count(*) from ACT_RU_TASK where ASSIGNEE_ is not null", Long.class);
    failedJobs = jdbc.queryForObject("select count(*) from ACT_RU_JOB where RETRIES_ = 0", Long.class);
  }

  /** One row per tag value (the first column), the count in the second. */
  private List<MultiGauge.Row<?>> rows(String sql, String tag, Object... args) {
    return jdbc.query(sql, (rs, i) -> MultiGauge.Row.of(Tags.of(tag, rs.getString(1)), rs.getLong(2)), args);
  }

  /** One row per pair of tag values (the first two columns), the count in the third. */
  private List<MultiGauge.Row<?>> pairs(String sql, String first, String second) {
    return jdbc.query(sql, (rs, i) -> MultiGauge.Row.of(Tags.of(first, rs.getString(1), second, rs.getString(2)),
        rs.getLong(3)));
  }
}
