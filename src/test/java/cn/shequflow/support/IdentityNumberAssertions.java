package cn.shequflow.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: what a masked identity number looks like, and that a text reveals nothing more of it. */
public final class IdentityNumberAssertions {

  private IdentityNumberAssertions() {}

  /** The one masked form: region (6), 11 stars, the check digit. */
  public static String masked(String id) {
    return id.substring(0, 6) + "*".repeat(11) + id.substring(17);
  }

  /** No whole number, no birth date (either way written), nothing of the number but the masked form. */
  public static void assertNothingRevealed(String what, String text, String id) {
    assertThat(text).as(what + " shows the whole number").doesNotContain(id);
    String birth = id.substring(6, 14);
    assertThat(text).as(what + " shows the birth date").doesNotContain(birth)
        .doesNotContain(birth.substring(0, 4) + "-" + birth.substring(4, 6) + "-" + birth.substring(6, 8));
    assertThat(text.replace(masked(id), "")).as(what + " shows the number masked some other way (birth date or sex digit)")
        .doesNotContain(id.substring(0, 6));
  }
}
