package cn.shequflow.core.audit;

import cn.shequflow.core.TransactionMemo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hash chains of the timeline and of the audit log: {@code hash = SHA-256(prev_hash ||
 * canonical content)}, the first entry of a chain chained to the empty string. The head of each
 * chain ({@code chain_head}) is locked while an entry is appended ({@code select ... for update}),
 * so concurrent appends to one chain wait for each other instead of forking it.
 */
@Component
public class HashChain {

  /** A chain's state: its last hash ("" before the first entry) and how many entries it has. */
  public record Head(String lastHash, long entries) {}

  public static final String GENESIS = "";
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final JdbcTemplate jdbc;
  /** The heads this transaction holds locked, as it has moved them (issue 21). */
  private final TransactionMemo locked = new TransactionMemo("locked chain heads");

  public HashChain(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A head this transaction has locked, as it stands after the transaction's own appends. */
  private static final class Locked {
    private Head head;
  }

  /**
   * Locks the head of {@code chainId} until the current transaction ends, creating it when the
   * chain is new. Must run in a transaction. A transaction that appends to one chain several times
   * locks and reads its head once: the lock is its own until it ends, so the head moves only by
   * its own {@link #advance}.
   */
  public Head lock(String chainId) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Appending to chain " + chainId + " needs a transaction");
    }
    Locked held = locked.get(chainId, Locked::new);
    if (held.head == null) {
      held.head = lockOrCreate(chainId);
    }
    return held.head;
  }

  private Head lockOrCreate(String chainId) {
    Head head = select(chainId);
    if (head != null) {
      return head;
    }
    try {
      jdbc.update("insert into chain_head (chain_id, last_hash, entries) values (?, ?, 0)", chainId, GENESIS);
    } catch (DuplicateKeyException concurrentFirstEntry) {
      // another transaction created it first: wait for its lock below
    }
    return select(chainId);
  }

  private Head select(String chainId) {
    return jdbc.query("select last_hash, entries from chain_head where chain_id = ? for update",
        rs -> rs.next() ? new Head(rs.getString(1), rs.getLong(2)) : null, chainId);
  }

  /** The head as stored, without locking it; null for a chain that has no entry. */
  public Head peek(String chainId) {
    return jdbc.query("select last_hash, entries from chain_head where chain_id = ?",
        rs -> rs.next() ? new Head(rs.getString(1), rs.getLong(2)) : null, chainId);
  }

  /** Moves the locked head of {@code chainId} on to {@code hash}. */
  public void advance(String chainId, String hash) {
    jdbc.update("update chain_head set last_hash = ?, entries = entries + 1 where chain_id = ?", hash, chainId);
    Locked held = locked.get(chainId, Locked::new);
    if (held.head != null) {
      held.head = new Head(hash, held.head.entries() + 1);
    }
  }

  public static String hash(String prevHash, String canonical) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((prevHash == null ? GENESIS : prevHash).getBytes(StandardCharsets.UTF_8));
      sha.update(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The canonical content of a row: each field in a fixed order, {@code -} for null and
   * {@code +<length>:<value>} otherwise, so no two different rows read alike. Times to the second
   * (as every database stores them).
   */
  public static String canonical(Object... fields) {
    StringBuilder out = new StringBuilder();
    for (Object field : fields) {
      if (field == null) {
        out.append('-');
        continue;
      }
      String value = field instanceof LocalDateTime t ? t.withNano(0).format(SECONDS) : String.valueOf(field);
      out.append('+').append(value.length()).append(':').append(value);
    }
    return out.toString();
  }
}
