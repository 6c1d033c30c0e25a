package cn.shequflow.core.calendar;

import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.process.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The one place deadlines are computed and kept. Limits are policy (a model's input parameters or a
 * decision table); this service turns them into moments on the working calendar (CAL-1), in
 * calendar days or on the wall clock, and stores a case's named deadlines in the register, where
 * timers and task due dates read them back: {@code camunda:dueDate="${deadlines.due(execution, 'reportBack')}"},
 * {@code <timeDate>${deadlines.due(execution, 'reportBackOverdue')}</timeDate>}.
 */
@Service("deadlines")
public class Deadlines {

  /** Whole seconds: MySQL/MariaDB DATETIME columns would round a fraction up into the next day. */
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final WorkCalendar calendar;
  private final CaseMapper cases;

  public Deadlines(WorkCalendar calendar, CaseMapper cases) {
    this.calendar = calendar;
    this.cases = cases;
  }

  /** Close of office on the {@code workingDays}-th working day after {@code from}. */
  public LocalDateTime closeOfWorkingDayAfter(LocalDate from, int workingDays) {
    return calendar.closeOfDay(calendar.addWorkingDays(from, workingDays));
  }

  /**
   * The end of the {@code calendarDays}-th calendar day after {@code from} (a limit in plain days,
   * "7日内": weekends and holidays count, the day of {@code from} itself does not). The last second of
   * that day, so that a timer set to it fires once the day is over.
   */
  public LocalDateTime endOfCalendarDayAfter(LocalDate from, int calendarDays) {
    if (calendarDays < 0) {
      throw new IllegalArgumentException("calendarDays must not be negative: " + calendarDays);
    }
    return from.plusDays(calendarDays).atTime(END_OF_DAY);
  }

  /** {@code amount} of working time (office hours on working days) after {@code from}. */
  public LocalDateTime afterWorkingTime(LocalDateTime from, Duration amount) {
    return calendar.addWorkingTime(from, amount);
  }

  /** {@code amount} of wall-clock time after {@code from} (emergencies, IN-D1). */
  public LocalDateTime afterWallClock(LocalDateTime from, Duration amount) {
    return from.plus(amount);
  }

  /** For models: {@code ${deadlines.workingTimeFromNow('PT2H')}} as the engine takes it. */
  public Date workingTimeFromNow(String isoDuration) {
    return Clock.toDate(afterWorkingTime(Clock.now(), Duration.parse(isoDuration)));
  }

  /** For models: {@code ${deadlines.wallClockFromNow('PT3H')}}. */
  public Date wallClockFromNow(String isoDuration) {
    return Clock.toDate(afterWallClock(Clock.now(), Duration.parse(isoDuration)));
  }

  /** For models: close of office {@code workingDays} working days from today. */
  public Date workingDaysFromNow(int workingDays) {
    return Clock.toDate(closeOfWorkingDayAfter(Clock.today(), workingDays));
  }

  /** Stores (or moves) a named deadline of a case. */
  public void set(String businessKey, String name, LocalDateTime dueAt) {
    cases.deleteDeadline(businessKey, name);
    cases.insertDeadline(businessKey, name, dueAt);
  }

  public LocalDateTime get(String businessKey, String name) {
    return cases.deadline(businessKey, name);
  }

  /** A named deadline of the execution's case, for timers and due dates. */
  public Date due(DelegateExecution execution, String name) {
    LocalDateTime due = cases.deadline(execution.getProcessBusinessKey(), name);
    if (due == null) {
      throw new IllegalStateException("Case " + execution.getProcessBusinessKey() + " has no deadline '" + name + "'");
    }
    return Clock.toDate(due);
  }
}
