package cn.shequflow.residence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import cn.shequflow.support.IdentityNumberAssertions;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15, personal data: an identity number is read whole only by those the one policy
 * ({@code cn.shequflow.core.privacy.PersonalData}) names — for a resident of zaozhi its director
 * (zhang.director), the street's social affairs office (qian.social) and street department
 * (feng.dept) — on every surface; everyone else (grid workers, staff, the liaison leader, the street
 * leaders, administrators) reads {@code 360403***********X}: the region and the check digit, never the
 * birth date nor the sex digit, and then no birth date or sex field either. Every whole number shown is
 * recorded and only administrators read the record.
 */
class PersonalDataRestTest extends RestTestSupport {

  private static final String START = "/engine-rest/process-definition/key/resident-move/start";

  @Autowired ResidentMapper mapper;

  static String masked(String id) {
    return IdentityNumberAssertions.masked(id);
  }

  static void assertNothingRevealed(String what, String text, String id) {
    IdentityNumberAssertions.assertNothingRevealed(what, text, id);
  }

  private record Filed(String id, String instanceId, String key) {}

  private Filed fileRentalMoveIn(String personName) {
    String id = ResidentIds.next();
    Map<String, Object> v = ResidentMoveProcessTest.rental(ResidentMoveProcessTest.moveIn(id, "migrant",
        Clock.today().toString()));
    v.put("name", personName);
    Response started = as("he.grid").post(START, RestClient.variables(v));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return new Filed(id, started.json().get("id").asText(), started.json().get("businessKey").asText());
  }

