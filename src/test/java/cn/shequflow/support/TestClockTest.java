package cn.shequflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The moved test clock is the one the app reads, and it runs on from where it was set. */
@Tag("clock")
class TestClockTest {

  @Test
  @DisplayName("The app's clock is the moved test clock when shequ.test.clock is set, else the machine's (moved by libfaketime when FAKETIME is set); it runs on")
  void appReadsTheSharedClock() throws InterruptedException {
    String moved = System.getProperty(TestClock.PROPERTY, "").strip();
    // Under libfaketime (mvn test -Pfaketime) the machine clock itself starts at FAKETIME, "@yyyy-MM-dd HH:mm:ss".
    String faked = System.getenv().getOrDefault("FAKETIME", "").strip();
    LocalDateTime expected = !moved.isEmpty() ? LocalDateTime.parse(moved)
        : faked.startsWith("@") ? LocalDateTime.parse(faked.substring(1).replace(' ', 'T'))
        : LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
    LocalDateTime first = Clock.now();
    // Set when the JVM started: the tests before this one ran for at most a few minutes.
    assertThat(first).isAfterOrEqualTo(expected.minusMinutes(1)).isBefore(expected.plusMinutes(30));
    Thread.sleep(20);
    assertThat(Duration.between(first, Clock.now())).isPositive();
  }
}
