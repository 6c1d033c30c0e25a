package cn.shequflow.expense;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a voucher's code and number are compared (EX-4: a voucher is booked once): full-width
 * characters as their ordinary forms (NFKC), no spaces, capitals, and a leading "No." (or "№")
 * dropped, so {@code " No. 0042"} and {@code "ＮＯ．0042"} are the same number as {@code "0042"}.
 */
final class Vouchers {

  private Vouchers() {}

  /** The normalised code or number; {@code ""} for none. */
  static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    return plain.replaceFirst("^NO(?:[.:#]|(?=\\d))", "");
  }
}
