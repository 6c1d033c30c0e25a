package cn.shequflow.correction;

import static cn.shequflow.support.IdentityNumberAssertions.assertNothingRevealed;
import static cn.shequflow.support.IdentityNumberAssertions.masked;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.TableRows;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, personal data of people under community correction: the whole identity number stays in
 * the family's own tables ({@code correction_travel}, {@code correction_residence_change}); every
 * engine surface (variables, history, task and form variables) and the timeline and notices hold its
 * mask. Whoever reads variables (the principal leader in Cockpit, an administrator) never sees it
 * whole; the justice office and the county justice bureau, whom the one policy names, read it whole on
 * the 审批单, and that reveal is recorded.
 */
class CorrectionPersonalDataRestTest extends RestTestSupport {

  /** Readers of a correction case's variables: its viewers, and the administrator. */
  static final List<String> READERS = List.of("wang.principal", "wei.justice", "jiang.county", "admin");

  @Autowired TravelRegister travels;
  @Autowired ResidenceChangeRegister residenceChanges;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  private JsonNode file(String path, Map<String, Object> v) {
    Response r = as("wei.justice").post(path, RestClient.variables(v));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private void assertEngineHoldsOnlyTheMask(String instanceId, String id) {
    for (String user : READERS) {
      for (String route : List.of("/engine-rest/variable-instance?processInstanceIdIn=",
          "/engine-rest/history/variable-instance?processInstanceId=", "/engine-rest/history/detail?processInstanceId=",
          "/engine-rest/history/variable-instance?deserializeValues=false&processInstanceId=")) {
        Response r = as(user).get(route + instanceId);
        assertNothingRevealed(user + " " + route, r.body(), id);
      }
      Response variables = as(user).get("/engine-rest/process-instance/" + instanceId + "/variables");
      assertNothingRevealed(user + " instance variables", variables.body(), id);
    }
    Response admin = as("admin").get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId);
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.body()).as("the variable holds the mask").contains(masked(id));
  }

  private void assertTaskHoldsOnlyTheMask(String user, String instanceId, String id) {
    String task = onlyTaskId(user, instanceId);
    for (String route : List.of("/variables", "/form-variables", "/form-variables?variableNames=idNumber")) {
      Response r = as(user).get("/engine-rest/task/" + task + route);
      assertThat(r.status()).as(route + r.body()).isEqualTo(200);
      assertNothingRevealed(user + "'s task " + route, r.body(), id);
    }
  }

  private void assertTimelineAndNoticesMasked(String key, String id) {
    for (String user : List.of("wang.principal", "wei.justice", "jiang.county")) {
      Response timeline = as(user).get("/api/cases/" + key + "/timeline");
      assertThat(timeline.status()).as(user).isEqualTo(200);
      assertNothingRevealed(user + "'s timeline", timeline.body(), id);
      assertNothingRevealed(user + "'s notices", as(user).get("/api/notifications").body(), id);
    }
  }

  /** The 审批单: masked for the principal leader; whole for the justice office and the county, each reveal recorded. */
  private void assertSheetRevealsToTheReadersOnly(String key, String id) {
    Response principal = as("wang.principal").get("/api/cases/" + key + "/sheet");
    assertThat(principal.status()).isEqualTo(200);
    assertNothingRevealed("the principal leader's sheet", principal.body(), id);
    assertThat(principal.body()).contains(masked(id));
    for (String reader : List.of("wei.justice", "jiang.county")) {
      Response sheet = as(reader).get("/api/cases/" + key + "/sheet");
      assertThat(sheet.status()).isEqualTo(200);
      assertThat(sheet.body()).as(reader + " reads the number whole").contains(id);
    }
    Response reveals = as("admin").get("/api/privacy/reveals?size=100");
    assertThat(reveals.status()).as(reveals.body()).isEqualTo(200);
    List<String> recorded = new java.util.ArrayList<>();
    reveals.json().get("items").forEach(r -> {
      if (key.equals(r.get("businessKey").asText())) {
        recorded.add(r.get("userId").asText() + " " + r.get("surface").asText());
      }
    });
    assertThat(recorded).containsExactlyInAnyOrder("wei.justice sheet", "jiang.county sheet");
    assertNothingRevealed("the record of reveals", reveals.body(), id);
  }

  @Test
  @DisplayName("CC-1 travel: variables, history, task and form variables, timeline and notices hold the mask; the "
      + "justice office and the county read it whole on the 审批单, recorded; the register keeps it whole")
  void travel() {
    String id = "360403198503121234";
    JsonNode pi = file(CorrectionRestTest.TRAVEL, CorrectionRestTest.travel(5));
    String instanceId = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    assertThat(travels.find(key).idNumber()).as("the family's own table keeps it whole").isEqualTo(id);
    assertEngineHoldsOnlyTheMask(instanceId, id);
    assertTaskHoldsOnlyTheMask("wei.justice", instanceId, id);
    assertTimelineAndNoticesMasked(key, id);
    assertSheetRevealsToTheReadersOnly(key, id);
  }

  @Test
  @DisplayName("CC-3 residence change: the same on every surface; the register keeps the number whole")
  void residenceChange() {
    String id = "360402199001014568";
    JsonNode pi = file(CorrectionRestTest.RESIDENCE,
        CorrectionRestTest.residence(CorrectionRestTest.today().plusMonths(1).plusDays(1)));
    String instanceId = pi.get("id").asText();
    String key = pi.get("businessKey").asText();
    assertThat(residenceChanges.find(key).idNumber()).isEqualTo(id);
    assertEngineHoldsOnlyTheMask(instanceId, id);
    assertTaskHoldsOnlyTheMask("wei.justice", instanceId, id);
    assertTimelineAndNoticesMasked(key, id);
    assertSheetRevealsToTheReadersOnly(key, id);
  }

  @Test
  @DisplayName("A whole number shown is recorded once: one audit entry (hash-chained), which is what the record of reveals lists")
  void revealRecordedOnce() throws Exception {
    JsonNode pi = file(CorrectionRestTest.TRAVEL, CorrectionRestTest.travel(3));
    String key = pi.get("businessKey").asText();
    assertThat(as("wei.justice").get("/api/cases/" + key + "/sheet").status()).isEqualTo(200); // today's chain exists now
    java.util.Map<String, Long> before = TableRows.counts(dataSource);
    Response sheet = as("jiang.county").get("/api/cases/" + key + "/sheet");
    assertThat(sheet.body()).contains("360403198503121234");
    assertThat(TableRows.counts(dataSource)).as("the reveal is one row of the audit log, and nothing else")
        .isEqualTo(TableRows.plus(before, "audit_entry", 1));
    java.util.Map<String, Object> entry = jdbc.queryForMap(
        "select * from audit_entry where id = (select max(id) from audit_entry)");
    assertThat(entry.get("ACTION")).isEqualTo("reveal");
    assertThat(entry.get("ACTOR_ID")).isEqualTo("jiang.county");
    assertThat(entry.get("BUSINESS_KEY")).isEqualTo(key);
    assertThat(entry.get("HASH")).isNotNull();
    JsonNode newest = as("admin").get("/api/privacy/reveals?size=1").json();
    assertThat(newest.get("items").get(0).get("id").asLong()).as("the record of reveals reads the audit log")
        .isEqualTo(((Number) entry.get("ID")).longValue());
    assertThat(newest.get("items").get(0).get("userName").asText()).isEqualTo("蒋芳");
    assertThat(newest.get("items").get(0).get("surface").asText()).isEqualTo("sheet");
  }
}
