package cn.shequflow.core.audit;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: the one way anything is written to {@code audit_entry}.
 *
 * <ul>
 *   <li>{@link #record}: an action that changes something is recorded in the same transaction as
 *       the action, just before it commits (so a rolled-back action leaves no entry, and the day's
 *       chain head is the last lock the transaction takes). Without a transaction, in one of its own.</li>
 *   <li>{@link #refusal}: a refusal changes nothing, so its entry is the one row it leaves, written in
 *       its own transaction after the refused one has ended (its rollback does not remove it).</li>
 *   <li>{@link #reveal}: the hook for seeing a whole identity number (wired by the privacy package).</li>
 * </ul>
 *
 * Identity numbers in targets and details are masked ({@link #mask}); comments are never copied.
 */
@Service
public class AuditLog {

  /** The case actions recorded in the audit log: decisions and the approval operations. */
  static final Set<String> AUDITED_CASE_ACTIONS = Set.of(CaseActions.SUBMITTED, CaseActions.RESUBMITTED,
      CaseActions.APPROVED, CaseActions.REJECTED, CaseActions.RETURNED, CaseActions.WITHDRAWN,
      CaseActions.DECISION_WITHDRAWN, CaseActions.SIGNER_ADDED_BEFORE, CaseActions.SIGNER_ADDED_AFTER,
      CaseActions.TRANSFERRED, CaseActions.DELEGATED, CaseActions.DELEGATE_RESOLVED, CaseActions.CC,
      CaseActions.URGED, CaseActions.VOIDED);

  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})(\\d{8}|\\d{5})(\\d{3}[0-9Xx]|\\d)(?![0-9A-Za-z])");

  /** Request attribute: this request's refusal has its entry. */
  private static final String REFUSAL_RECORDED = AuditLog.class.getName() + ".refusalRecorded";

  private final JdbcTemplate jdbc;
  private final HashChain chain;
  private final TransactionTemplate ownTransaction;

  public AuditLog(JdbcTemplate jdbc, HashChain chain, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.chain = chain;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Whether the request's refusal is recorded already (by the engine's command chain, say). */
  static boolean refusalRecorded(jakarta.servlet.ServletRequest request) {
    return request.getAttribute(REFUSAL_RECORDED) != null;
  }

  public static String chainId(java.time.LocalDate day) {
    return "audit:" + day;
  }

  /** Records an action that succeeded, with the transaction that does it. */
  public void record(AuditAction action, String actorId, String target, String businessKey, String detail) {
    AuditEntry entry = entry(action, AuditEntry.OK, actorId, target, businessKey, detail);
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.isActualTransactionActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          write(entry);
        }
      });
    } else {
      ownTransaction.executeWithoutResult(s -> write(entry));
    }
  }

  /** Records a failed attempt (a wrong password): in its own transaction, whatever becomes of the caller's. */
  public void failure(AuditAction action, String actorId, String target, String detail) {
    afterCurrentTransaction(entry(action, AuditEntry.FAILED, actorId, target, null, detail));
  }

  /**
   * Records a refusal: who ({@code actorId}), what ({@code target}, e.g. the refused command) and why
   * ({@code reason}, the message the person read). The only row a refusal leaves.
   */
  public void refusal(String actorId, String target, String businessKey, String reason) {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      attributes.getRequest().setAttribute(REFUSAL_RECORDED, Boolean.TRUE);
    }
    afterCurrentTransaction(entry(AuditAction.REFUSED, AuditEntry.REFUSED, actorId, target, businessKey, reason));
  }

  /**
   * Hook for the privacy package: {@code actorId} saw the whole identity number of {@code subject}
   * (recorded masked) for {@code reason}. Recorded with the transaction that reveals it.
   */
  public void reveal(String actorId, String subject, String businessKey, String reason) {
    record(AuditAction.REVEAL, actorId, subject, businessKey, reason);
  }

  /** A timeline entry that is a decision or an approval operation (called by {@link TimelineChain}). */
  void caseAction(String businessKey, String actorId, String action, String taskName) {
    if (actorId != null && AUDITED_CASE_ACTIONS.contains(action)) {
      record(AuditAction.CASE_OPERATION, actorId, action, businessKey, taskName);
    }
  }

  private void afterCurrentTransaction(AuditEntry entry) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          ownTransaction.executeWithoutResult(s -> write(entry));
        }
      });
    } else {
      ownTransaction.executeWithoutResult(s -> write(entry));
    }
  }

  private AuditEntry entry(AuditAction action, String outcome, String actorId, String target, String businessKey,
      String detail) {
    LocalDateTime now = Clock.now().withNano(0);
    return new AuditEntry(null, now.toLocalDate(), now, Texts.fit(actorId, 64), action.code, outcome,
        Texts.fit(mask(target), 200), Texts.fit(businessKey, 32), Texts.fit(mask(detail), 1000), client(), null, null);
  }

  /** Appends to the day's chain; the caller's transaction holds the chain head until it ends. */
  private void write(AuditEntry e) {
    String chainId = chainId(e.chainDay());
    HashChain.Head head = chain.lock(chainId);
    String hash = HashChain.hash(head.lastHash(), e.canonical());
    jdbc.update("insert into audit_entry (chain_day, occurred_at, actor_id, action, outcome, target, business_key, "
            + "detail, client, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        Date.valueOf(e.chainDay()), Timestamp.valueOf(e.occurredAt()), e.actorId(), e.action(), e.outcome(),
        e.target(), e.businessKey(), e.detail(), e.client(), head.lastHash(), hash);
    chain.advance(chainId, hash);
  }

  /**
   * Every 18- or 15-digit identity number anywhere in {@code text}, masked by the one masking policy
   * ({@link cn.shequflow.core.privacy.PersonalData#mask}: region and check digit only).
   */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    return ID_NUMBER.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
        cn.shequflow.core.privacy.PersonalData.mask(m.group())));
  }

  /** The address the current HTTP request came from, or null outside a request. */
  private static String client() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return Texts.fit(request.getRemoteAddr(), 64);
    }
    return null;
  }
}
