package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Guessing a colleague's password slows the guesser down but never locks the colleague out for long. */
class LoginLockoutTest extends RestTestSupport {

  static final String COLLEAGUE = "lin.grid";

  @Autowired IdentityService identity;
  @Autowired ProcessEngineConfigurationImpl configuration;

  @AfterEach
  void reset() {
    cn.shequflow.support.TestClock.reset();
    identity.unlockUser(COLLEAGUE);
  }

  private int login(String password) {
    return RestClient.as(port, COLLEAGUE, password).get("/engine-rest/task/count").status();
  }

  @Test
  @DisplayName("15 wrong passwords, each after the last delay ran out: 3 minutes later the right one works")
  void noPermanentLock() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (int i = 1; i <= 15; i++) {
      // Every guess comes after the previous delay has run out, so every one counts as an attempt.
      now = now.plus(Duration.ofHours(1));
      ClockUtil.setCurrentTime(Date.from(now));
      assertThat(login("guess-" + i)).as("guess %d", i).isEqualTo(401);
    }
    assertThat(login("demo")).as("while the delay runs, even the right password is refused").isEqualTo(401);

    ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(3)).plusSeconds(1)));
    assertThat(login("demo")).as("3 minutes after the last guess").isEqualTo(200);
    assertThat(identity.createUserQuery().userId(COLLEAGUE).singleResult()).isNotNull();
  }

  @Test
  @DisplayName("The delay doubles from 3 s up to at most 3 minutes, and no number of attempts locks for good")
  void settings() {
    assertThat(configuration.getLoginDelayMaxTime()).isBetween(60, 300);
    assertThat(configuration.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(configuration.getLoginDelayBase()).isPositive();
  }
}
