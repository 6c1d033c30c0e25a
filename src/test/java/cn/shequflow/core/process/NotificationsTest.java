package cn.shequflow.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Notifications.Notice;
import cn.shequflow.core.process.Notifications.NotificationMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A notice is cut to its column (500 UTF-16 units) by code point, never leaving half a character. */
class NotificationsTest {

  private final List<Notice> sent = new ArrayList<>();

  private final NotificationMapper mapper = new NotificationMapper() {
    @Override
    public void insert(Notice notice) {
      sent.add(notice);
    }

    @Override
    public List<Notice> latest(String recipientId, int limit) {
      return List.of();
    }

    @Override
    public List<Notice> forBusinessKey(String businessKey) {
      return List.of();
    }

    @Override
    public int unread(String recipientId) {
      return 0;
    }

    @Override
    public Notice byId(String id) {
      return null;
    }

    @Override
    public int markRead(String recipientId, String id, java.time.LocalDateTime at) {
      return 0;
    }

    @Override
    public int markAllRead(String recipientId, java.time.LocalDateTime at) {
      return 0;
    }
  };

  /** Whether every surrogate in {@code text} is half of a pair. */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @ParameterizedTest(name = "{0} ASCII characters before the 𡘙s")
  @ValueSource(ints = {0, 1, 497, 498, 499, 500})
  @DisplayName("A notice over 500 units with 𡘙 (a supplementary character) straddling the cut ends in whole characters and …")
  void cutByCodePoint(int lead) {
    String message = "a".repeat(lead) + "𡘙".repeat(300);
    new Notifications(mapper, event -> { }).send("liu.staff", "LV-2026-000001", message);
    String stored = sent.get(0).message();
    assertThat(stored.length()).isLessThanOrEqualTo(Notifications.MAX_MESSAGE);
    assertThat(wellFormed(stored)).as("no lone surrogate in %s", stored.substring(Math.max(0, stored.length() - 4)))
        .isTrue();
    assertThat(stored).endsWith("…");
    assertThat(message).startsWith(stored.substring(0, stored.length() - 1));
    assertThat(stored.length()).as("as much as fits").isGreaterThanOrEqualTo(Notifications.MAX_MESSAGE - 1);
  }

  @ParameterizedTest(name = "{0} units")
  @ValueSource(ints = {499, 500})
  @DisplayName("A notice that fits is kept whole, supplementary characters and all")
  void fitsWhole(int units) {
    String message = "𡘙".repeat(units / 2) + "a".repeat(units % 2);
    new Notifications(mapper, event -> { }).send("liu.staff", "LV-2026-000001", message);
    assertThat(sent.get(0).message()).isEqualTo(message);
  }
}
