package cn.shequflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CAL-2: the day a lunar month begins is the Beijing date of its true new moon. */
class NewMoonTest {

  @Test
  @DisplayName("Meeus example 49.a: the new moon of February 1977 at JDE 2443192.65118")
  void meeusExample() {
    assertThat(NewMoon.julianEphemerisDay(-283)).isCloseTo(2443192.65118, within(0.00002));
  }

  @Test
  @DisplayName("The new moon of 2027-02-06 falls at 15:56 UTC, four minutes before Beijing midnight")
  void newMoonBeforeMidnight() {
    Instant newMoon = NewMoon.nearest(Instant.parse("2027-02-06T00:00:00Z"));
    assertThat(Duration.between(Instant.parse("2027-02-06T15:56:00Z"), newMoon).abs()).isLessThan(Duration.ofMinutes(1));
    assertThat(NewMoon.nearestDay(LocalDate.of(2027, 2, 7))).isEqualTo(LocalDate.of(2027, 2, 6));
  }

  @ParameterizedTest(name = "正月初一 {0}")
  @DisplayName("CAL-2: 正月初一 of the estimate matches the published Spring Festival dates")
  @CsvSource({"2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17",
      "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03", "2031-01-23", "2032-02-11", "2033-01-31"})
  void springFestival(LocalDate newYear) {
    assertThat(StatutoryHolidays.lunarDate(newYear.getYear(), 0, 1)).isEqualTo(newYear);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("CAL-2: 端午 and 中秋 of the estimate match the published dates")
  @CsvSource({"2025-05-31, 4, 5", "2025-10-06, 7, 15", "2026-06-19, 4, 5", "2026-09-25, 7, 15",
      "2027-06-09, 4, 5", "2027-09-15, 7, 15", "2028-05-28, 4, 5", "2028-10-03, 7, 15"})
  void otherLunarFestivals(LocalDate expected, int month, int day) {
    assertThat(StatutoryHolidays.lunarDate(expected.getYear(), month, day)).isEqualTo(expected);
  }
}
