package cn.shequflow.core.process;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** "Now" as the engine sees it (tests move the engine clock), in China Standard Time. */
public final class Clock {

  private Clock() {}

  public static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), Inputs.ZONE);
  }

  public static LocalDate today() {
    return now().toLocalDate();
  }

  public static Date toDate(LocalDateTime time) {
    return Date.from(time.atZone(Inputs.ZONE).toInstant());
  }
}
