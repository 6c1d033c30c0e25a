package cn.shequflow.core.calendar;

import cn.shequflow.core.ShequProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The working calendar (CAL-1): Monday to Friday, except the State Council's holidays, plus the
 * weekend days worked in exchange (调休上班). Holiday files are CSV ({@code date,kind,name}, kind
 * {@code holiday} or {@code workday}), one per year; an administrator adds next year's file to
 * a configured location, no code changes. A year without a file is counted Monday to Friday, and
 * said loudly: a warning at start-up and in Cockpit ({@link CalendarStatus}), and in the log the
 * first time a date of that year is counted.
 */
@Component("workCalendar")
public class WorkCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkCalendar.class);

  private final Map<LocalDate, Boolean> exceptions;
  private final Set<Integer> yearsWithData;
  private final List<LocalTime[]> officeHours;
  private final Set<Integer> warnedYears = Collections.synchronizedSet(new HashSet<>());

  @Autowired
  public WorkCalendar(ShequProperties properties) {
    this(loadAll(properties.getCalendar().getLocations()), parseOfficeHours(properties.getCalendar().getOfficeHours()));
  }

  WorkCalendar(Map<LocalDate, Boolean> exceptions, List<LocalTime[]> officeHours) {
    this.exceptions = Map.copyOf(exceptions);
    Set<Integer> years = new HashSet<>();
    exceptions.keySet().forEach(d -> years.add(d.getYear()));
    this.yearsWithData = Set.copyOf(years);
    this.officeHours = List.copyOf(officeHours);
    LOG.info("Working calendar: {} exception days for years {}", exceptions.size(), yearsWithData);
  }

  /** For tests and tools: a calendar from CSV text. */
  public static WorkCalendar fromCsv(String csv, String officeHours) {
    Map<LocalDate, Boolean> map = new HashMap<>();
    parse(new BufferedReader(new java.io.StringReader(csv)), "csv", map);
    return new WorkCalendar(map, parseOfficeHours(officeHours));
  }

  public boolean hasDataFor(int year) {
    return yearsWithData.contains(year);
  }

  /** The years with a holiday file, in order. */
  public List<Integer> years() {
    return yearsWithData.stream().sorted().toList();
  }

  /**
   * Years the office is about to count deadlines in but has no holiday schedule for: this year, and
   * from October on (when the State Council publishes it) next year too.
   */
  public List<Integer> missingYears(LocalDate today) {
    List<Integer> missing = new ArrayList<>();
    if (!hasDataFor(today.getYear())) {
      missing.add(today.getYear());
    }
    if (today.getMonthValue() >= 10 && !hasDataFor(today.getYear() + 1)) {
      missing.add(today.getYear() + 1);
    }
    return missing;
  }

  public boolean isWorkingDay(LocalDate date) {
    Boolean exception = exceptions.get(date);
    if (exception != null) {
      return exception;
    }
    if (!yearsWithData.contains(date.getYear()) && warnedYears.add(date.getYear())) {
      LOG.warn("No holiday schedule for {}: counting Monday to Friday only. Add cn-workcalendar-{}.csv.",
          date.getYear(), date.getYear());
    }
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }

  /** The first working day of a month (the 1st, or the next working day after it). */
  public LocalDate firstWorkingDay(YearMonth month) {
    LocalDate first = month.atDay(1);
    return isWorkingDay(first) ? first : nextWorkingDay(first);
  }

  /** The first working day strictly after {@code date}. */
  public LocalDate nextWorkingDay(LocalDate date) {
    return addWorkingDays(date, 1);
  }

  /** The day {@code days} working days after {@code date} (only working days are counted). */
  public LocalDate addWorkingDays(LocalDate date, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    LocalDate d = date;
    int left = days;
    while (left > 0) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /** Working days in {@code (from, to]}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** When the office closes on {@code date} (the end of its last office period). */
  public LocalDateTime closeOfDay(LocalDate date) {
    return date.atTime(officeHours.get(officeHours.size() - 1)[1]);
  }

  /** Adds working time: only office hours on working days count. */
  public LocalDateTime addWorkingTime(LocalDateTime start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    LocalDateTime cursor = start;
    Duration left = amount;
    while (true) {
      LocalDate day = cursor.toLocalDate();
      if (isWorkingDay(day)) {
        for (LocalTime[] period : officeHours) {
          LocalDateTime open = day.atTime(period[0]);
          LocalDateTime close = day.atTime(period[1]);
          if (!cursor.isBefore(close)) {
            continue;
          }
          if (cursor.isBefore(open)) {
            cursor = open;
          }
          Duration available = Duration.between(cursor, close);
          if (left.compareTo(available) <= 0) {
            return cursor.plus(left);
          }
          left = left.minus(available);
          cursor = close;
        }
      }
      cursor = day.plusDays(1).atStartOfDay();
    }
  }

  /** Length of one working day (the sum of the office periods). */
  public Duration workingDayLength() {
    Duration total = Duration.ZERO;
    for (LocalTime[] p : officeHours) {
      total = total.plus(Duration.between(p[0], p[1]));
    }
    return total;
  }

  // ---- loading ----

  static Map<LocalDate, Boolean> loadAll(List<String> locations) {
    Map<LocalDate, Boolean> map = new HashMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String location : locations) {
      try {
        for (Resource resource : resolver.getResources(location)) {
          if (!resource.exists()) {
            continue;
          }
          try (BufferedReader reader = new BufferedReader(
              new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            parse(reader, resource.getDescription(), map);
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read working calendar " + location + ": " + e.getMessage(), e);
      }
    }
    return map;
  }

  static void parse(BufferedReader reader, String source, Map<LocalDate, Boolean> into) {
    try {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date,")) {
          continue;
        }
        String[] parts = trimmed.split(",", 3);
        if (parts.length < 2) {
          throw new IllegalStateException(source + " line " + number + ": expected date,kind,name");
        }
        LocalDate date;
        try {
          date = LocalDate.parse(parts[0].strip());
        } catch (DateTimeParseException e) {
          throw new IllegalStateException(source + " line " + number + ": bad date '" + parts[0] + "'");
        }
        switch (parts[1].strip()) {
          case "holiday" -> into.put(date, false);
          case "workday" -> into.put(date, true);
          default -> throw new IllegalStateException(
              source + " line " + number + ": kind must be holiday or workday, not '" + parts[1] + "'");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + source, e);
    }
  }

  static List<LocalTime[]> parseOfficeHours(String spec) {
    List<LocalTime[]> periods = new ArrayList<>();
    for (String part : spec.split(",")) {
      String[] times = part.strip().split("-");
      if (times.length != 2) {
        throw new IllegalStateException("shequ.calendar.office-hours: bad period '" + part + "'");
      }
      LocalTime open = LocalTime.parse(times[0].strip());
      LocalTime close = LocalTime.parse(times[1].strip());
      if (!close.isAfter(open) || (!periods.isEmpty() && open.isBefore(periods.get(periods.size() - 1)[1]))) {
        throw new IllegalStateException("shequ.calendar.office-hours: periods must be ordered: " + spec);
      }
      periods.add(new LocalTime[] {open, close});
    }
    if (periods.isEmpty()) {
      throw new IllegalStateException("shequ.calendar.office-hours is empty");
    }
    return periods;
  }
}
