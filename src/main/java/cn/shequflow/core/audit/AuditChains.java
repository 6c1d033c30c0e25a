package cn.shequflow.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Checks the audit log's day chains and keeps their anchors: the last hash of each day, which an
 * auditor keeps outside the database ({@code GET /api/audit/anchors}, and one file a day under
 * {@code shequ.audit.anchor-dir}). A chain rewritten from scratch in the database no longer
 * matches the anchor written before.
 */
@Service
public class AuditChains {

  /** The last hash of a day's chain and its number of entries; {@code closed}: the day is over. */
  public record Anchor(LocalDate day, String lastHash, long entries, boolean closed) {}

  /** The check of a period: intact, what was checked, and else the first broken link. */
  public record Verification(LocalDate from, LocalDate to, boolean intact, int days, long entries,
      ChainCheck firstBroken) {}

  static final String ANCHOR_DIFFERS = "与已导出的当日锚点不一致";
  /** Longest period checked in one request. */
  static final int MAX_DAYS = 400;

  private final JdbcTemplate jdbc;
  private final HashChain chain;
  private final AuditSettings settings;

  public AuditChains(JdbcTemplate jdbc, HashChain chain, AuditSettings settings) {
    this.jdbc = jdbc;
    this.chain = chain;
    this.settings = settings;
  }

  /** Checks every day from {@code from} to {@code to} (inclusive) against its head and its anchor file. */
  public Verification verify(LocalDate from, LocalDate to) {
    int days = 0;
    long entries = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      ChainCheck check = verifyDay(day);
      if (check == null) {
        continue;
      }
      days++;
      entries += check.entries();
      if (!check.intact()) {
        return new Verification(from, to, false, days, entries, check);
      }
    }
    return new Verification(from, to, true, days, entries, null);
  }

  /** One day's chain, or null for a day without entries. */
  ChainCheck verifyDay(LocalDate day) {
    String chainId = AuditLog.chainId(day);
    List<ChainCheck.Row> rows = jdbc.query("select id, chain_day, occurred_at, actor_id, action, outcome, target, "
            + "business_key, detail, client, prev_hash, hash from audit_entry where chain_day = ? order by id",
        (rs, i) -> {
          Timestamp at = rs.getTimestamp("occurred_at");
          AuditEntry e = new AuditEntry(rs.getLong("id"), rs.getDate("chain_day").toLocalDate(),
              at == null ? null : at.toLocalDateTime(), rs.getString("actor_id"), rs.getString("action"),
              rs.getString("outcome"), rs.getString("target"), rs.getString("business_key"), rs.getString("detail"),
              rs.getString("client"), rs.getString("prev_hash"), rs.getString("hash"));
          return new ChainCheck.Row(e.id(), e.canonical(), e.prevHash(), e.hash());
        }, java.sql.Date.valueOf(day));
    HashChain.Head head = chain.peek(chainId);
    String anchored = anchorFile(day);
    boolean purged = day.isBefore(cn.shequflow.core.process.Clock.today().minusDays(settings.retentionDays()));
    if (rows.isEmpty() && head == null && (anchored == null || purged)) {
      return null; // no entries, or removed after the retention period (its anchor file stays)
    }
    ChainCheck check = ChainCheck.of(chainId, rows, head);
    if (check.intact() && anchored != null && !anchored.equals(anchorLine(day, head))) {
      return new ChainCheck(chainId, false, check.entries(), null, ANCHOR_DIFFERS);
    }
    return check;
  }

  /** The anchors of the days from {@code from} to {@code to}, oldest first. */
  public List<Anchor> anchors(LocalDate from, LocalDate to, LocalDate today) {
    List<Anchor> anchors = new ArrayList<>();
    jdbc.query("select chain_id, last_hash, entries from chain_head where chain_id >= ? and chain_id <= ? "
            + "order by chain_id",
        rs -> {
          LocalDate day = LocalDate.parse(rs.getString(1).substring("audit:".length()));
          anchors.add(new Anchor(day, rs.getString(2), rs.getLong(3), day.isBefore(today)));
        }, AuditLog.chainId(from), AuditLog.chainId(to));
    return anchors;
  }

  /**
   * Writes the anchor file of every finished day that has none yet ({@code audit-anchor-<day>.txt}:
   * day, last hash, entries). An existing file is never overwritten. The days written.
   */
  public List<LocalDate> writeAnchors(LocalDate today) {
    List<LocalDate> written = new ArrayList<>();
    for (Anchor anchor : anchors(LocalDate.of(2000, 1, 1), today.minusDays(1), today)) {
      Path file = anchorPath(anchor.day());
      if (Files.exists(file)) {
        continue;
      }
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, anchorLine(anchor.day(), new HashChain.Head(anchor.lastHash(), anchor.entries())) + "\n",
            StandardCharsets.UTF_8);
        written.add(anchor.day());
      } catch (IOException e) {
        throw new IllegalStateException("Cannot write the audit anchor " + file + ": " + e.getMessage(), e);
      }
    }
    return written;
  }

  Path anchorPath(LocalDate day) {
    return Path.of(settings.anchorDir()).resolve("audit-anchor-" + day + ".txt");
  }

  private String anchorFile(LocalDate day) {
    Path file = anchorPath(day);
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the audit anchor " + file + ": " + e.getMessage(), e);
    }
  }

  static String anchorLine(LocalDate day, HashChain.Head head) {
    return day + " " + (head == null ? HashChain.GENESIS : head.lastHash()) + " " + (head == null ? 0 : head.entries());
  }
}
