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
 * Whether the working calendar covers the years deadlines are counted in (CAL-1). A missing year is
 * a warning at start-up and on the Cockpit dashboard (a plugin reads {@code GET /calendar-status},
 * which says only which years have a holiday file, so it needs no login), never a silent
 * Monday-to-Friday fallback.
 */
@RestController
public class CalendarStatus implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarStatus.class);

  public record Status(List<Integer> years, List<Integer> missing, String warning) {}

  private final WorkCalendar calendar;

  public CalendarStatus(WorkCalendar calendar) {
    this.calendar = calendar;
  }

  @GetMapping("/calendar-status")
  public Status status() {
    List<Integer> missing = calendar.missingYears(Clock.today());
    String warning = missing.isEmpty() ? null
        : "工作日历缺少 " + missing.stream().map(String::valueOf).reduce((a, b) -> a + "、" + b).orElse("")
            + " 年的节假日安排：这些年份的期限暂按周一至周五计算，调休和法定节假日不会计入。请管理员把国务院公布的安排"
            + "按 cn-workcalendar-<年份>.csv 放入日历目录（SHEQU_CALENDAR_DIR）后重启。";
    return new Status(calendar.years(), missing, warning);
  }

  @Override
  public void run(ApplicationArguments args) {
    Status status = status();
    if (status.warning() != null) {
      LOG.warn("Working calendar: no holiday schedule for {} (files for {}). {}", status.missing(), status.years(),
          status.warning());
    }
  }
}
