package cn.shequflow.correction;

/** Timeline actions of the correction families (their Chinese labels are in {@code CaseActions}). */
final class CorrectionActions {

  static final String PROOFS_VERIFIED = "proofs-verified";
  static final String PROCURATORATE_INFORMED = "procuratorate-informed";
  static final String CHASED = "chased";
  static final String RECEIVING_OPINION = "receiving-opinion";
  static final String HANDED_OVER = "handed-over";
  static final String COPIED = "copied";
  static final String REPORTED_IN = "reported-in";
  static final String MOVED_OUT = "resident-moved-out";

  private CorrectionActions() {}
}
