package cn.shequflow.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The clock the tests, the Spring context and the engine share: Camunda's {@link ClockUtil}, which
 * the app reads through {@code cn.shequflow.core.process.Clock}. Normally it is the machine's
 * clock. With {@code -Dshequ.test.clock=2026-12-31T16:50:00} (China Standard Time) it starts at that
 * moment when the test JVM starts and runs on from there, so the date-sensitive tests (tag
 * {@code clock}) can be run on any day of the calendar: {@code mvn test -Pmoved-clock}.
 *
 * <p>Registered for every test (JUnit extension auto-detection); tests that move the clock
 * themselves put it back with {@link #reset()}, never with {@code ClockUtil.reset()}.
 */
public class TestClock implements BeforeAllCallback, BeforeEachCallback {

  public static final String PROPERTY = "shequ.test.clock";

  /** The moved clock's distance from the machine's, fixed once per JVM; 0 when not moved. */
  private static final long OFFSET_MILLIS = offset();

  private static long offset() {
    String moved = System.getProperty(PROPERTY, "").strip();
    if (moved.isEmpty()) {
      return 0;
    }
    long target = LocalDateTime.parse(moved).atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
    return target - System.currentTimeMillis();
  }

  /** Back to the shared running clock (the machine's, or the moved one). */
  public static void reset() {
    ClockUtil.reset();
    if (OFFSET_MILLIS != 0) {
      ClockUtil.offset(OFFSET_MILLIS);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    reset();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reset();
  }
}
