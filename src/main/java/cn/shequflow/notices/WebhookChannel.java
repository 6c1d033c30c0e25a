package cn.shequflow.notices;

import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.Notifications.Notice;
import cn.shequflow.notices.NoticeChannelSettings.Webhook;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The notice in the office's work group through its group robot (企业微信群机器人 or 钉钉自定义机器人):
 * both take {@code {"msgtype":"text","text":{"content":…}}} and answer {@code {"errcode":0}}. A group
 * is read by everyone in it, so the robot names the person and the case only; what the notice says
 * stays in the product (bell, e-mail). DingTalk's 加签 is applied when a secret is configured.
 */
@Component
public class WebhookChannel implements NoticeChannel {

  public static final String NAME = "WEBHOOK";
  /** The stored target: the URL (with its key) stays in the configuration, never in the database. */
  static final String GROUP = "group";

  private final NoticeChannelSettings settings;
  private final Organisation organisation;
  private final ObjectMapper json;
  private final HttpClient http;

  public WebhookChannel(NoticeChannelSettings settings, Organisation organisation, ObjectMapper json) {
    this.settings = settings;
    this.organisation = organisation;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(settings.getWebhook().getTimeout()).build();
    Webhook w = settings.getWebhook();
    if (w.isEnabled() && !(w.getUrl().startsWith("https://") || w.getUrl().startsWith("http://"))) {
      throw new IllegalStateException("shequ.notices.webhook.enabled is true: set shequ.notices.webhook.url to the "
          + "group robot's address (https://…)");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean enabled() {
    return settings.getWebhook().isEnabled();
  }

  @Override
  public Optional<String> target(Notice notice) {
    return Optional.of(GROUP);
  }

  /** What the group reads: who has a notice, about which case; never the notice's own words. */
  String content(Notice notice) {
    return "@" + organisation.displayName(notice.recipientId()) + " 您有一条新通知"
        + (notice.businessKey() == null ? "" : "（事项 " + notice.businessKey() + "）") + "，请登录社区流程查看。";
  }

  @Override
  public void deliver(Notice notice, String target) throws IOException, InterruptedException, GeneralSecurityException {
    Webhook w = settings.getWebhook();
    String body = json.writeValueAsString(Map.of("msgtype", "text", "text", Map.of("content", content(notice))));
    HttpRequest request = HttpRequest.newBuilder(URI.create(signed(w)))
        .timeout(w.getTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw new IOException("group robot answered HTTP " + response.statusCode());
    }
    JsonNode answer = response.body().isBlank() ? null : json.readTree(response.body());
    if (answer != null && answer.path("errcode").asInt(0) != 0) {
      throw new IOException("group robot refused: errcode " + answer.path("errcode").asInt() + " "
          + answer.path("errmsg").asText(""));
    }
  }

  /** DingTalk's 加签: timestamp and HmacSHA256(secret, timestamp + "\n" + secret), Base64, URL-encoded. */
  private String signed(Webhook w) throws GeneralSecurityException {
    if (w.getKind() != Webhook.Kind.DINGTALK || w.getSecret().isEmpty()) {
      return w.getUrl();
    }
    long timestamp = System.currentTimeMillis();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(w.getSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String sign = Base64.getEncoder().encodeToString(
        mac.doFinal((timestamp + "\n" + w.getSecret()).getBytes(StandardCharsets.UTF_8)));
    return w.getUrl() + (w.getUrl().contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
        + URLEncoder.encode(sign, StandardCharsets.UTF_8);
  }
}
