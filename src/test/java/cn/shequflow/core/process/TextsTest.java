package cn.shequflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  @DisplayName("A person's text keeps line breaks, tabs and supplementary characters (𡘙, an emoji, Extension F 𭠀)")
  void keepsWhatPeopleType() {
    assertThat(Texts.written("reason", "理由", "  第一行\n第二行\t𡘙😀\uD876\uDC00  ", 100))
        .isEqualTo("第一行\n第二行\t𡘙😀\uD876\uDC00");
    assertThat(Texts.written("reason", "理由", "   ", 100)).isNull();
  }

  @Test
  @DisplayName("Control characters, bidirectional overrides, line separators, lone surrogates and non-characters are a 400 naming the field")
  void refusesWhatNoKeyboardTypes() {
    for (String bad : new String[] {"a\u0000b", "\u007f", "\u0085", "付款\u202E退款", "a\u2066b", "a\u2028b", "a\uD800",
        "a\uFFFE"}) {
      assertThatThrownBy(() -> Texts.written("reason", "理由", bad, 100)).as(bad)
          .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("field", "reason");
    }
    assertThatThrownBy(() -> Texts.written("reason", "理由", "长".repeat(101), 100)).isInstanceOf(InvalidInputException.class);
  }
}
