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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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
 * a configured location, no code changes and no restart: the locations are checked again at most
 * every {@code shequ.calendar.reload-interval} (60 s by default) when the calendar is used, and a
 * changed set of files (or a changed file) is read into a new immutable snapshot.
 *
 * <p>A year without a file is <em>provisional</em> (CAL-2): it is counted Monday to Friday except
 * the statutory holidays of 全国年节及纪念日放假办法 ({@link StatutoryHolidays}, with 补假 but no
 * 调休), and said loudly: a warning at start-up and in Cockpit ({@link CalendarStatus}), and in the
 * log the first time a date of that year is counted.
 */
@Component("workCalendar")
public class WorkCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkCalendar.class);

  /** What was read from the holiday files at one time; replaced whole, never changed. */
  private record Snapshot(Map<LocalDate, Boolean> exceptions, Set<Integer> yearsWithData, Map<String, String> files) {

    static Snapshot of(Map<LocalDate, Boolean> exceptions, Map<String, String> files) {
      Set<Integer> years = new HashSet<>();
      exceptions.keySet().forEach(d -> years.add(d.getYear()));
      return new Snapshot(Map.copyOf(exceptions), Set.copyOf(years), Map.copyOf(files));
    }
  }

  private final List<String> locations;
  private final long reloadIntervalMillis;
  private final List<LocalTime[]> officeHours;
  private final Set<Integer> warnedYears = Collections.synchronizedSet(new HashSet<>());
  private final Map<Integer, Set<LocalDate>> estimates = new ConcurrentHashMap<>();
  private volatile Snapshot snapshot;
  private volatile long nextCheck;

  @Autowired
  public WorkCalendar(ShequProperties properties) {
    this.locations = List.copyOf(properties.getCalendar().getLocations());
    this.reloadIntervalMillis = properties.getCalendar().getReloadInterval().toMillis();
    this.officeHours = List.copyOf(parseOfficeHours(properties.getCalendar().getOfficeHours()));
    List<Resource> resources = scan(locations);
    this.snapshot = Snapshot.of(load(resources), signature(resources));
    this.nextCheck = System.currentTimeMillis() + reloadIntervalMillis;
    LOG.info("Working calendar: {} exception days for years {}", snapshot.exceptions().size(), years());
  }

  WorkCalendar(Map<LocalDate, Boolean> exceptions, List<LocalTime[]> officeHours) {
    this.locations = List.of();
    this.reloadIntervalMillis = Long.MAX_VALUE;
    this.officeHours = List.copyOf(officeHours);
    this.snapshot = Snapshot.of(exceptions, Map.of());
    this.nextCheck = Long.MAX_VALUE;
    LOG.info("Working calendar: {} exception days for years {}", exceptions.size(), years());
  }

  /** For tests and tools: a calendar from CSV text. */
  public static WorkCalendar fromCsv(String csv, String officeHours) {
    Map<LocalDate, Boolean> map = new HashMap<>();
    parse(new BufferedReader(new java.io.StringReader(csv)), "csv", map);
    return new WorkCalendar(map, parseOfficeHours(officeHours));
  }

  /**
   * Reads the configured locations again now if their files changed (added, removed or modified),
   * without waiting for the reload interval. Returns whether a new snapshot was taken.
   */
  public synchronized boolean reload() {
    if (locations.isEmpty()) {
      return false;
    }
    nextCheck = System.currentTimeMillis() + reloadIntervalMillis;
    List<Resource> resources = scan(locations);
    Map<String, String> files = signature(resources);
    if (files.equals(snapshot.files())) {
      return false;
    }
    Snapshot next;
    try {
      next = Snapshot.of(load(resources), files);
    } catch (IllegalStateException e) {
      // A half-written or malformed file: keep counting with what we have, and try again later.
      LOG.error("Working calendar not reloaded, keeping years {}: {}", years(), e.getMessage());
      return false;
    }
    Set<Integer> added = new HashSet<>(next.yearsWithData());
    added.removeAll(snapshot.yearsWithData());
    snapshot = next;
    LOG.info("Working calendar reloaded: {} exception days for years {}{}", next.exceptions().size(), years(),
        added.isEmpty() ? "" : " (official schedule now for " + added + ")");
    return true;
  }

  private Snapshot current() {
    if (System.currentTimeMillis() >= nextCheck) {
      reloadIfDue();
    }
    return snapshot;
  }

  private synchronized void reloadIfDue() {
    // Several threads may have seen the interval pass; only the first one checks the files.
    if (System.currentTimeMillis() >= nextCheck) {
      reload();
    }
  }

  public boolean hasDataFor(int year) {
    return current().yearsWithData().contains(year);
  }

  /**
   * Whether {@code year} has no holiday file, so that its holidays are only estimated from the law
   * ({@link StatutoryHolidays}, no 调休) and its deadlines are provisional (暂定).
   */
  public boolean isProvisional(int year) {
    return !hasDataFor(year);
  }

  /**
   * Whether a span of days is counted, even in part, in a provisional year: a deadline counted from
   * {@code from} to {@code to} is then provisional (暂定) too.
   */
  public boolean isProvisionalBetween(LocalDate from, LocalDate to) {
    LocalDate first = from.isAfter(to) ? to : from;
    LocalDate last = from.isAfter(to) ? from : to;
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      if (isProvisional(year)) {
        return true;
      }
    }
    return false;
  }

  /** The estimated holidays (including 补假) a provisional year is counted with. */
  public Set<LocalDate> estimatedHolidays(int year) {
    return estimates.computeIfAbsent(year, y -> StatutoryHolidays.of(y).stream()
        .map(StatutoryHolidays.Holiday::date).collect(Collectors.toUnmodifiableSet()));
  }

  /** The years with a holiday file, in order. */
  public List<Integer> years() {
    return current().yearsWithData().stream().sorted().toList();
  }

  /**
   * Years the office is about to count deadlines in but has only the estimate for (provisional
   * years): this year, and from October on (when the State Council publishes it) next year too.
   */
  public List<Integer> provisionalYears(LocalDate today) {
    List<Integer> provisional = new ArrayList<>();
    if (isProvisional(today.getYear())) {
      provisional.add(today.getYear());
    }
    if (today.getMonthValue() >= 10 && isProvisional(today.getYear() + 1)) {
      provisional.add(today.getYear() + 1);
    }
    return provisional;
  }

  /** The years without a holiday file; the same as {@link #provisionalYears}. */
  public List<Integer> missingYears(LocalDate today) {
    return provisionalYears(today);
  }

  public boolean isWorkingDay(LocalDate date) {
    Snapshot s = current();
    Boolean exception = s.exceptions().get(date);
    if (exception != null) {
      return exception;
    }
    if (!s.yearsWithData().contains(date.getYear())) {
      if (warnedYears.add(date.getYear())) {
        LOG.warn("No holiday schedule for {}: counting provisionally with the statutory holidays only (no 调休). "
            + "Add cn-workcalendar-{}.csv to the calendar folder; no restart needed.", date.getYear(), date.getYear());
      }
      if (estimatedHolidays(date.getYear()).contains(date)) {
        return false;
      }
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
    return load(scan(locations));
  }

  /** The existing resources of the locations, in order. */
  static List<Resource> scan(List<String> locations) {
    List<Resource> resources = new ArrayList<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String location : locations) {
      try {
        for (Resource resource : resolver.getResources(location)) {
          if (resource.exists()) {
            resources.add(resource);
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read working calendar " + location + ": " + e.getMessage(), e);
      }
    }
    return resources;
  }

  /** Each resource with its last-modified time and length, to see whether anything changed. */
  static Map<String, String> signature(List<Resource> resources) {
    Map<String, String> files = new HashMap<>();
    for (Resource resource : resources) {
      String stamp;
      try {
        stamp = resource.lastModified() + "/" + resource.contentLength();
      } catch (IOException e) {
        stamp = "?";
      }
      files.put(resource.getDescription(), stamp);
    }
    return files;
  }

  static Map<LocalDate, Boolean> load(List<Resource> resources) {
    Map<LocalDate, Boolean> map = new HashMap<>();
    for (Resource resource : resources) {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
        parse(reader, resource.getDescription(), map);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read working calendar " + resource.getDescription() + ": "
            + e.getMessage(), e);
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
