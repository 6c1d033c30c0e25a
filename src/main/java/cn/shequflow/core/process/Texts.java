package cn.shequflow.core.process;

/**
 * What people write, the same way everywhere: what a person's text may contain ({@link #written})
 * and shortening it to the column that keeps it ({@link #fit}).
 */
public final class Texts {

  private Texts() {}

  /**
   * A person's text (a reason, a note, an opinion, a form's text field) as it is kept: stripped of
   * surrounding white space; {@code null} when nothing is left. Refused, naming {@code field}: a text
   * with control characters (NUL, DEL, the C0 and C1 ranges; line breaks and tabs are allowed; also
   * the bidirectional overrides and isolates and the Unicode line and paragraph separators), a
   * lone surrogate or a non-character, which no keyboard types and which break exports and logs; and
   * a text longer than {@code max} UTF-16 units (as the database counts them: an emoji counts twice).
   */
  public static String written(String field, String label, String raw, int max) {
    if (raw == null) {
      return null;
    }
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      boolean control = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t'
          || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 // bidirectional overrides: text that reads otherwise
          || c == 0x2028 || c == 0x2029;
      boolean lone = c <= 0xFFFF && Character.isSurrogate((char) c);
      boolean nonCharacter = (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF);
      if (control || lone || nonCharacter) {
        throw new InvalidInputException(field, label + "含有无法显示的控制字符，请删除后重新填写");
      }
      i += Character.charCount(c);
    }
    String text = raw.strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > max) {
      throw new InvalidInputException(field, label + "不能超过 " + max + " 个字符（表情符号按 2 个计）");
    }
    return text;
  }

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
