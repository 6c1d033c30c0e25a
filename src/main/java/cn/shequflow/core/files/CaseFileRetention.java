package cn.shequflow.core.files;

import cn.shequflow.core.audit.AuditAction;
import cn.shequflow.core.audit.AuditLog;
import cn.shequflow.core.process.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The files follow the history's retention (issue 19), in a nightly run after Camunda's history
 * cleanup window ({@code shequ.files.retention-cron}, 06:30 China Standard Time):
 *
 * <ul>
 *   <li><b>A case's files go with its history.</b> Once the engine's history cleanup has removed a
 *       closed case's process instance (its {@code historyTimeToLive} after it ended), every file of
 *       the case, deleted or not, is removed: the bytes (file and thumbnail), then the row. One audit
 *       entry {@code files-purged} per case says how many.</li>
 *   <li><b>The bytes of a deleted file</b> are removed once {@code shequ.files.deleted-retention} (0
 *       by default: at the next run) has passed since its uploader deleted it: nobody relied on it and
 *       it may hold personal data. The row stays, marked {@code purged_at}, for what the timeline
 *       names, until the case's history goes.</li>
 * </ul>
 *
 * <p>Safe to run on several nodes at once and to run again after a failure: the bytes are removed
 * before the row (deleting bytes that are gone is harmless in every store), a row is removed or
 * marked by one node only, and only that node writes the audit entry. Rows whose bytes are in another
 * store than the configured one (the setting was changed) are left alone and logged.
 */
@Service
public class CaseFileRetention {

  private static final Logger LOG = LoggerFactory.getLogger(CaseFileRetention.class);
  /** Files handled per query; a run goes on until none is left. */
  static final int BATCH = 200;

  /** What one run removed. */
  public record Result(int filesOfCleanedCases, int deletedFilesPurged) {}

  private final CaseFileRepository files;
  private final FileStore store;
  private final FileSettings settings;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final ManagementService management;

  public CaseFileRetention(CaseFileRepository files, FileStore store, FileSettings settings, AuditLog audit,
      PlatformTransactionManager transactionManager, ManagementService management) {
    this.management = management;
    this.files = files;
    this.store = store;
    this.settings = settings;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Scheduled(cron = "${shequ.files.retention-cron:0 30 6 * * *}", zone = "Asia/Shanghai")
  public void nightly() {
    Result r = purge();
    if (r.filesOfCleanedCases() > 0 || r.deletedFilesPurged() > 0) {
      LOG.info("File retention: {} files of cases whose history was cleaned, bytes of {} deleted files removed",
          r.filesOfCleanedCases(), r.deletedFilesPurged());
    }
  }

  /** One run at the product clock's now. */
  public Result purge() {
    return new Result(purgeCleanedCases(), purgeDeleted(Clock.now().withNano(0)));
  }

  private int purgeCleanedCases() {
    if (management.getHistoryLevel() == ProcessEngineConfigurationImpl.HISTORYLEVEL_NONE) {
      // Without history no instance is ever in it: "history gone" would mean every closed case.
      LOG.warn("File retention: the engine keeps no history (history level none); cases' files are not removed");
      return 0;
    }
    Set<String> cases = new LinkedHashSet<>();
    long after = 0;
    while (true) {
      List<CaseFile> batch = files.ofCasesWithoutHistory(after, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      batch.stream().filter(this::ownStore).forEach(f -> cases.add(f.businessKey()));
      after = batch.get(batch.size() - 1).id();
    }
    int removed = 0;
    for (String businessKey : cases) {
      // One case at a time, its rows locked: of two nodes at once, one removes the files and records
      // one entry; the other then finds none and records nothing.
      Integer n = transactions.execute(s -> {
        int count = 0;
        for (CaseFile f : files.lockAllOfCase(businessKey)) {
          if (store.name().equals(f.storage())) {
            deleteBytes(f);
            if (files.remove(f.id())) {
              count++;
            }
          }
        }
        if (count > 0) {
          audit.record(AuditAction.FILES_PURGED, null, "case_file", businessKey, count + " 个附件（流程历史已按保存期限清理）");
        }
        return count;
      });
      removed += n == null ? 0 : n;
    }
    return removed;
  }

  private int purgeDeleted(LocalDateTime now) {
    LocalDateTime before = now.minus(settings.getDeletedRetention());
    int purged = 0;
    long after = 0;
    while (true) {
      List<CaseFile> batch = files.deletedNotPurged(before, after, BATCH);
      if (batch.isEmpty()) {
        break;
      }
      for (CaseFile f : batch.stream().filter(this::ownStore).toList()) {
        if (Boolean.TRUE.equals(transactions.execute(s -> {
          deleteBytes(f);
          boolean marked = files.markPurged(f.id(), now);
          if (marked) {
            audit.record(AuditAction.FILES_PURGED, null, "files:" + f.id(), f.businessKey(),
                "已删除附件的文件内容：" + FileKind.labelOf(f.kind()) + "：" + f.fileName());
          }
          return marked;
        }))) {
          purged++;
        }
      }
      after = batch.get(batch.size() - 1).id();
    }
    return purged;
  }

  private boolean ownStore(CaseFile f) {
    if (store.name().equals(f.storage())) {
      return true;
    }
    LOG.warn("File {} of case {} is kept in store '{}', not in the configured '{}': left for an administrator",
        f.id(), f.businessKey(), f.storage(), store.name());
    return false;
  }

  private void deleteBytes(CaseFile f) {
    store.delete(f.storageKey());
    if (f.thumbnailKey() != null) {
      store.delete(f.thumbnailKey());
    }
  }
}
