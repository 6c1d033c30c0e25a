package cn.shequflow.core.calendar;

import cn.shequflow.core.process.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether the working calendar covers the years deadlines are counted in (CAL-1, CAL-2). A year
 * without a holiday file is provisional (estimated statutory holidays, no 调休): a warning at
 * start-up and on the Cockpit dashboard (a plugin reads {@code GET /calendar-status}, which says
 * only which years have a holiday file, so it needs no login), never a silent fallback.
 */
@RestController
public class CalendarStatus implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarStatus.class);

  /**
   * {@code years}: the years with a holiday file; {@code provisional}: the years deadlines are about
   * to be counted in with estimated holidays only; {@code missing}: the same as {@code provisional}
   * (kept for older clients).
   */
  public record Status(List<Integer> years, List<Integer> provisional, List<Integer> missing, String warning) {}

  private final WorkCalendar calendar;

  public CalendarStatus(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/calendar-status")
  public Status status() {
    List<Integer> provisional = calendar.provisionalYears(Clock.today());
    String warning = provisional.isEmpty() ? null
        : "工作日历缺少 " + provisional.stream().map(String::valueOf).reduce((a, b) -> a + "、" + b).orElse("")
            + " 年的国务院节假日安排：这些年份的期限暂按法定节假日估算（不含调休），为暂定期限。请管理员把国务院公布的安排"
            + "按 cn-workcalendar-<年份>.csv 放入日历目录（SHEQU_CALENDAR_DIR），系统会自动读取，无需重启。";
    return new Status(calendar.years(), provisional, provisional, warning);
  }

  @Override
  public void run(ApplicationArguments args) {
    Status status = status();
    if (status.warning() != null) {
      LOG.warn("Working calendar: provisional years {} (files for {}). {}", status.provisional(), status.years(),
          status.warning());
    }
  }
}
