package cn.shequflow.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.Notifications.Notice;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The group robot's request: DingTalk's 加签 and what a refusal looks like. */
class WebhookChannelTest {

  private final AtomicReference<String> query = new AtomicReference<>();
  private final AtomicReference<String> answer = new AtomicReference<>("{\"errcode\":0,\"errmsg\":\"ok\"}");
  private HttpServer server;

  private WebhookChannel channel(NoticeChannelSettings.Webhook.Kind kind, String secret) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/robot/send", exchange -> {
      query.set(exchange.getRequestURI().getRawQuery());
      exchange.getRequestBody().readAllBytes();
      byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    NoticeChannelSettings settings = new NoticeChannelSettings();
    settings.getWebhook().setEnabled(true);
    settings.getWebhook().setKind(kind);
    settings.getWebhook().setUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=t");
    settings.getWebhook().setSecret(secret);
    Organisation organisation = Mockito.mock(Organisation.class);
    Mockito.when(organisation.displayName("zhang.director")).thenReturn("张伟");
    return new WebhookChannel(settings, organisation, new ObjectMapper());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static Notice notice() {
    return new Notice("n1", "zhang.director", "LV-2026-000001", "身份证号 360402********4568 的居民迁入", LocalDateTime.now(), null);
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      String[] kv = pair.split("=", 2);
      m.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return m;
  }

  @Test
  @DisplayName("DingTalk with 加签: timestamp and the HmacSHA256 signature of timestamp\\nsecret, as DingTalk checks it")
  void dingTalkSigned() throws Exception {
    WebhookChannel robot = channel(NoticeChannelSettings.Webhook.Kind.DINGTALK, "SECabc123");
    robot.deliver(notice(), WebhookChannel.GROUP);
    Map<String, String> p = params(query.get());
    assertThat(p).containsEntry("access_token", "t").containsKeys("timestamp", "sign");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("SECabc123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = Base64.getEncoder().encodeToString(
        mac.doFinal((p.get("timestamp") + "\n" + "SECabc123").getBytes(StandardCharsets.UTF_8)));
    assertThat(p.get("sign")).isEqualTo(expected);
  }

  @Test
  @DisplayName("WeCom: the URL as configured; the group reads who and which case, never the notice's words")
  void weComPlain() throws Exception {
    WebhookChannel robot = channel(NoticeChannelSettings.Webhook.Kind.WECOM, "");
    robot.deliver(notice(), WebhookChannel.GROUP);
    assertThat(query.get()).isEqualTo("access_token=t");
    assertThat(robot.content(notice())).isEqualTo("@张伟 您有一条新通知（事项 LV-2026-000001），请登录社区流程查看。")
        .doesNotContain("360402");
  }

  @Test
  @DisplayName("A robot that answers errcode ≠ 0 is a failed attempt")
  void refusal() throws Exception {
    WebhookChannel robot = channel(NoticeChannelSettings.Webhook.Kind.WECOM, "");
    answer.set("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
    assertThatThrownBy(() -> robot.deliver(notice(), WebhookChannel.GROUP)).hasMessageContaining("45009");
  }
}
