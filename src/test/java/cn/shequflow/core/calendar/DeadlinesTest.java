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

  @Test
  @DisplayName("CAL-2: a deadline counted with estimated holidays is stored provisional and keeps its mark after the official file arrives")
  void provisionalMarkIsKept() {
    CaseMapper mapper = Mockito.mock(CaseMapper.class);
    WorkCalendar only2026 = WorkCalendar.fromCsv("2026-10-01,holiday,国庆节", "08:30-12:00,14:00-17:30");
    Deadlines counted = new Deadlines(only2026, mapper);
    LocalDateTime due = LocalDateTime.of(2027, 1, 11, 17, 30);
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(cn.shequflow.core.process.Clock.toDate(LocalDateTime.of(2026, 12, 30, 9, 0)));
    try {
      counted.set("LV-2026-000001", "reportBack", due);
      Mockito.verify(mapper).insertDeadline("LV-2026-000001", "reportBack", due, true);
      counted.set("LV-2026-000001", "other", LocalDateTime.of(2026, 12, 31, 17, 30));
      Mockito.verify(mapper).insertDeadline("LV-2026-000001", "other", LocalDateTime.of(2026, 12, 31, 17, 30), false);
    } finally {
      cn.shequflow.support.TestClock.reset();
    }

    // The official 2027 file has arrived: the stored mark stays, a new count across 2027 is official.
    WorkCalendar with2027 = WorkCalendar.fromCsv("2026-10-01,holiday,国庆节\n2027-01-01,holiday,元旦", "08:30-12:00,14:00-17:30");
    Mockito.when(mapper.deadlines("LV-2026-000001")).thenReturn(java.util.List.of(
        new CaseMapper.NamedDeadline("reportBack", due, true),
        new CaseMapper.NamedDeadline("later", LocalDateTime.of(2027, 3, 1, 17, 30), false)));
    Deadlines official = new Deadlines(with2027, mapper);
    LocalDateTime filed = LocalDateTime.of(2026, 12, 30, 9, 0);
    assertThat(official.of("LV-2026-000001", filed)).extracting(Deadlines.Deadline::provisional).containsExactly(true, false);
    assertThat(official.isProvisional("LV-2026-000001", filed, due)).as("a task due at the estimated deadline").isTrue();
    assertThat(official.isProvisional("LV-2026-000001", filed, LocalDateTime.of(2027, 3, 1, 17, 30))).isFalse();
    // Without the file, a count across 2027 is provisional whatever was stored.
    assertThat(new Deadlines(only2026, mapper).isProvisional("LV-2026-000001", filed, LocalDateTime.of(2027, 3, 1, 17, 30))).isTrue();
  }
}
