package cn.shequflow.notices;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Notifications;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices reach people (issue 18): the bell's unread count and read marks, and copies by e-mail
 * (GreenMail, an SMTP server in this JVM) and by the group robot (a JDK HTTP server standing in for
 * WeCom's webhook). A failing channel is tried again and never costs the in-app notice.
 */
class NoticeChannelsRestTest extends RestTestSupport {

  static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  static final HttpServer ROBOT;
  static final List<String> ROBOT_BODIES = new CopyOnWriteArrayList<>();
  /** The robot's next answers: 0 = {"errcode":0}, otherwise that HTTP status. */
  static final AtomicInteger ROBOT_FAILS = new AtomicInteger();

  static {
    SMTP.start();
    try {
      ROBOT = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ROBOT.createContext("/cgi-bin/webhook/send", exchange -> {
      ROBOT_BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      boolean fail = ROBOT_FAILS.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
      byte[] answer = (fail ? "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}" : "{\"errcode\":0,\"errmsg\":\"ok\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    ROBOT.start();
  }

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("shequ.notices.email.enabled", () -> "true");
    registry.add("shequ.notices.email.from", () -> "noreply@pencheng.example");
    registry.add("shequ.notices.webhook.enabled", () -> "true");
    registry.add("shequ.notices.webhook.url",
        () -> "http://127.0.0.1:" + ROBOT.getAddress().getPort() + "/cgi-bin/webhook/send?key=test-key");
    registry.add("shequ.notices.tasklist-url", () -> "https://flow.example/camunda/app/tasklist/");
  }

  @AfterAll
  static void stopServers() {
    SMTP.stop();
    ROBOT.stop(0);
  }

  @Autowired IdentityService identity;
  @Autowired NoticeDeliveries deliveries;
  @Autowired Notifications notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate tx;

  @BeforeEach
  void fresh() throws Exception {
    SMTP.purgeEmailFromAllMailboxes();
    ROBOT_BODIES.clear();
    ROBOT_FAILS.set(0);
    deliveries.deliverDue(); // nothing of an earlier test is left due
    ROBOT_BODIES.clear();
    User director = identity.createUserQuery().userId("zhang.director").singleResult();
    director.setEmail("zhang.director@pencheng.example");
    identity.saveUser(director);
  }

  private int unread(String user) {
    Response r = as(user).get("/api/notifications/unread-count");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("unread").asInt();
  }

  private String urgedCase() {
    JsonNode pi = start("liu.staff", leave(1));
    String key = pi.get("businessKey").asText();
    Response urge = as("liu.staff").post("/api/cases/" + key + "/urge", Map.of("note", "明天要出发"));
    assertThat(urge.status()).as(urge.body()).isEqualTo(200);
    return key;
  }

  @Test
  @DisplayName("催办 reaches the director's bell (unread count), his mailbox with the words, and the group without them")
  void urgeReachesEveryChannel() throws Exception {
    int before = unread("zhang.director");
    String key = urgedCase();
    assertThat(unread("zhang.director")).isEqualTo(before + 1);

    assertThat(deliveries.deliverDue()).as("one e-mail and one robot message").isEqualTo(2);
    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("zhang.director@pencheng.example");
    assertThat(mails[0].getSubject()).contains(key);
    String text = GreenMailUtil.getBody(mails[0]);
    assertThat(mails[0].getContent().toString()).contains("催办", key, "明天要出发", "https://flow.example/camunda/app/tasklist/");
    assertThat(text).isNotEmpty();

    assertThat(ROBOT_BODIES).hasSize(1);
    JsonNode robot = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ROBOT_BODIES.get(0));
    assertThat(robot.get("msgtype").asText()).isEqualTo("text");
    assertThat(robot.at("/text/content").asText()).contains("@张", key).doesNotContain("明天要出发");

    assertThat(deliveries.deliverDue()).as("each copy is sent once").isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
  }

  @Test
  @DisplayName("The bell: read one notice, then all; nobody reads or marks another person's notices")
  void readMarks() {
    urgedCase();
    List<JsonNode> mine = new java.util.ArrayList<>();
    as("zhang.director").get("/api/notifications").json().forEach(mine::add);
    JsonNode newest = mine.get(0);
    assertThat(newest.get("readAt").isNull()).isTrue();
    String id = newest.get("id").asText();
    int before = unread("zhang.director");

    Response stranger = as("liu.staff").post("/api/notifications/" + id + "/read", Map.of());
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(unread("zhang.director")).as("a refused mark changes nothing").isEqualTo(before);
    assertThat(as("liu.staff").get("/api/notifications").body()).doesNotContain(id);

    assertThat(as("zhang.director").post("/api/notifications/" + id + "/read", Map.of()).status()).isEqualTo(204);
    assertThat(unread("zhang.director")).isEqualTo(before - 1);
    assertThat(as("zhang.director").get("/api/notifications").json().get(0).get("readAt").isNull()).isFalse();

    Response all = as("zhang.director").post("/api/notifications/read-all", Map.of());
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().get("marked").asInt()).isEqualTo(before - 1);
    assertThat(unread("zhang.director")).isZero();
  }

  @Test
  @DisplayName("A robot that refuses is tried again later, then given up and listed for the administrator; the bell keeps the notice")
  void failingRobotIsRetriedThenGivenUp() {
    ROBOT_FAILS.set(100);
    String key = urgedCase();
    try {
      assertThat(deliveries.deliverDue()).as("the e-mail goes, the robot refuses").isEqualTo(1);
      String robotCopy = jdbc.queryForObject("select d.id from notice_delivery d join notification n "
          + "on n.id = d.notification_id where n.business_key = ? and d.channel = 'WEBHOOK'", String.class, key);
      Map<String, Object> row = jdbc.queryForMap("select status, attempts, last_error from notice_delivery where id = ?",
          robotCopy);
      assertThat(row.get("STATUS")).isEqualTo("PENDING");
      assertThat(((Number) row.get("ATTEMPTS")).intValue()).isEqualTo(1);
      assertThat((String) row.get("LAST_ERROR")).contains("93000");

      assertThat(deliveries.deliverDue()).as("not tried again before its time").isZero();
      assertThat(ROBOT_BODIES).hasSize(1);
      for (int minutes : new int[] {2, 6, 16, 61, 241}) {
        ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
        deliveries.deliverDue();
      }
      assertThat(ROBOT_BODIES).as("six attempts").hasSize(6);
      assertThat(jdbc.queryForObject("select status from notice_delivery where id = ?", String.class, robotCopy))
          .isEqualTo(NoticeDeliveries.FAILED);
      ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 24 * 3600_000L));
      deliveries.deliverDue();
      assertThat(ROBOT_BODIES).as("given up").hasSize(6);
    } finally {
      TestClock.reset();
    }
    assertThat(as("zhang.director").get("/api/notifications").body()).contains(key);
    Response failed = as("admin").get("/api/notices/deliveries?status=FAILED");
    assertThat(failed.status()).isEqualTo(200);
    assertThat(failed.body()).contains(key, "93000");
    assertThat(as("zhang.director").get("/api/notices/deliveries?status=FAILED").status()).isEqualTo(403);
    Response bad = as("admin").get("/api/notices/deliveries?status=LOST");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("status");
  }

  @Test
  @DisplayName("A step that is rolled back sends nothing: no notice, no copy queued")
  void rolledBackSendsNothing() {
    Integer before = jdbc.queryForObject("select count(*) from notice_delivery", Integer.class);
    Integer noticesBefore = jdbc.queryForObject("select count(*) from notification", Integer.class);
    try {
      tx.executeWithoutResult(s -> {
        notifications.send("zhang.director", null, "一条会被撤销的通知");
        throw new IllegalStateException("the step fails");
      });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(jdbc.queryForObject("select count(*) from notification", Integer.class)).isEqualTo(noticesBefore);
    assertThat(jdbc.queryForObject("select count(*) from notice_delivery", Integer.class)).isEqualTo(before);
  }

  @Test
  @DisplayName("Someone without an e-mail address gets the bell and the group, no e-mail copy")
  void noAddressNoMail() {
    tx.executeWithoutResult(s -> notifications.send("liu.staff", null, "请查看"));
    assertThat(jdbc.queryForList("select d.channel from notice_delivery d join notification n on n.id = d.notification_id "
        + "where n.recipient_id = 'liu.staff' and n.message = '请查看'", String.class)).containsExactly("WEBHOOK");
  }
}
