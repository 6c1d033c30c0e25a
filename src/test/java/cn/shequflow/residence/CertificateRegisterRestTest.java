package cn.shequflow.residence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import cn.shequflow.support.IdentityNumberAssertions;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RM-5 and issue 20: the register of address certificates ({@code GET /api/address-certificates}),
 * every certificate the person may see (ORG-5: a community's stay with that community and the street
 * roles over it), filtered and paged like the ledgers, identity numbers by the one personal-data policy,
 * and its Excel export with the same rows, audited; a refused export writes nothing.
 */
class CertificateRegisterRestTest extends RestTestSupport {

  private static final String START = "/engine-rest/process-definition/key/resident-move/start";
  private static final String REGISTER = "/api/address-certificates";

  @Autowired JdbcTemplate jdbc;

  private record Issued(String id, long residentId, String certificateNo, String community) {}

  /** A migrant filed by {@code grid}, verified by {@code staff} and given a certificate by {@code staff}. */
  private Issued issue(String grid, String staff, String personName, String community) {
    String id = ResidentIds.next();
    Map<String, Object> v = ResidentMoveProcessTest.rental(ResidentMoveProcessTest.moveIn(id, "migrant",
        Clock.today().toString()));
    v.put("name", personName);
    Response started = as(grid).post(START, RestClient.variables(v));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String task = onlyTaskId(staff, started.json().get("id").asText());
    Response done = as(staff).post("/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "核实无误")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    Response found = as(staff).get("/api/residents?idNumber=" + id);
    assertThat(found.json().get("total").asLong()).as(found.body()).isEqualTo(1);
    long residentId = found.json().get("items").get(0).get("resident").get("id").asLong();
    Response issued = as(staff).post("/api/residents/" + residentId + "/certificates",
        body("purpose", "子女入学", "documents", List.of("id-card", "rental-contract")));
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    return new Issued(id, residentId, issued.json().get("certificateNo").asText(), community);
  }

  private Response register(String user, String query) {
    return as(user).get(REGISTER + "?size=100" + query);
  }

  /** The certificate numbers a person's register lists for a query, every page. */
  private List<String> numbers(String user, String query) {
    List<String> numbers = new ArrayList<>();
    for (int page = 1; ; page++) {
      Response r = register(user, "&page=" + page + query);
      assertThat(r.status()).as(user + " " + r.body()).isEqualTo(200);
      r.json().get("items").forEach(i -> numbers.add(i.get("certificate").get("certificateNo").asText()));
      if (r.json().get("items").size() < 100) {
        return numbers;
      }
    }
  }

  private JsonNode stub(String user, String certificateNo) {
    Response r = register(user, "&certificateNo=" + certificateNo);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("total").asLong()).as(user).isEqualTo(1);
    return r.json().get("items").get(0);
  }

  private long written() {
    return jdbc.queryForObject("select count(*) from audit_entry where action in ('export', 'reveal')", Long.class);
  }

  @Test
  @DisplayName("ORG-5: each community's people see their own community's certificates, the street roles every community's; others are refused")
  void visibility() {
    Issued zaozhi = issue("he.grid", "liu.staff", "欧阳证甲", "zaozhi");
    Issued taiping = issue("xu.grid", "ma.staff", "欧阳证乙", "taiping");

    assertThat(numbers("liu.staff", "")).contains(zaozhi.certificateNo()).doesNotContain(taiping.certificateNo());
    assertThat(numbers("he.grid", "")).contains(zaozhi.certificateNo()).doesNotContain(taiping.certificateNo());
    assertThat(numbers("ma.staff", "")).contains(taiping.certificateNo()).doesNotContain(zaozhi.certificateNo());
    assertThat(numbers("qian.social", "")).contains(zaozhi.certificateNo(), taiping.certificateNo());
    assertThat(numbers("qian.social", "&communityId=taiping")).contains(taiping.certificateNo())
        .doesNotContain(zaozhi.certificateNo());

    assertThat(register("liu.staff", "&communityId=taiping").status()).as("another community").isEqualTo(403);
    assertThat(register("wei.justice", "").status()).as("the justice office keeps no resident register").isEqualTo(403);
    assertThat(numbers("zhou.liaison", "")).as("the liaison leader: the community he looks after")
        .contains(zaozhi.certificateNo()).doesNotContain(taiping.certificateNo());
    assertThat(RestClient.anonymous(port).get(REGISTER).status()).isEqualTo(401);

    JsonNode item = stub("liu.staff", zaozhi.certificateNo());
    assertThat(item.get("certificate").get("communityName").asText()).isEqualTo("造纸社区");
    assertThat(item.get("certificate").get("personName").asText()).isEqualTo("欧阳证甲");
    assertThat(item.get("certificate").get("residentId").asLong()).isEqualTo(zaozhi.residentId());
    assertThat(item.get("documentsLabel").asText()).isEqualTo("居民身份证、房屋租赁合同");
  }

