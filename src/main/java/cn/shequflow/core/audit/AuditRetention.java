package cn.shequflow.core.audit;

import cn.shequflow.core.process.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's daily work: anchors of the finished days are written first, then whole days
 * older than {@code shequ.audit.retention-days} (at least 180) are removed, and the removal is
 * itself an audit entry. Camunda's history cleanup does not touch the audit log.
 */
@Service
public class AuditRetention {

  private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

  private final JdbcTemplate jdbc;
  private final AuditChains chains;
  private final AuditLog audit;
  private final AuditSettings settings;

  public AuditRetention(JdbcTemplate jdbc, AuditChains chains, AuditLog audit, AuditSettings settings) {
    this.jdbc = jdbc;
    this.chains = chains;
    this.audit = audit;
    this.settings = settings;
  }

  @Scheduled(cron = "${shequ.audit.cron:0 10 0 * * *}", zone = "Asia/Shanghai")
  public void daily() {
    LocalDate today = Clock.today();
    List<LocalDate> anchored = chains.writeAnchors(today);
    if (!anchored.isEmpty()) {
      LOG.info("Audit anchors written for {}", anchored);
    }
    purge(today);
  }

  /** Removes the days before {@code today - retention-days}; the number of entries removed. */
  @Transactional
  public int purge(LocalDate today) {
    LocalDate keepFrom = today.minusDays(settings.retentionDays());
    int removed = jdbc.update("delete from audit_entry where chain_day < ?", java.sql.Date.valueOf(keepFrom));
    jdbc.update("delete from chain_head where chain_id like 'audit:%' and chain_id < ?", AuditLog.chainId(keepFrom));
    if (removed > 0) {
      audit.record(AuditAction.RETENTION_PURGE, null, "audit_entry", null,
          removed + " 条，" + keepFrom + " 之前（保存 " + settings.retentionDays() + " 天）");
    }
    return removed;
  }
}
