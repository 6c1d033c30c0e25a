package cn.shequflow.core.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code shequ.audit.*}: how long audit entries are kept ({@code retention-days}, at least 180 days:
 * the Cybersecurity Law asks for six months; a lower value stops the start-up with a message saying
 * so), where the daily anchors are written ({@code anchor-dir}) and when the daily work runs
 * ({@code cron}: anchors of finished days, then removal of entries past the retention; "-" for never).
 */
@ConfigurationProperties("shequ.audit")
public record AuditSettings(Integer retentionDays, String anchorDir, String cron) {

  public static final int MIN_RETENTION_DAYS = 180;

  public AuditSettings {
    retentionDays = retentionDays == null ? MIN_RETENTION_DAYS : retentionDays;
    if (retentionDays < MIN_RETENTION_DAYS) {
      throw new IllegalArgumentException("shequ.audit.retention-days = " + retentionDays
          + ": audit entries must be kept at least " + MIN_RETENTION_DAYS
          + " days (Cybersecurity Law art. 21, six months); set 180 or more");
    }
    anchorDir = anchorDir == null || anchorDir.isBlank() ? "./data/audit-anchors" : anchorDir;
    cron = cron == null || cron.isBlank() ? "0 10 0 * * *" : cron;
  }
}
