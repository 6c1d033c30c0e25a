package cn.shequflow.core.files;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The name a file is kept and served under: the client's name without any path, control or
 * direction characters and without the characters Windows reserves, at most {@link #MAX_CODE_POINTS}
 * code points, and always ending in an extension of the type found in the content (so a PDF named
 * {@code x.png} is served as {@code x.png.pdf}). A name that is left empty becomes 附件.
 */
public final class FileNames {

  public static final int MAX_CODE_POINTS = 255;
  static final String DEFAULT_NAME = "附件";

  /** Extensions of each accepted type, the first one the one added. */
  static final Map<String, List<String>> EXTENSIONS = Map.of(
      "image/jpeg", List.of("jpg", "jpeg"),
      "image/png", List.of("png"),
      "application/pdf", List.of("pdf"));

  private FileNames() {}

  public static String clean(String name, String contentType) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder();
    n.codePoints().forEach(c -> {
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE) {
        return;
      }
      kept.appendCodePoint("<>:\"|?*".indexOf(c) >= 0 ? '_' : c);
    });
    n = kept.toString().strip();
    n = n.replaceAll("^[.\\s]+|[.\\s]+$", "");
    if (n.isEmpty()) {
      n = DEFAULT_NAME;
    }
    List<String> extensions = EXTENSIONS.getOrDefault(contentType, List.of());
    int dot = n.lastIndexOf('.');
    String extension = dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!extensions.isEmpty() && !extensions.contains(extension)) {
      n = n + "." + extensions.get(0);
      dot = n.lastIndexOf('.');
    }
    if (n.codePointCount(0, n.length()) > MAX_CODE_POINTS) {
      String suffix = dot < 0 ? "" : n.substring(dot);
      String base = dot < 0 ? n : n.substring(0, dot);
      int room = MAX_CODE_POINTS - suffix.codePointCount(0, suffix.length());
      n = base.substring(0, base.offsetByCodePoints(0, Math.max(room, 1))) + suffix;
    }
    return n;
  }

  /**
   * A {@code Content-Disposition} header (RFC 6266) for {@code name}: an ASCII {@code filename}
   * for old clients and the exact name as {@code filename*} in UTF-8 (RFC 5987).
   */
  public static String contentDisposition(String type, String name) {
    StringBuilder ascii = new StringBuilder();
    name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format("%02X", c));
      }
    }
    return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
