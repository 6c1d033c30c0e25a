package cn.shequflow.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.ShequProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CAL-2: a year without the State Council's schedule is counted provisionally with the statutory
 * holidays of 全国年节及纪念日放假办法 (2024), and switches to the official file without a restart.
 */
class HolidayEstimateTest {

  private static final String OFFICE_HOURS = "08:30-12:00,14:00-17:30";

  private static WorkCalendar official2026() throws IOException {
    try (InputStream in = HolidayEstimateTest.class.getResourceAsStream("/calendar/cn-workcalendar-2026.csv")) {
      return WorkCalendar.fromCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8), OFFICE_HOURS);
    }
  }

  private static LocalDate estimated(int year, String name) {
    return StatutoryHolidays.of(year).stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow().date();
  }

  @Test
  @DisplayName("CAL-2: every estimated 2026 holiday, 补假 included, is a holiday in the official 2026 schedule")
  void estimateWithinOfficial2026() throws IOException {
    WorkCalendar official = official2026();
    List<StatutoryHolidays.Holiday> estimate = StatutoryHolidays.of(2026);
    assertThat(estimate).extracting(StatutoryHolidays.Holiday::name)
        .contains("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "清明节补假", "劳动节补假", "国庆节补假");
    assertThat(estimate).allSatisfy(h ->
        assertThat(official.isWorkingDay(h.date())).as("%s %s", h.date(), h.name()).isFalse());
  }

  @DisplayName("CAL-2: lunar holidays (ICU4J ChineseCalendar) and the 清明 solar term (sun at 15°, Beijing time)")
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
      "2026, 春节, 2026-02-16",   // 除夕, first day of 春节
      "2026, 清明节, 2026-04-05",
      "2026, 端午节, 2026-06-19",
      "2026, 中秋节, 2026-09-25",
      "2027, 元旦, 2027-01-01",
      "2027, 清明节, 2027-04-05",
      "2027, 端午节, 2027-06-09",
      "2027, 中秋节, 2027-09-15",
      "2025, 清明节, 2025-04-04",
      "2025, 春节, 2025-01-28",
      "2025, 中秋节, 2025-10-06"})
  void knownDates(int year, String name, LocalDate date) {
    assertThat(estimated(year, name)).isEqualTo(date);
  }

  @Test
  @DisplayName("CAL-2: 补假: a holiday on a weekend gives the next Monday-to-Friday day that is not a holiday")
  void compensatoryDays() {
    assertThat(StatutoryHolidays.of(2026)).contains(
        new StatutoryHolidays.Holiday(LocalDate.of(2026, 4, 6), "清明节补假"),   // 清明 on Sunday
        new StatutoryHolidays.Holiday(LocalDate.of(2026, 5, 4), "劳动节补假"),   // 2 May on Saturday
        new StatutoryHolidays.Holiday(LocalDate.of(2026, 10, 5), "国庆节补假")); // 3 October on Saturday
    assertThat(StatutoryHolidays.of(2027)).contains(
        new StatutoryHolidays.Holiday(LocalDate.of(2027, 5, 3), "劳动节补假"),
        new StatutoryHolidays.Holiday(LocalDate.of(2027, 5, 4), "劳动节补假"),
        new StatutoryHolidays.Holiday(LocalDate.of(2027, 10, 4), "国庆节补假"),
        new StatutoryHolidays.Holiday(LocalDate.of(2027, 10, 5), "国庆节补假"));
  }

  @Test
  @DisplayName("CAL-2: 2027 without a file is provisional: 元旦 and 清明 are not working days")
  void provisional2027() throws IOException {
    WorkCalendar calendar = official2026();
    assertThat(calendar.isProvisional(2026)).isFalse();
    assertThat(calendar.isProvisional(2027)).isTrue();
    assertThat(calendar.provisionalYears(LocalDate.of(2026, 9, 30))).isEmpty();
    assertThat(calendar.provisionalYears(LocalDate.of(2026, 10, 1))).containsExactly(2027);
    assertThat(calendar.provisionalYears(LocalDate.of(2027, 3, 1))).containsExactly(2027);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 5))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).as("ordinary Monday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).as("no 调休 in an estimate").isFalse();
  }

  @Test
  @DisplayName("CAL-2: 2027 春节: 除夕 2027-02-05 to 初三 2027-02-08 are not working days")
  void springFestival2027() throws IOException {
    WorkCalendar calendar = official2026();
    for (LocalDate d = LocalDate.of(2027, 2, 5); !d.isAfter(LocalDate.of(2027, 2, 8)); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
    }
  }

  @Test
  @DisplayName("CAL-2: adding the official 2027 file to the calendar folder replaces the estimate without a restart")
  void reloadOfficialFile(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("cn-workcalendar-2026.csv"), "2026-10-01,holiday,国庆节\n");
    ShequProperties properties = new ShequProperties();
    properties.getCalendar().setLocations(List.of(folder.toUri() + "*.csv"));
    properties.getCalendar().setReloadInterval(Duration.ofHours(1));
    WorkCalendar calendar = new WorkCalendar(properties);
    assertThat(calendar.isProvisional(2027)).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("estimated 元旦").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).as("estimate: no 调休").isFalse();
    assertThat(calendar.reload()).as("nothing changed").isFalse();

    Files.writeString(folder.resolve("cn-workcalendar-2027.csv"), """
        date,kind,name
        2027-01-01,holiday,元旦
        2027-01-02,workday,元旦调休上班
        2027-01-04,holiday,元旦
        """);
    assertThat(calendar.reload()).isTrue();
    assertThat(calendar.isProvisional(2027)).isFalse();
    assertThat(calendar.years()).containsExactly(2026, 2027);
    assertThat(calendar.provisionalYears(LocalDate.of(2026, 12, 1))).isEmpty();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).as("official 调休上班").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).as("official holiday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 5))).as("no estimate once official").isTrue();
  }
}
