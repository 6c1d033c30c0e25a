package cn.shequflow.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.Clock;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tamper evidence (issue 17): every timeline entry (per case) and audit entry (per day) is chained
 * to the previous one by SHA-256; an edit, a deletion or a reordering made in the database with SQL
 * is found and the first broken link named; concurrent actions on a case never fork its chain; the
 * daily anchors held outside the database catch a chain rewritten from scratch.
 */
class TamperEvidenceTest extends RestTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired Cases cases;
  @Autowired AuditLog audit;
  @Autowired AuditChains chains;
  @Autowired AuditRetention retention;

  @AfterEach
  void clock() {
    TestClock.reset();
  }

  /** A leave case with several timeline entries (submitted, approved, status changes). */
  private String caseWithHistory() {
    JsonNode pi = start("liu.staff", leave(1));
    String task = onlyTaskId("zhang.director", pi.get("id").asText());
    Response done = as("zhang.director").post("/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    return pi.get("businessKey").asText();
  }

  private JsonNode verifyTimeline(String user, String key) {
    Response r = as(user).get("/api/cases/" + key + "/timeline/verify");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private List<Long> eventIds(String key) {
    return jdbc.queryForList("select id from case_event where business_key = ? order by id", Long.class, key);
  }

  @Test
  @DisplayName("A case's timeline checks intact for whoever sees the case, and is 404 for others")
  void intactTimeline() {
    String key = caseWithHistory();
    JsonNode check = verifyTimeline("liu.staff", key);
    assertThat(check.get("intact").asBoolean()).isTrue();
    assertThat(check.get("entries").asLong()).isEqualTo(eventIds(key).size()).isGreaterThanOrEqualTo(3);
    assertThat(as("gao.director").get("/api/cases/" + key + "/timeline/verify").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("A timeline entry edited with SQL is caught and named; put back, the chain checks again")
  void editedTimelineEntry() {
    String key = caseWithHistory();
    long second = eventIds(key).get(1);
    String comment = jdbc.queryForObject("select comment from case_event where id = ?", String.class, second);
    jdbc.update("update case_event set comment = '不同意' where id = ?", second);
    JsonNode check = verifyTimeline("liu.staff", key);
    assertThat(check.get("intact").asBoolean()).isFalse();
    assertThat(check.get("brokenAt").asLong()).isEqualTo(second);
    assertThat(check.get("problem").asText()).isEqualTo(ChainCheck.CHANGED);

    jdbc.update("update case_event set comment = ? where id = ?", comment, second);
    assertThat(verifyTimeline("liu.staff", key).get("intact").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("A timeline entry deleted with SQL is caught at the next entry; the last one deleted, at the chain's end")
  void deletedTimelineEntry() {
    String key = caseWithHistory();
    List<Long> ids = eventIds(key);
    jdbc.update("delete from case_event where id = ?", ids.get(1));
    JsonNode check = verifyTimeline("liu.staff", key);
    assertThat(check.get("intact").asBoolean()).isFalse();
    assertThat(check.get("brokenAt").asLong()).isEqualTo(ids.get(2));
    assertThat(check.get("problem").asText()).isEqualTo(ChainCheck.GAP);

    String other = caseWithHistory();
    List<Long> otherIds = eventIds(other);
    jdbc.update("delete from case_event where id = ?", otherIds.get(otherIds.size() - 1));
    JsonNode end = verifyTimeline("liu.staff", other);
    assertThat(end.get("intact").asBoolean()).isFalse();
    assertThat(end.get("brokenAt").isNull()).isTrue();
    assertThat(end.get("problem").asText()).isEqualTo(ChainCheck.END);
  }

  @Test
  @DisplayName("Two timeline entries swapped with SQL (order changed) are caught")
  void reorderedTimeline() {
    String key = caseWithHistory();
    List<Long> ids = eventIds(key);
    long a = ids.get(0);
    long b = ids.get(1);
    jdbc.update("update case_event set id = -1 where id = ?", a);
    jdbc.update("update case_event set id = ? where id = ?", a, b);
    jdbc.update("update case_event set id = ? where id = -1", b);
    JsonNode check = verifyTimeline("liu.staff", key);
    assertThat(check.get("intact").asBoolean()).isFalse();
    assertThat(check.get("brokenAt").asLong()).isEqualTo(a);
  }

  @Test
  @DisplayName("Two actions on one case at the same moment do not fork its chain")
  void concurrentAppends() throws Exception {
    String key = caseWithHistory();
    int before = eventIds(key).size();
    CountDownLatch go = new CountDownLatch(1);
    Runnable urge = () -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (int i = 0; i < 10; i++) {
        cases.event(key, "liu.staff", "urge", null, null, "并发测试");
      }
    };
    CompletableFuture<Void> one = CompletableFuture.runAsync(urge);
    CompletableFuture<Void> two = CompletableFuture.runAsync(urge);
    go.countDown();
    CompletableFuture.allOf(one, two).get();

    assertThat(eventIds(key)).hasSize(before + 20);
    assertThat(verifyTimeline("liu.staff", key).get("intact").asBoolean()).isTrue();
    assertThat(as("admin").get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("An audit entry edited with SQL is caught by GET /api/audit/verify, which names it")
  void editedAuditEntry() {
    audit.record(AuditAction.ADMIN_COMMAND, "admin", "test", null, "第一条");
    audit.record(AuditAction.ADMIN_COMMAND, "admin", "test", null, "第二条");
    long id = jdbc.queryForObject("select max(id) from audit_entry", Long.class) - 1;
    String detail = jdbc.queryForObject("select detail from audit_entry where id = ?", String.class, id);
    try {
      jdbc.update("update audit_entry set actor_id = 'someone.else' where id = ?", id);
      JsonNode check = as("admin").get("/api/audit/verify").json();
      assertThat(check.get("intact").asBoolean()).isFalse();
      assertThat(check.get("firstBroken").get("brokenAt").asLong()).isEqualTo(id);
      assertThat(check.get("firstBroken").get("problem").asText()).isEqualTo(ChainCheck.CHANGED);
      assertThat(check.get("firstBroken").get("chain").asText()).isEqualTo("audit:" + Clock.today());
    } finally {
      jdbc.update("update audit_entry set actor_id = 'admin', detail = ? where id = ?", detail, id);
    }
    assertThat(as("admin").get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("An audit entry deleted with SQL is caught; put back, the day checks again")
  void deletedAuditEntry() {
    audit.record(AuditAction.ADMIN_COMMAND, "admin", "test", null, "将被删除");
    audit.record(AuditAction.ADMIN_COMMAND, "admin", "test", null, "其后一条");
    long id = jdbc.queryForObject("select max(id) from audit_entry", Long.class) - 1;
    Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where id = ?", id);
    jdbc.update("delete from audit_entry where id = ?", id);
    try {
      JsonNode check = as("admin").get("/api/audit/verify?from=" + Clock.today() + "&to=" + Clock.today()).json();
      assertThat(check.get("intact").asBoolean()).isFalse();
      assertThat(check.get("firstBroken").get("brokenAt").asLong()).isEqualTo(id + 1);
      assertThat(check.get("firstBroken").get("problem").asText()).isEqualTo(ChainCheck.GAP);
    } finally {
      jdbc.update("insert into audit_entry (id, chain_day, occurred_at, actor_id, action, outcome, target, business_key, "
              + "detail, client, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          row.get("ID"), row.get("CHAIN_DAY"), row.get("OCCURRED_AT"), row.get("ACTOR_ID"), row.get("ACTION"),
          row.get("OUTCOME"), row.get("TARGET"), row.get("BUSINESS_KEY"), row.get("DETAIL"), row.get("CLIENT"),
          row.get("PREV_HASH"), row.get("HASH"));
    }
    assertThat(as("admin").get("/api/audit/verify").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("The anchor of a finished day is written to a file; a day rewritten with fresh hashes no longer matches it")
  void anchors() throws Exception {
    LocalDate day = LocalDate.of(2001, 3, 15);
    ClockUtil.setCurrentTime(Clock.toDate(day.atTime(10, 0)));
    audit.record(AuditAction.ADMIN_COMMAND, "admin", "test", null, "锚点测试");
    TestClock.reset();

    List<LocalDate> written = chains.writeAnchors(Clock.today());
    assertThat(written).contains(day);
    assertThat(Files.readString(chains.anchorPath(day))).startsWith(day + " ");
    Response anchors = as("admin").get("/api/audit/anchors?from=" + day + "&to=" + day.plusDays(1));
    assertThat(anchors.status()).isEqualTo(200);
    assertThat(anchors.json().get(0).get("day").asText()).isEqualTo(day.toString());
    assertThat(anchors.json().get(0).get("closed").asBoolean()).isTrue();
    assertThat(anchors.json().get(0).get("lastHash").asText()).isEqualTo(Files.readString(chains.anchorPath(day)).split(" ")[1]);
    assertThat(chains.verify(day, day).intact()).isTrue();

    // Someone with database access rewrites the day's only entry and recomputes its hash and the head.
    Map<String, Object> row = jdbc.queryForMap("select * from audit_entry where chain_day = ?", java.sql.Date.valueOf(day));
    // H2 answers a Timestamp, MariaDB's driver a LocalDateTime.
    Object at = row.get("OCCURRED_AT");
    AuditEntry forged = new AuditEntry(null, day,
        at instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : (java.time.LocalDateTime) at,
        "someone.else", (String) row.get("ACTION"), (String) row.get("OUTCOME"), (String) row.get("TARGET"), null,
        (String) row.get("DETAIL"), (String) row.get("CLIENT"), "", null);
    String hash = HashChain.hash("", forged.canonical());
    jdbc.update("update audit_entry set actor_id = 'someone.else', hash = ? where id = ?", hash, row.get("ID"));
    jdbc.update("update chain_head set last_hash = ? where chain_id = ?", hash, AuditLog.chainId(day));

    AuditChains.Verification check = chains.verify(day, day);
    assertThat(check.intact()).isFalse();
    assertThat(check.firstBroken().problem()).isEqualTo(AuditChains.ANCHOR_DIFFERS);
  }

  @Test
  @DisplayName("Audit entries are kept for the retention period; older whole days are removed, and the removal is recorded")
  void retentionPurge() {
    LocalDate old = Clock.today().minusDays(AuditSettings.MIN_RETENTION_DAYS + 5);
    LocalDate kept = Clock.today().minusDays(AuditSettings.MIN_RETENTION_DAYS - 5);
    ClockUtil.setCurrentTime(Clock.toDate(old.atTime(9, 0)));
    audit.record(AuditAction.ADMIN_COMMAND, "admin", "test", null, "过期");
    ClockUtil.setCurrentTime(Clock.toDate(kept.atTime(9, 0)));
    audit.record(AuditAction.ADMIN_COMMAND, "admin", "test", null, "保留");
    TestClock.reset();

    assertThat(retention.purge(Clock.today())).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where chain_day = ?", Long.class,
        java.sql.Date.valueOf(old))).isZero();
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where chain_day = ?", Long.class,
        java.sql.Date.valueOf(kept))).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = ? and chain_day = ?", Long.class,
        AuditAction.RETENTION_PURGE.code, java.sql.Date.valueOf(Clock.today()))).isPositive();
    assertThat(chains.verify(kept, Clock.today()).intact()).isTrue();
  }
}
