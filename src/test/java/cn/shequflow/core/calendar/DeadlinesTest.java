package cn.shequflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.ShequProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The one deadline service: working days, working hours and wall-clock time on the 2026 calendar. */
class DeadlinesTest {

  private final Deadlines deadlines = new Deadlines(new WorkCalendar(new ShequProperties()), Mockito.mock(CaseMapper.class));

  @Test
  @DisplayName("CAL-1: working days skip the National Day holiday and count the make-up Saturday")
  void workingDays() {
    assertThat(deadlines.closeOfWorkingDayAfter(LocalDate.of(2026, 9, 30), 1))
        .isEqualTo(LocalDateTime.of(2026, 10, 8, 17, 30));
    assertThat(deadlines.closeOfWorkingDayAfter(LocalDate.of(2026, 10, 9), 1))
        .as("Saturday 10 October is worked").isEqualTo(LocalDateTime.of(2026, 10, 10, 17, 30));
  }

  @Test
  @DisplayName("CAL-1: working hours from 17:00 on the eve of National Day continue after the holiday")
  void workingHoursOverTheHoliday() {
    LocalDateTime eve = LocalDateTime.of(2026, 9, 30, 17, 0);
    assertThat(deadlines.afterWorkingTime(eve, Duration.ofHours(2))).isEqualTo(LocalDateTime.of(2026, 10, 8, 10, 0));
    assertThat(deadlines.afterWallClock(eve, Duration.ofHours(2))).isEqualTo(LocalDateTime.of(2026, 9, 30, 19, 0));
  }

  @Test
  @DisplayName("CC-4: 7 calendar days run through the National Day holiday and end with the last second of the 7th day")
  void calendarDays() {
    assertThat(deadlines.endOfCalendarDayAfter(LocalDate.of(2026, 9, 30), 7))
        .isEqualTo(LocalDateTime.of(2026, 10, 7, 23, 59, 59));
    assertThat(deadlines.endOfCalendarDayAfter(LocalDate.of(2026, 11, 23), 7))
        .isEqualTo(LocalDateTime.of(2026, 11, 30, 23, 59, 59));
  }
}