  @Test
  @DisplayName("The identity number on each stub follows the one policy: staff and grid workers masked, the director and the social affairs office whole (recorded)")
  void masking() {
    Issued c = issue("he.grid", "liu.staff", "欧阳证丙", "zaozhi");
    for (String user : List.of("liu.staff", "he.grid", "zhou.liaison")) {
      Response r = register(user, "&certificateNo=" + c.certificateNo());
      IdentityNumberAssertions.assertNothingRevealed(user + "'s register", r.body(), c.id());
      assertThat(r.json().get("items").get(0).get("certificate").get("idNumber").asText())
          .isEqualTo(IdentityNumberAssertions.masked(c.id()));
    }
    long before = written();
    for (String user : List.of("zhang.director", "qian.social")) {
      assertThat(stub(user, c.certificateNo()).get("certificate").get("idNumber").asText()).as(user).isEqualTo(c.id());
    }
    assertThat(written()).as("each whole number shown is recorded").isEqualTo(before + 2);
    Response reveals = as("admin").get("/api/privacy/reveals?size=100");
    assertThat(reveals.body()).contains(c.certificateNo()).contains("certificates");
  }

  @Test
  @DisplayName("Filters and paging: name, number and the period issued; bad filters are 400 naming the field")
  void filtersAndPaging() {
    Issued first = issue("he.grid", "liu.staff", "欧阳证丁", "zaozhi");
    Issued second = issue("lin.grid", "chen.staff", "欧阳证丁", "zaozhi");
    String today = Clock.today().toString();

    assertThat(numbers("liu.staff", "&name=证丁")).containsExactly(second.certificateNo(), first.certificateNo());
    assertThat(numbers("liu.staff", "&name=证丁&from=" + today + "&until=" + today))
        .containsExactly(second.certificateNo(), first.certificateNo());
    assertThat(numbers("liu.staff", "&name=证丁&from=" + Clock.today().plusDays(1))).isEmpty();
    assertThat(numbers("liu.staff", "&name=证丁&until=" + Clock.today().minusDays(1))).isEmpty();
    assertThat(numbers("liu.staff", "&name=%25")).as("a wildcard typed is matched literally").isEmpty();

    Response page2 = as("liu.staff").get(REGISTER + "?name=证丁&size=1&page=2");
    assertThat(page2.json().get("total").asLong()).isEqualTo(2);
    assertThat(page2.json().get("page").asInt()).isEqualTo(2);
    assertThat(page2.json().get("items").get(0).get("certificate").get("certificateNo").asText())
        .isEqualTo(first.certificateNo());

    assertField(as("liu.staff").get(REGISTER + "?from=2026-13-01"), "from");
    assertField(as("liu.staff").get(REGISTER + "?until=tomorrow"), "until");
    assertField(as("liu.staff").get(REGISTER + "?from=" + today + "&until=" + Clock.today().minusDays(1)), "until");
    assertField(as("liu.staff").get(REGISTER + "?name=" + "张".repeat(51)), "name");
    assertField(as("liu.staff").get(REGISTER + "?page=0"), "page");
    assertField(as("liu.staff").get(REGISTER + "?size=101"), "size");
    assertField(as("liu.staff").get(REGISTER + "?size=abc"), "size");
  }

