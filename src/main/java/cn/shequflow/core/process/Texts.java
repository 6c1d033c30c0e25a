package cn.shequflow.core.process;

/** Shortening what people wrote to the column that keeps it, the same way everywhere. */
public final class Texts {

  private Texts() {}

  /**
   * The text cut to at most {@code max} UTF-16 units (as H2 counts a column's length) with a
   * closing "…", cut between code points: a supplementary character (𡘙, an emoji) is never split
   * into a lone surrogate. A text that fits is returned as it is; {@code null} stays {@code null}.
   * The timeline ({@code Cases.event}) and notices ({@link Notifications#send}) both cut with it.
   */
  public static String fit(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int cut = max - 1;
    if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "…";
  }
}
