package cn.shequflow.core.cases;

import java.util.Optional;

/**
 * 作废 (void) of one family: whether an approved case may still be voided because its effect has
 * not started (a leave before its first day, an expense before its voucher is booked). Each family
 * that can be voided declares one bean; a family without one cannot be voided. Who may void, the
 * reason, the status, the timeline and the notices are the platform's
 * ({@code cn.shequflow.core.approval.operations.CaseVoiding}).
 */
public interface VoidRule {

  /** The family key ({@link CaseFamily#key()}). */
  String family();

  /** Empty when the case may be voided now; otherwise why not, in Chinese, for the person who asked. */
  Optional<String> refusal(CaseRecord record);
}
