package cn.shequflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequflow.core.ShequProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CAL-1: the 2026 State Council schedule, shipped in the app, including make-up working days. */
class WorkCalendarTest {

  private final WorkCalendar calendar = new WorkCalendar(new ShequProperties());

  @DisplayName("CAL-1: holidays, weekends and make-up working days (调休上班) of 2026")
  @ParameterizedTest(name = "{0} working: {1}")
  @CsvSource({
      "2026-01-01, false", // 元旦
      "2026-01-04, true",  // Sunday worked
      "2026-02-14, true",  // Saturday worked before 春节
      "2026-02-16, false", // 春节 Monday
      "2026-02-23, false", // 春节 Monday, last holiday
      "2026-02-24, true",
      "2026-02-28, true",  // Saturday worked
      "2026-05-05, false",
      "2026-05-09, true",
      "2026-09-20, true",  // Sunday worked
      "2026-10-01, false",
      "2026-10-07, false",
      "2026-10-08, true",
      "2026-10-10, true",  // Saturday worked
      "2026-11-21, false", // ordinary Saturday
      "2026-11-23, true"}) // ordinary Monday
  void workingDays(LocalDate date, boolean working) {
    assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
  }

  @Test
  @DisplayName("CAL-1: the next working day skips the National Day week")
  void nextWorkingDayAcrossNationalDay() {
    assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @DisplayName("CAL-1: the first working day of a month: the 1st, or the next working day after weekends and holidays")
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "2026-01, 2026-01-04", // 元旦 1-3 January, Sunday the 4th worked
      "2026-08, 2026-08-03", // Saturday the 1st
      "2026-09, 2026-09-01",
      "2026-10, 2026-10-08", // National Day 1-7 October
      "2026-11, 2026-11-02"}) // Sunday the 1st
  void firstWorkingDay(String month, LocalDate first) {
    assertThat(calendar.firstWorkingDay(java.time.YearMonth.parse(month))).isEqualTo(first);
  }

  @Test
  @DisplayName("CAL-1: working days between two dates count only working days")
  void workingDaysBetween() {
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10))).isEqualTo(3);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 27))).isEqualTo(5);
  }

  @Test
  @DisplayName("Working time counts office hours only (08:30-12:00, 14:00-17:30)")
  void workingTime() {
    LocalDateTime fridayAfternoon = LocalDateTime.of(2026, 11, 27, 16, 0);
    assertThat(calendar.addWorkingTime(fridayAfternoon, Duration.ofHours(2)))
        .isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 0));
    assertThat(calendar.addWorkingTime(LocalDateTime.of(2026, 11, 23, 11, 0), Duration.ofHours(2)))
        .isEqualTo(LocalDateTime.of(2026, 11, 23, 15, 0));
    assertThat(calendar.addWorkingTime(LocalDateTime.of(2026, 11, 23, 7, 0), Duration.ofMinutes(30)))
        .isEqualTo(LocalDateTime.of(2026, 11, 23, 9, 0));
    assertThat(calendar.workingDayLength()).isEqualTo(Duration.ofHours(7));
    assertThat(calendar.closeOfDay(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDateTime.of(2026, 11, 23, 17, 30));
  }

  @Test
  @DisplayName("CAL-2: a span of days is provisional when any year in it has no holiday file")
  void provisionalSpan() {
    WorkCalendar only2026 = WorkCalendar.fromCsv("2026-10-01,holiday,国庆节", "09:00-17:00");
    assertThat(only2026.isProvisionalBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31))).isFalse();
    assertThat(only2026.isProvisionalBetween(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 4))).isTrue();
    assertThat(only2026.isProvisionalBetween(LocalDate.of(2027, 1, 4), LocalDate.of(2026, 12, 30))).as("either order").isTrue();
    assertThat(only2026.isProvisionalBetween(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 4))).isTrue();
    assertThat(only2026.isProvisionalBetween(LocalDate.of(2027, 5, 6), LocalDate.of(2027, 5, 6))).isTrue();
  }

  @Test
  @DisplayName("CAL-1: a new year is data: a CSV in the same format, no code change")
  void newYearAsData() {
    WorkCalendar withNextYear = WorkCalendar.fromCsv("""
        # 2027 (example)
        date,kind,name
        2027-01-01,holiday,元旦
        2027-01-02,workday,调休上班
        """, "09:00-17:00");
    assertThat(withNextYear.hasDataFor(2027)).isTrue();
    assertThat(withNextYear.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(withNextYear.isWorkingDay(LocalDate.of(2027, 1, 2))).isTrue();
    assertThat(calendar.hasDataFor(2027)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).as("Monday to Friday without data").isTrue();
  }

  @Test
  @DisplayName("A malformed calendar file is refused with its line")
  void malformedFile() {
    assertThatThrownBy(() -> WorkCalendar.fromCsv("2026-13-01,holiday,x", "09:00-17:00"))
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> WorkCalendar.fromCsv("2026-10-01,off,x", "09:00-17:00"))
        .hasMessageContaining("holiday or workday");
  }

  @Test
  @DisplayName("CAL-1: a missing year is reported, this year always, next year from October on")
  void missingYears() {
    assertThat(calendar.years()).contains(2026);
    assertThat(calendar.missingYears(LocalDate.of(2026, 9, 30))).isEmpty();
    assertThat(calendar.missingYears(LocalDate.of(2026, 10, 1))).containsExactly(2027);
    assertThat(calendar.missingYears(LocalDate.of(2027, 3, 1))).containsExactly(2027);
    WorkCalendar withNextYear = WorkCalendar.fromCsv("2026-10-01,holiday,国庆节\n2027-01-01,holiday,元旦",
        "08:30-12:00,14:00-17:30");
    assertThat(withNextYear.missingYears(LocalDate.of(2026, 11, 21))).isEmpty();
  }
}
