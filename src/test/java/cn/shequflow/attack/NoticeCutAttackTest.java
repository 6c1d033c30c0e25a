package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a notice quoting a person's words is cut to its column of 500 UTF-16 units; cut in the
 * middle of a supplementary character (𡘙, an emoji) it left a lone surrogate in the notice. The
 * notice is cut by code point, as the timeline is.
 */
class NoticeCutAttackTest extends AttackSupport {

  @Test
  @DisplayName("抄送 notes of 𡘙 (at both offsets) give he.grid notices of whole characters, readable over /api/notifications")
  void ccNoteOfSupplementaryCharacters() {
    JsonNode pi = start("liu.staff");
    String key = pi.get("businessKey").asText();
    String task = onlyTask("zhang.director", pi.get("id").asText());
    // Two notes one unit apart: whatever the notice's own words before the note, one of them puts a
    // 𡘙 across the cut.
    for (String note : List.of("𡘙".repeat(500), "抄" + "𡘙".repeat(499))) {
      Response cc = as("zhang.director").post("/api/tasks/" + task + "/cc", Map.of("userIds", List.of("he.grid"), "note", note));
      assertThat(cc.status()).as(cc.body()).isEqualTo(200);
    }
    Response notices = as("he.grid").get("/api/notifications");
    assertThat(notices.status()).as(notices.body()).isEqualTo(200);
    List<String> messages = new ArrayList<>();
    notices.json().forEach(n -> {
      if (key.equals(n.path("businessKey").asText())) {
        messages.add(n.get("message").asText());
      }
    });
    assertThat(messages).hasSize(2);
    for (String message : messages) {
      assertThat(message.length()).isLessThanOrEqualTo(500);
      assertThat(message).endsWith("𡘙…").doesNotContain("\uFFFD");
      assertThat(message.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE))
          .as("no lone surrogate").isTrue();
    }
  }
}
