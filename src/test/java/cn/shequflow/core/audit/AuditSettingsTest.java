package cn.shequflow.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The retention floor: audit entries are kept at least 180 days, whatever the configuration says. */
class AuditSettingsTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(AuditConfiguration.class);

  @Test
  @DisplayName("Without configuration the audit log is kept 180 days")
  void defaultRetention() {
    context.run(c -> assertThat(c.getBean(AuditSettings.class).retentionDays()).isEqualTo(180));
  }

  @Test
  @DisplayName("A retention of 180 days or more is taken as configured")
  void longerRetention() {
    context.withPropertyValues("shequ.audit.retention-days=400")
        .run(c -> assertThat(c.getBean(AuditSettings.class).retentionDays()).isEqualTo(400));
  }

  @Test
  @DisplayName("A retention below 180 days stops the start-up with a message saying the floor")
  void belowTheFloorStopsStartUp() {
    context.withPropertyValues("shequ.audit.retention-days=90").run(c -> {
      assertThat(c).hasFailed();
      Throwable cause = c.getStartupFailure();
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      assertThat(cause).hasMessageContaining("shequ.audit.retention-days = 90").hasMessageContaining("at least 180");
    });
  }
}