  private static Sheet sheet(HttpResponse<byte[]> r) throws Exception {
    assertThat(r.statusCode()).as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".xlsx");
    return new XSSFWorkbook(new ByteArrayInputStream(r.body())).getSheetAt(0);
  }

  private static List<String> column(Sheet sheet, int c) {
    List<String> values = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      values.add(sheet.getRow(r).getCell(c).getStringCellValue());
    }
    return values;
  }

  @Test
  @DisplayName("The register as Excel holds the JSON's rows for the same person and filters, numbers as the policy shows them, typed cells; audited without the number")
  void export() throws Exception {
    Issued c = issue("he.grid", "liu.staff", "欧阳证戊", "zaozhi");
    long exports = jdbc.queryForObject("select count(*) from audit_entry where action = 'export'", Long.class);

    Sheet staff = sheet(as("liu.staff").download(REGISTER + "?format=xlsx"));
    assertThat(staff.getSheetName()).isEqualTo("居住证明登记簿");
    assertThat(staff.getRow(0).getCell(0).getStringCellValue()).isEqualTo("证明编号");
    assertThat(staff.getRow(0).getCell(2).getStringCellValue()).isEqualTo("身份证号");
    assertThat(column(staff, 0)).containsExactlyElementsOf(numbers("liu.staff", "")).contains(c.certificateNo());
    Row row = staff.getRow(1 + column(staff, 0).indexOf(c.certificateNo()));
    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("欧阳证戊");
    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(IdentityNumberAssertions.masked(c.id()));
    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("居民身份证、房屋租赁合同");
    assertThat(DateUtil.isCellDateFormatted(row.getCell(7))).as("the time issued is an Excel date").isTrue();
    assertThat(row.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(Clock.today());

    Sheet byAccept = sheet(as("liu.staff").download(REGISTER + "?name=证戊",
        cn.shequflow.core.export.Workbooks.XLSX_VALUE));
    assertThat(column(byAccept, 0)).containsExactlyElementsOf(numbers("liu.staff", "&name=证戊"));

    Sheet director = sheet(as("zhang.director").download(REGISTER + "?format=xlsx&certificateNo=" + c.certificateNo()));
    assertThat(director.getLastRowNum()).isEqualTo(1);
    assertThat(director.getRow(1).getCell(2).getStringCellValue()).isEqualTo(c.id());

    assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'export'", Long.class))
        .as("each export is audited").isEqualTo(exports + 3);
    Response audit = as("admin").get("/api/audit/entries?action=export&size=5");
    assertThat(audit.status()).as(audit.body()).isEqualTo(200);
    assertThat(audit.body()).contains("居住证明登记簿").doesNotContain(c.id())
        .doesNotContain(IdentityNumberAssertions.masked(c.id()));
  }

  @Test
  @DisplayName("A refused export (a bad filter, another community, no register) is the JSON's 4xx and writes nothing: no export, no reveal")
  void refusedExportWritesNothing() {
    issue("he.grid", "liu.staff", "欧阳证己", "zaozhi");
    long before = written();
    assertField(as("zhang.director").get(REGISTER + "?format=xlsx&from=2026-02-30"), "from");
    assertThat(as("zhang.director").get(REGISTER + "?format=xlsx&communityId=taiping").status()).isEqualTo(403);
    assertThat(as("wei.justice").get(REGISTER + "?format=xlsx").status()).isEqualTo(403);
    assertThat(written()).isEqualTo(before);
  }

  @Test
  @DisplayName("The ledgers' filters bound as one object still answer a value that does not convert with 400 naming the field")
  void ledgerFilterNamesTheField() {
    assertField(as("zhang.director").get("/api/leave/ledger?mine=perhaps"), "mine");
    assertField(as("zhang.director").get("/api/expenses/ledger?format=xlsx&mine=perhaps"), "mine");
    Response badPage = as("zhang.director").get("/api/property-loans/ledger?page=x");
    assertThat(badPage.body()).contains("\"field\":\"page\"");
    assertThat(as("liu.staff").get("/api/leave/ledger?mine=true").status()).isEqualTo(200);
  }
}
