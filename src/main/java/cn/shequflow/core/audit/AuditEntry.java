package cn.shequflow.core.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One audit entry ({@code audit_entry}): who ({@code actorId}, null for the system), what
 * ({@code action}, {@code target}, {@code businessKey}), how it ended ({@code outcome}: ok, refused,
 * failed), why or in what detail (identity numbers masked) and from which address.
 */
public record AuditEntry(
    Long id,
    LocalDate chainDay,
    LocalDateTime occurredAt,
    String actorId,
    String action,
    String outcome,
    String target,
    String businessKey,
    String detail,
    String client,
    String prevHash,
    String hash) {

  public static final String OK = "ok";
  public static final String REFUSED = "refused";
  public static final String FAILED = "failed";

  /** The canonical content hashed into the day's chain (id and hashes left out). */
  String canonical() {
    return HashChain.canonical(chainDay, occurredAt, actorId, action, outcome, target, businessKey, detail, client);
  }
}
