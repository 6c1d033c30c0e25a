package cn.shequflow.core.monitoring;

import cn.shequflow.core.calendar.WorkCalendar;
import cn.shequflow.core.process.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Deadlines are counted in working days: without this year's holiday file they fall on the wrong
 * days (the calendar counts weekends only). That is {@code WARNING}: the administrators' health
 * says so, but the node keeps serving (every node lacks the same file, and taking them all out of the
 * load balancer would stop the office). Next year's missing file (from October on) is a detail.
 */
@Component("workCalendarHealthIndicator") // the health part "workCalendar"
public class WorkCalendarHealth implements HealthIndicator {

  /** Worse than UP, better than DOWN, answered 200 (application.yaml: management.endpoint.health.status). */
  static final Status WARNING = new Status("WARNING", "今年的节假日安排文件缺失，期限按周末计算，请管理员补充");

  private final WorkCalendar calendar;

  public WorkCalendarHealth(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public Health health() {
    LocalDate today = Clock.today();
    List<Integer> missing = calendar.missingYears(today);
    Health.Builder health = missing.contains(today.getYear()) ? Health.status(WARNING) : Health.up();
    return health.withDetail("year", today.getYear()).withDetail("missingYears", missing).build();
  }
}