  private void verify(Filed f) {
    String task = onlyTaskId("liu.staff", f.instanceId());
    Response done = as("liu.staff").post("/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "核实无误")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private JsonNode resident(String user, String id) {
    Response r = as(user).get("/api/residents?idNumber=" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("total").asLong()).isEqualTo(1);
    return r.json().get("items").get(0);
  }

  private String reveals() {
    Response r = as("admin").get("/api/privacy/reveals?size=100");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  @DisplayName("审批单: the grid worker who filed, the staff who verify, a copied colleague, the liaison and the street leaders read it masked; the director whole, recorded")
  void sheet() {
    Filed f = fileRentalMoveIn("沈小青");
    String path = "/api/cases/" + f.key() + "/sheet";
    String task = onlyTaskId("liu.staff", f.instanceId());
    Response cc = as("liu.staff").post("/api/tasks/" + task + "/cc", body("userIds", List.of("lin.grid"), "note", "请知悉"));
    assertThat(cc.status()).as(cc.body()).isEqualTo(200);
    for (String user : List.of("he.grid", "liu.staff", "lin.grid", "zhou.liaison", "wang.principal", "li.leader")) {
      Response sheet = as(user).get(path);
      assertThat(sheet.status()).as(user).isEqualTo(200);
      assertNothingRevealed(user + "'s sheet", sheet.body(), f.id());
      assertThat(sheet.body()).as(user).contains(masked(f.id()));
    }
    Response director = as("zhang.director").get(path);
    assertThat(director.status()).isEqualTo(200);
    assertThat(director.body()).contains(f.id());
    assertThat(reveals()).contains(f.key()).contains("zhang.director").contains("sheet");
  }

  @Test
  @DisplayName("The resident register as Excel follows the one policy: staff get the number masked without sex or birth date, the director whole (recorded); the audit keeps no number")
  void registerExport() throws Exception {
    Filed f = fileRentalMoveIn("钱小芸");
    verify(f);
    for (String user : List.of("liu.staff", "zhang.director")) {
      java.net.http.HttpResponse<byte[]> r = as(user).download("/api/residents?format=xlsx&idNumber=" + f.id());
      assertThat(r.statusCode()).as(user).isEqualTo(200);
      try (org.apache.poi.xssf.usermodel.XSSFWorkbook book =
          new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(r.body()))) {
        org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
        assertThat(sheet.getLastRowNum()).as(user).isEqualTo(1);
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(1);
        JsonNode json = resident(user, f.id()).get("resident");
        assertThat(row.getCell(1).getStringCellValue()).as(user + ": the number as the JSON shows it")
            .isEqualTo(json.get("idNumber").asText());
        if (user.equals("liu.staff")) {
          assertThat(row.getCell(1).getStringCellValue()).isEqualTo(masked(f.id()));
          assertThat(row.getCell(2)).as("no sex").isNull();
          assertThat(row.getCell(3)).as("no birth date").isNull();
        } else {
          assertThat(row.getCell(1).getStringCellValue()).isEqualTo(f.id());
        }
      }
    }
    assertThat(reveals()).contains("zhang.director");
    Response audit = as("admin").get("/api/audit/entries?action=export&size=5");
    assertThat(audit.status()).as(audit.body()).isEqualTo(200);
    assertThat(audit.body()).contains("居民登记簿").doesNotContain(f.id()).doesNotContain(masked(f.id()));
  }

  @Test
  @DisplayName("RM-5 居住证明: the staff who issue it read the stub masked (no birth date); the director whole, recorded")
  void certificates() {
    Filed f = fileRentalMoveIn("严小燕");
    verify(f);
    long residentId = resident("zhang.director", f.id()).get("resident").get("id").asLong();
    String path = "/api/residents/" + residentId + "/certificates";
    Response issued = as("liu.staff").post(path, body("purpose", "子女入学", "documents", List.of("id-card", "rental-contract")));
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    assertNothingRevealed("issued certificate", issued.body(), f.id());
    assertThat(issued.json().get("idNumber").asText()).isEqualTo(masked(f.id()));
    Response stubs = as("liu.staff").get(path);
    assertNothingRevealed("stubs for staff", stubs.body(), f.id());
    Response director = as("zhang.director").get(path);
    assertThat(director.json().get(0).get("idNumber").asText()).isEqualTo(f.id());
    assertThat(reveals()).contains("certificates").contains(String.valueOf(residentId));
  }

  @Test
  @DisplayName("Task variables: the verifier's task variables and form variables and the filer's revise form hold no whole number; a resubmission with the masked number keeps the person's number")
  void taskVariables() {
    Filed f = fileRentalMoveIn("邵小兰");
    String task = onlyTaskId("liu.staff", f.instanceId());
    for (String route : List.of("/variables", "/form-variables", "/form-variables?variableNames=idNumber")) {
      Response r = as("liu.staff").get("/engine-rest/task/" + task + route);
      assertThat(r.status()).as(route + r.body()).isEqualTo(200);
      assertNothingRevealed("verify task " + route, r.body(), f.id());
    }
    Response refused = as("liu.staff").post("/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", false, "comment", "请补充房东信息")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(204);
    String revise = onlyTaskId("he.grid", f.instanceId());
    Response form = as("he.grid").get("/engine-rest/task/" + revise + "/form-variables");
    assertNothingRevealed("revise form", form.body(), f.id());
    assertThat(form.json().get("idNumber").get("value").asText()).isEqualTo(masked(f.id()));
    // Tasklist sends the form back as it opened: the masked number stands for the number on file.
    Map<String, Object> again = ResidentMoveProcessTest.rental(ResidentMoveProcessTest.moveIn(masked(f.id()), "migrant",
        Clock.today().toString()));
    again.put("name", "邵小兰");
    again.put("resubmit", true);
    Response resubmitted = as("he.grid").post("/engine-rest/task/" + revise + "/submit-form", RestClient.variables(again));
    assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(204);
    assertThat(mapper.findMove(f.key()).idNumber()).isEqualTo(f.id());
    String second = onlyTaskId("liu.staff", f.instanceId());
    assertNothingRevealed("second verify task", as("liu.staff").get("/engine-rest/task/" + second + "/variables").body(),
        f.id());
    // A masked number that is not the one on file is refused naming the field.
    Response wrong = as("liu.staff").post("/engine-rest/task/" + second + "/complete",
        RestClient.variables(Map.of("approved", false, "comment", "号码有误")));
    assertThat(wrong.status()).isEqualTo(204);
    String revise2 = onlyTaskId("he.grid", f.instanceId());
    Map<String, Object> bad = new java.util.HashMap<>(again);
    bad.put("idNumber", f.id().substring(0, 6) + "*".repeat(11) + (f.id().charAt(17) == '1' ? '2' : '1'));
    assertField(as("he.grid").post("/engine-rest/task/" + revise2 + "/submit-form", RestClient.variables(bad)), "idNumber");
  }

  @Test
  @DisplayName("History: variable instances and variable details of a resident move hold no whole number (street leaders read history)")
  void historyVariables() {
    Filed f = fileRentalMoveIn("孔小梅");
    verify(f);
    for (String user : List.of("wang.principal", "li.leader", "he.grid", "liu.staff")) {
      for (String route : List.of("/engine-rest/history/variable-instance?processInstanceId=",
          "/engine-rest/history/detail?processInstanceId=", "/engine-rest/variable-instance?processInstanceIdIn=")) {
        Response r = as(user).get(route + f.instanceId());
        assertNothingRevealed(user + " " + route, r.body(), f.id());
      }
    }
    // History keeps each variable's latest value (no detail rows: LeanFullHistory), masked for everyone.
    Response admin = as("admin").get("/engine-rest/history/variable-instance?processInstanceId=" + f.instanceId());
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.body()).as("even the administrator's history has no whole number").contains(masked(f.id()));
    assertNothingRevealed("admin history variables", admin.body(), f.id());
  }

