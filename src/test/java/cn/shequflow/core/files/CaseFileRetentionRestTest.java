package cn.shequflow.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import cn.shequflow.support.RestClient.Part;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 19, the files follow the history's retention ({@link CaseFileRetention}): once Camunda's
 * history cleanup has removed a closed case's history (the leave process's historyTimeToLive, 1825
 * days, after it ended), the case's files go, rows and bytes; a case still within its retention, and
 * an open one, keep theirs. The bytes of a file its uploader deleted go once
 * {@code shequ.files.deleted-retention} (7 days here) has passed; its row stays. Driven by the product
 * clock, never by waiting; safe when two nodes run it at once. Its own context (and database): the
 * history cleanup removes every ended instance past its time.
 */
@TestPropertySource(properties = "shequ.files.deleted-retention=7d")
class CaseFileRetentionRestTest extends RestTestSupport {

  @Autowired JdbcTemplate jdbc;
  @Autowired FileStore store;
  @Autowired CaseFileRetention retention;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  @AfterEach
  void clockBack() {
    TestClock.reset();
  }

  private static void clockAt(LocalDateTime at) {
    ClockUtil.setCurrentTime(Clock.toDate(at));
  }

  private long upload(String key, String name, String type, byte[] content) {
    Response r = as("liu.staff").postMultipart("/api/cases/" + key + "/files", Part.file("file", name, type, content),
        Part.text("kind", "other"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  private void withdraw(String key) {
    Response r = as("liu.staff").post("/api/cases/" + key + "/withdraw", Map.of("reason", "不用了"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  /** The store keys (file and thumbnail) of the case's files, deleted ones included. */
  private List<String> keys(String key) {
    List<String> keys = new ArrayList<>();
    jdbc.query("select storage_key, thumbnail_key from case_file where business_key = ?", rs -> {
      keys.add(rs.getString(1));
      if (rs.getString(2) != null) {
        keys.add(rs.getString(2));
      }
    }, key);
    return keys;
  }

  private long rows(String key) {
    return jdbc.queryForObject("select count(*) from case_file where business_key = ?", Long.class, key);
  }

  /** The audit entries of a case's files removed with its history. */
  private long purgeEntries(String key) {
    return jdbc.queryForObject("select count(*) from audit_entry where action = 'files-purged' "
        + "and target = 'case_file' and business_key = ?", Long.class, key);
  }

  private void cleanHistory() {
    Job job = history.cleanUpHistoryAsync(true);
    management.executeJob(job.getId());
  }

  @Test
  @DisplayName("A case whose history Camunda's cleanup removed loses its files, rows and bytes, with an audit entry; a case within its retention and an open one keep theirs; two nodes at once remove each file once")
  void filesFollowTheHistory() throws Exception {
    LocalDateTime start = Clock.now().withNano(0);
    // Case A: a photo and a PDF deleted by its uploader, then withdrawn (ended now).
    JsonNode a = start("liu.staff", leave(1));
    String keyA = a.get("businessKey").asText();
    upload(keyA, "照片.png", "image/png", CaseFilesRestTest.png(60, 40, null));
    long pdf = upload(keyA, "证明.pdf", "application/pdf", CaseFilesRestTest.PDF);
    assertThat(as("liu.staff").delete("/api/files/" + pdf).status()).isEqualTo(204);
    withdraw(keyA);
    List<String> storedA = keys(keyA);
    assertThat(storedA).hasSize(3).allMatch(store::exists);
    String pdfKey = jdbc.queryForObject("select storage_key from case_file where id = ?", String.class, pdf);

    // Case B ends ten days later; case C stays open.
    clockAt(start.plusDays(10));
    String keyB = start("liu.staff", leave(1)).get("businessKey").asText();
    upload(keyB, "b.png", "image/png", CaseFilesRestTest.png(30, 30, null));
    withdraw(keyB);
    String keyC = start("liu.staff", leave(1)).get("businessKey").asText();
    upload(keyC, "c.pdf", "application/pdf", CaseFilesRestTest.PDF);

    // Before anything is cleaned, the run removes no file of theirs: only the bytes of A's deleted PDF
    // (deleted more than 7 days ago), its row stays.
    // (Counts are at least, not exactly: on MariaDB the whole suite shares one database, and other
    // tests' deleted files and closed cases are there too.)
    assertThat(retention.purge().deletedFilesPurged()).isGreaterThanOrEqualTo(1);
    assertThat(rows(keyA)).isEqualTo(2);
    assertThat(storedA).filteredOn(k -> !k.equals(pdfKey)).hasSize(2).allMatch(store::exists);
    assertThat(store.exists(pdfKey)).isFalse();

    // 1825 days (leave's historyTimeToLive) after A ended and 5 more: A's history is cleaned, B's not yet.
    clockAt(start.plusDays(1825 + 5));
    cleanHistory();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(a.get("id").asText()).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(keyB).count()).isEqualTo(1);

    // Two nodes at once: each file is removed once, no error, one audit entry.
    CompletableFuture<CaseFileRetention.Result> one = CompletableFuture.supplyAsync(retention::purge);
    CompletableFuture<CaseFileRetention.Result> two = CompletableFuture.supplyAsync(retention::purge);
    int removed = one.get().filesOfCleanedCases() + two.get().filesOfCleanedCases();
    assertThat(removed).isGreaterThanOrEqualTo(2);
    assertThat(rows(keyA)).isZero();
    assertThat(storedA).noneMatch(store::exists);
    assertThat(purgeEntries(keyA)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select detail from audit_entry where action = 'files-purged' "
        + "and target = 'case_file' and business_key = ?", String.class, keyA)).startsWith("2 个附件");

    // B (within its retention) and C (open) keep their files.
    assertThat(rows(keyB)).isEqualTo(1);
    assertThat(keys(keyB)).allMatch(store::exists);
    assertThat(rows(keyC)).isEqualTo(1);
    assertThat(keys(keyC)).allMatch(store::exists);
    assertThat(purgeEntries(keyB) + purgeEntries(keyC)).isZero();

    // Once more: nothing left to do, nothing recorded.
    assertThat(retention.purge()).isEqualTo(new CaseFileRetention.Result(0, 0));
    assertThat(purgeEntries(keyA)).isEqualTo(1);
  }

  @Test
  @DisplayName("The bytes of a file its uploader deleted are removed once deleted-retention has passed (not before), its row stays; the other files are untouched")
  void deletedFilesLoseTheirBytes() {
    LocalDateTime deletedAt = Clock.now().withNano(0);
    clockAt(deletedAt);
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    long kept = upload(key, "kept.png", "image/png", CaseFilesRestTest.png(30, 20, null));
    long gone = upload(key, "gone.png", "image/png", CaseFilesRestTest.png(20, 30, null));
    assertThat(as("liu.staff").delete("/api/files/" + gone).status()).isEqualTo(204);
    Map<String, Object> row = jdbc.queryForMap("select storage_key, thumbnail_key from case_file where id = ?", gone);
    List<String> goneKeys = List.of((String) row.get("storage_key"), (String) row.get("thumbnail_key"));

    retention.purge();
    assertThat(goneKeys).allMatch(store::exists);
    clockAt(deletedAt.plusDays(6));
    retention.purge();
    assertThat(goneKeys).allMatch(store::exists);

    clockAt(deletedAt.plusDays(7).plusMinutes(1));
    assertThat(retention.purge().deletedFilesPurged()).isGreaterThanOrEqualTo(1); // others' too on a shared database
    assertThat(goneKeys).noneMatch(store::exists);
    assertThat(jdbc.queryForObject("select count(*) from case_file where id = ? and purged_at is not null", Long.class,
        gone)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'files-purged' and target = ?",
        Long.class, "files:" + gone)).isEqualTo(1);
    assertThat(as("liu.staff").download("/api/files/" + kept).statusCode()).isEqualTo(200);
    assertThat(as("liu.staff").download("/api/files/" + gone).statusCode()).isEqualTo(404);
    assertThat(as("liu.staff").get("/api/cases/" + key + "/files").json()).hasSize(1);

    assertThat(retention.purge().deletedFilesPurged()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'files-purged' and target = ?",
        Long.class, "files:" + gone)).isEqualTo(1);
  }
}
