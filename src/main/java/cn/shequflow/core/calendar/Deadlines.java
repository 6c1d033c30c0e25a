package cn.shequflow.core.calendar;

import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.process.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
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

  /**
   * A deadline as people read it: its name, its label in Chinese, the moment, and whether it is
   * provisional (暂定): counted, even in part, in a year without the State Council's holiday schedule
   * (CAL-2), so that it may move when the schedule is added; {@code note} then says so in Chinese.
   */
  public record Deadline(String name, String label, LocalDateTime dueAt, boolean provisional, String note) {}

  /** What a provisional deadline means, in the words every surface shows. */
  public static final String PROVISIONAL_NOTE =
      "暂定期限：该年度国务院节假日安排尚未导入，期限按法定节假日估算（不含调休），以正式安排为准。";

  /** Whether a deadline counted from {@code from} to {@code due} is provisional. */
  public boolean isProvisional(LocalDateTime from, LocalDateTime due) {
    return calendar.isProvisionalBetween(from.toLocalDate(), due.toLocalDate());
  }

  /**
   * Whether a due date of the case is provisional: counted from {@code countedFrom} across a year
   * that is still without a file, or stored as one of the case's deadlines counted with the estimate
   * (it keeps its mark after the official file arrives, since its moment came from the estimate).
   */
  public boolean isProvisional(String businessKey, LocalDateTime countedFrom, LocalDateTime due) {
    return isProvisional(countedFrom, due)
        || (businessKey != null && cases.deadlines(businessKey).stream()
            .anyMatch(d -> d.provisional() && d.dueAt().equals(due)));
  }

  /** The named deadlines of a case counted from {@code countedFrom} (the case's filing), earliest first. */
  public List<Deadline> of(String businessKey, LocalDateTime countedFrom) {
    return cases.deadlines(businessKey).stream()
        .map(d -> {
          boolean provisional = d.provisional() || isProvisional(countedFrom, d.dueAt());
          return new Deadline(d.name(), label(d.name()), d.dueAt(), provisional, provisional ? PROVISIONAL_NOTE : null);
        })
        .toList();
  }

  /** The Chinese name of a named deadline. */
  public static String label(String name) {
    return switch (name) {
      case "accept" -> "签收期限";
      case "streetAccept" -> "街道签收期限";
      case "acceptRed" -> "未签收红灯期限";
      case "settle" -> "办结期限";
      case "settleRed" -> "督办期限";
      case "reportBack" -> "销假期限";
      case "reportBackOverdue" -> "逾期销假期限";
      case "returnReport" -> "返回报告期限";
      case "handOver" -> "交接期限";
      case "reportIn" -> "报到期限";
      case "loanReturn" -> "归还期限";
      default -> "期限";
    };
  }

  /** Stores (or moves) a named deadline of a case. */
  public void set(String businessKey, String name, LocalDateTime dueAt) {
    cases.deleteDeadline(businessKey, name);
    cases.insertDeadline(businessKey, name, dueAt, isProvisional(Clock.now(), dueAt));
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