  @Test
  @DisplayName("RM-4 timeline and notices: the police notice and its timeline entry carry the masked number only")
  void timelineAndNotices() {
    Filed f = fileRentalMoveIn("蔡小莲");
    verify(f);
    for (String user : List.of("he.grid", "zhang.director", "wang.principal")) {
      Response timeline = as(user).get("/api/cases/" + f.key() + "/timeline");
      assertThat(timeline.status()).isEqualTo(200);
      assertNothingRevealed(user + "'s timeline", timeline.body(), f.id());
    }
    String notices = noticesOf("zhang.director", f.key());
    assertThat(notices).contains("蔡小莲").contains(masked(f.id()));
    assertNothingRevealed("the director's notices", notices, f.id());
    assertNothingRevealed("the filer's notices", noticesOf("he.grid", f.key()), f.id());
  }

  /** The messages of {@code user}'s notices about one case (other cases name other people). */
  private String noticesOf(String user, String key) {
    StringBuilder text = new StringBuilder();
    for (JsonNode n : as(user).get("/api/notifications").json()) {
      if (key.equals(n.get("businessKey").asText())) {
        text.append(n.get("message").asText()).append('\n');
      }
    }
    return text.toString();
  }

  @Test
  @DisplayName("居民登记簿: masked rows hide birth date and sex too; whole for the director, the social affairs office and the street department, recorded")
  void register() {
    Filed f = fileRentalMoveIn("钟小霞");
    verify(f);
    for (String user : List.of("he.grid", "liu.staff", "zhou.liaison", "wang.principal", "li.leader", "admin")) {
      JsonNode item = resident(user, f.id());
      assertNothingRevealed(user + "'s register", item.toString(), f.id());
      assertThat(item.get("resident").get("idNumber").asText()).isEqualTo(masked(f.id()));
      assertThat(item.get("resident").get("birthDate").isNull()).as(user).isTrue();
      assertThat(item.get("resident").get("sex").isNull()).as(user).isTrue();
      assertThat(item.get("sexLabel").isNull()).as(user).isTrue();
    }
    for (String user : List.of("zhang.director", "qian.social", "feng.dept")) {
      JsonNode item = resident(user, f.id());
      assertThat(item.get("resident").get("idNumber").asText()).as(user).isEqualTo(f.id());
      assertThat(item.get("resident").get("birthDate").asText()).isEqualTo("1990-01-01");
    }
    assertThat(reveals()).contains("qian.social").contains("feng.dept").contains("residents");
  }

  @Test
  @DisplayName("The record of whole numbers shown: administrators only (403 for anyone else)")
  void revealLogForAdministratorsOnly() {
    for (String user : List.of("zhang.director", "liu.staff", "wang.principal", "feng.dept")) {
      Response r = as(user).get("/api/privacy/reveals");
      assertThat(r.status()).as(user + r.body()).isEqualTo(403);
    }
    assertThat(as("nobody").get("/api/privacy/reveals").status()).isEqualTo(401);
    assertField(as("admin").get("/api/privacy/reveals?size=0"), "size");
  }
}
