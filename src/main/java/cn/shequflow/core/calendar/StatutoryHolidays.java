package cn.shequflow.core.calendar;

import com.ibm.icu.impl.CalendarAstronomer;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statutory holidays of 全国年节及纪念日放假办法 (2024 revision), computed for any year (CAL-2):
 * 元旦 (1 January), 春节 (除夕 and 正月初一 to 初三), 清明节 (the day of the 清明 solar term in
 * Beijing time), 劳动节 (1-2 May), 端午节 (五月初五), 中秋节 (八月十五), 国庆节 (1-3 October), and the
 * law's 补假: a holiday on a Saturday or Sunday gives the next Monday-to-Friday day that is not a
 * holiday off. Lunar months come from ICU4J's {@link ChineseCalendar}, the day each begins from the
 * true new moon ({@link NewMoon}, more precise than ICU4J's near midnight), the solar term from ICU4J's
 * {@link CalendarAstronomer}. Without the State Council's yearly schedule there are no 调休 (make-up
 * working days): this is an estimate for years without a file.
 */
public final class StatutoryHolidays {

  /** One estimated holiday: a date and its Chinese name, e.g. 春节 or 春节补假. */
  public record Holiday(LocalDate date, String name) {}

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final TimeZone CHINA = TimeZone.getTimeZone("Asia/Shanghai");
  private static final double QINGMING_LONGITUDE = Math.toRadians(15);

  private StatutoryHolidays() {}

  /** The statutory holidays of {@code year}, including 补假, in date order. */
  public static List<Holiday> of(int year) {
    Map<LocalDate, String> days = new LinkedHashMap<>();
    days.put(LocalDate.of(year, 1, 1), "元旦");
    LocalDate newYear = lunarDate(year, 0, 1);
    days.put(newYear.minusDays(1), "春节");
    for (int i = 0; i < 3; i++) {
      days.put(newYear.plusDays(i), "春节");
    }
    days.put(qingming(year), "清明节");
    days.put(LocalDate.of(year, 5, 1), "劳动节");
    days.put(LocalDate.of(year, 5, 2), "劳动节");
    days.put(lunarDate(year, 4, 5), "端午节");
    days.put(lunarDate(year, 7, 15), "中秋节");
    for (int d = 1; d <= 3; d++) {
      days.put(LocalDate.of(year, 10, d), "国庆节");
    }
    // 补假: in date order, so a second weekend holiday takes the day after the first one's 补假.
    List<Map.Entry<LocalDate, String>> statutory = new ArrayList<>(days.entrySet());
    statutory.sort(Map.Entry.comparingByKey());
    Map<LocalDate, String> all = new LinkedHashMap<>(days);
    for (Map.Entry<LocalDate, String> holiday : statutory) {
      if (isWeekend(holiday.getKey())) {
        LocalDate d = holiday.getKey().plusDays(1);
        while (isWeekend(d) || all.containsKey(d)) {
          d = d.plusDays(1);
        }
        all.put(d, holiday.getValue() + "补假");
      }
    }
    return all.entrySet().stream()
        .map(e -> new Holiday(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(Holiday::date))
        .toList();
  }

  private static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /**
   * The Gregorian date of a day of the (non-leap) lunar month {@code month} (0 = 正月) of the lunar
   * year that begins in Gregorian {@code year}.
   */
  static LocalDate lunarDate(int year, int month, int dayOfMonth) {
    ChineseCalendar calendar = new ChineseCalendar(CHINA);
    // Mid-year is always in the lunar year that began in January or February of the same year.
    calendar.setTimeInMillis(LocalDate.of(year, 6, 1).atTime(12, 0).atZone(BEIJING).toInstant().toEpochMilli());
    int extendedYear = calendar.get(ChineseCalendar.EXTENDED_YEAR);
    calendar.clear();
    calendar.set(ChineseCalendar.EXTENDED_YEAR, extendedYear);
    calendar.set(ChineseCalendar.MONTH, month);
    calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
    calendar.set(ChineseCalendar.DAY_OF_MONTH, 1);
    calendar.set(ChineseCalendar.HOUR_OF_DAY, 12);
    LocalDate firstByIcu = Instant.ofEpochMilli(calendar.getTimeInMillis()).atZone(BEIJING).toLocalDate();
    // ICU4J finds the right lunation; the day it begins is the Beijing date of its true new moon.
    return NewMoon.nearestDay(firstByIcu).plusDays(dayOfMonth - 1);
  }

  /** The day (Beijing time) the sun's ecliptic longitude reaches 15°: the 清明 solar term. */
  static LocalDate qingming(int year) {
    long low = LocalDate.of(year, 4, 3).atStartOfDay(BEIJING).toInstant().toEpochMilli();
    long high = LocalDate.of(year, 4, 7).atStartOfDay(BEIJING).toInstant().toEpochMilli();
    CalendarAstronomer astronomer = new CalendarAstronomer();
    while (high - low > 1000) {
      long mid = low + (high - low) / 2;
      astronomer.setTime(mid);
      if (astronomer.getSunLongitude() < QINGMING_LONGITUDE) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return Instant.ofEpochMilli(high).atZone(BEIJING).toLocalDate();
  }
}
