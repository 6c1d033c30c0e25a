package cn.shequflow.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 19: the name a file is kept and served under, whatever the client sent. */
class FileNamesTest {

  @Test
  @DisplayName("Paths, control characters and reserved characters are removed; an empty name gets a default")
  void cleaned() {
    assertThat(FileNames.clean("../../etc/passwd", "application/pdf")).isEqualTo("passwd.pdf");
    assertThat(FileNames.clean("C:\\Users\\a\\证明.pdf", "application/pdf")).isEqualTo("证明.pdf");
    assertThat(FileNames.clean("a\u0000b\r\n<c>:\"d\"|?*.png", "image/png")).isEqualTo("ab_c___d____.png");
    assertThat(FileNames.clean("  ..  ", "image/png")).isEqualTo("附件.png");
    assertThat(FileNames.clean(null, "image/jpeg")).isEqualTo("附件.jpg");
    assertThat(FileNames.clean("\u202Egpj.exe", "image/jpeg")).isEqualTo("gpj.exe.jpg");
  }

  @Test
  @DisplayName("The extension always matches the type found in the content")
  void extension() {
    assertThat(FileNames.clean("photo.JPEG", "image/jpeg")).isEqualTo("photo.JPEG");
    assertThat(FileNames.clean("photo.jpg", "image/png")).isEqualTo("photo.jpg.png");
    assertThat(FileNames.clean("invoice.html", "application/pdf")).isEqualTo("invoice.html.pdf");
  }

  @Test
  @DisplayName("At most 255 code points, cut between code points, keeping the extension")
  void length() {
    String longName = "𡘙".repeat(300) + ".pdf";
    String cleaned = FileNames.clean(longName, "application/pdf");
    assertThat(cleaned.codePointCount(0, cleaned.length())).isEqualTo(255);
    assertThat(cleaned).endsWith("𡘙.pdf");
  }

  @Test
  @DisplayName("Content-Disposition: an ASCII fallback and the UTF-8 name (RFC 5987/6266)")
  void disposition() {
    assertThat(FileNames.contentDisposition("attachment", "病假 证明.pdf"))
        .isEqualTo("attachment; filename=\"__ __.pdf\"; filename*=UTF-8''%E7%97%85%E5%81%87%20%E8%AF%81%E6%98%8E.pdf");
    assertThat(FileNames.contentDisposition("inline", "a\"b\\c.png"))
        .isEqualTo("inline; filename=\"a_b_c.png\"; filename*=UTF-8''a%22b%5Cc.png");
  }
}
