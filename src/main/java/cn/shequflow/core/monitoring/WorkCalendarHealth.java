package cn.shequflow.core.monitoring;

import cn.shequflow.core.calendar.WorkCalendar;
import cn.shequflow.core.process.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Deadlines are counted in working days: a node without this year's holiday file would count them
 * wrongly, so it is DOWN. Next year's missing file (from October on) is a detail, not a fault.
 */
@Component("workCalendarHealthIndicator") // the health part "workCalendar"
public class WorkCalendarHealth implements HealthIndicator {

  private final WorkCalendar calendar;

  public WorkCalendarHealth(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public Health health() {
    LocalDate today = Clock.today();
    List<Integer> missing = calendar.missingYears(today);
    Health.Builder health = missing.contains(today.getYear()) ? Health.down() : Health.up();
    return health.withDetail("year", today.getYear()).withDetail("missingYears", missing).build();
  }
}
