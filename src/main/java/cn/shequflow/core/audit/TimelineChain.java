package cn.shequflow.core.audit;

import cn.shequflow.core.TransactionMemo;
import cn.shequflow.core.cases.CaseEvent;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's timeline as a hash chain (chain {@code case:<business key>}): every entry is written
 * here, chained to the case's previous entry while the case's chain head is locked, and the same
 * transaction records an approval operation in the audit log ({@link AuditLog#caseAction}).
 */
@Service
public class TimelineChain {

  static final String COLUMNS = "id, business_key, occurred_at, user_id, user_name, action, task_name, approved, "
      + "comment, prev_hash, hash";

  private final JdbcTemplate jdbc;
  private final HashChain chain;
  private final AuditLog audit;
  /** The case rows this transaction holds locked (issue 21: locked once, held until it ends). */
  private final TransactionMemo lockedCases = new TransactionMemo("locked case rows");

  public TimelineChain(JdbcTemplate jdbc, HashChain chain, AuditLog audit) {
    this.jdbc = jdbc;
    this.chain = chain;
    this.audit = audit;
  }

  public static String chainId(String businessKey) {
    return "case:" + businessKey;
  }

  /** The canonical content of a timeline entry (its id left out: order is the chain itself). */
  public static String canonical(CaseEvent e) {
    return HashChain.canonical(e.businessKey(), e.occurredAt(), e.userId(), e.userName(), e.action(), e.taskName(),
        e.approved(), e.comment());
  }

  /** Appends {@code event} (time to the second) to its case's timeline. */
  @Transactional
  public void append(CaseEvent event) {
    append(event, false);
  }

  /**
   * As {@link #append}, for a caller that has already locked the case's row in the current transaction
   * (it updated the row, e.g. its status): the row is not locked a second time.
   */
  @Transactional
  public void appendToLockedCase(CaseEvent event) {
    append(event, true);
  }

  private void append(CaseEvent event, boolean caseLocked) {
    CaseEvent e = new CaseEvent(null, event.businessKey(), event.occurredAt().withNano(0), event.userId(),
        event.userName(), event.action(), event.taskName(), event.approved(), event.comment());
    String chainId = chainId(e.businessKey());
    // The case row first, then its chain head: every operation that changes a case locks the case row
    // (its status, CcMapper.lockCase), so taking both in this one order never deadlocks with them.
    // Locked once per transaction: by the caller's own update of the row, or here the first time.
    lockedCases.get(e.businessKey(), () -> caseLocked ? List.of() : jdbc.queryForList(
        "select business_key from biz_case where business_key = ? for update", String.class, e.businessKey()));
    HashChain.Head head = chain.lock(chainId);
    String hash = HashChain.hash(head.lastHash(), canonical(e));
    jdbc.update("insert into case_event (business_key, occurred_at, user_id, user_name, action, task_name, approved, "
            + "comment, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.businessKey(), Timestamp.valueOf(e.occurredAt()), e.userId(), e.userName(), e.action(), e.taskName(),
        e.approved(), e.comment(), head.lastHash(), hash);
    chain.advance(chainId, hash);
    audit.caseAction(e.businessKey(), e.userId(), e.action(), e.taskName());
  }

  /** Checks the whole timeline of a case: intact, or the first broken link. */
  public ChainCheck verify(String businessKey) {
    List<ChainCheck.Row> rows = jdbc.query("select " + COLUMNS + " from case_event where business_key = ? order by id",
        (rs, i) -> {
          Timestamp at = rs.getTimestamp("occurred_at");
          Object approved = rs.getObject("approved");
          CaseEvent e = new CaseEvent(rs.getLong("id"), rs.getString("business_key"),
              at == null ? null : at.toLocalDateTime(), rs.getString("user_id"), rs.getString("user_name"),
              rs.getString("action"), rs.getString("task_name"),
              approved == null ? null : rs.getBoolean("approved"), rs.getString("comment"));
          return new ChainCheck.Row(e.id(), canonical(e), rs.getString("prev_hash"), rs.getString("hash"));
        }, businessKey);
    return ChainCheck.of(chainId(businessKey), rows, chain.peek(chainId(businessKey)));
  }
}
