package cn.shequflow.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20, Excel: a ledger or list route answers {@code ?format=xlsx} or an Excel {@code Accept}
 * with a workbook of the same rows the person sees as JSON (every page, same visibility), Chinese
 * headers, dates and numbers as Excel types; each export is audited; a refused one writes nothing.
 */
class ExportsRestTest extends RestTestSupport {

  @Autowired JdbcTemplate jdbc;

  private long exports() {
    return jdbc.queryForObject("select count(*) from audit_entry where action = 'export'", Long.class);
  }

  private static List<String> column(Sheet sheet, int c) {
    List<String> values = new ArrayList<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      values.add(sheet.getRow(r).getCell(c).getStringCellValue());
    }
    return values;
  }

  private List<String> ledgerKeys(String user, String query) {
    List<String> keys = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode json = as(user).get("/api/leave/ledger?size=100&page=" + page + query).json();
      json.get("items").forEach(i -> keys.add(i.get("request").get("businessKey").asText()));
      if (json.get("items").size() < 100) {
        return keys;
      }
    }
  }

  private Sheet sheet(HttpResponse<byte[]> r) throws Exception {
    assertThat(r.statusCode()).as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".xlsx");
    return new XSSFWorkbook(new ByteArrayInputStream(r.body())).getSheetAt(0);
  }

  @Test
  @DisplayName("LV-6: the leave ledger as .xlsx holds the JSON's rows for the same person and filters, by ?format=xlsx and by Accept; typed cells; audited")
  void leaveLedger() throws Exception {
    String key = start("huang.bookkeeper", leave(1.5)).get("businessKey").asText();
    long before = exports();

    Sheet byParameter = sheet(as("zhang.director").download("/api/leave/ledger?format=xlsx"));
    assertThat(byParameter.getSheetName()).isEqualTo("请假台账");
    assertThat(byParameter.getRow(0).getCell(0).getStringCellValue()).isEqualTo("事项编号");
    assertThat(column(byParameter, 0)).containsExactlyElementsOf(ledgerKeys("zhang.director", "")).contains(key);
    Sheet byAccept = sheet(as("zhang.director").download("/api/leave/ledger", Workbooks.XLSX_VALUE));
    assertThat(column(byAccept, 0)).isEqualTo(column(byParameter, 0));

    Row row = byParameter.getRow(1 + column(byParameter, 0).indexOf(key));
    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("黄丽");
    assertThat(row.getCell(4).getCellType()).as("the start date is an Excel date").isEqualTo(CellType.NUMERIC);
    assertThat(DateUtil.isCellDateFormatted(row.getCell(4))).isTrue();
    assertThat(row.getCell(4).getLocalDateTimeCellValue().toLocalDate())
        .isEqualTo(LocalDate.parse(as("zhang.director").get("/api/leave/ledger?size=100").json().findValues("request")
            .stream().filter(r -> r.get("businessKey").asText().equals(key)).findFirst().orElseThrow()
            .get("startDate").asText()));
    assertThat(row.getCell(6).getNumericCellValue()).as("days as a number").isEqualTo(1.5);

    // The person's own view: a member of staff exports only what his JSON lists.
    Sheet own = sheet(as("liu.staff").download("/api/leave/ledger?format=xlsx"));
    assertThat(column(own, 0)).containsExactlyElementsOf(ledgerKeys("liu.staff", "")).doesNotContain(key);
    assertThat(exports()).as("each export is audited").isEqualTo(before + 3);
  }

  @Test
  @DisplayName("A refused export (a bad filter, a community one may not see) is the JSON's 4xx naming the field and audits no export")
  void refusedExportWritesNothing() {
    long before = exports();
    Response bad = as("zhang.director").get("/api/leave/ledger?format=xlsx&status=open");
    assertField(bad, "status");
    assertThat(as("gao.director").get("/api/leave/ledger?format=xlsx&communityId=zaozhi").status()).isEqualTo(403);
    assertField(as("zhang.director").get("/api/expenses/ledger?format=xlsx&month=2026-13"), "month");
    assertThat(exports()).isEqualTo(before);
  }

  @Test
  @DisplayName("我的申请 and 已办 export the person's own lists; the expense and loan ledgers export with their headers")
  void ownListsAndOtherLedgers() throws Exception {
    JsonNode pi = start("liu.staff", leave(1));
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", pi.get("id").asText());
    assertThat(as("zhang.director").post("/engine-rest/task/" + task + "/complete",
        cn.shequflow.support.RestClient.variables(java.util.Map.of("approved", true, "comment", "同意"))).status())
        .isEqualTo(204);

    Sheet mine = sheet(as("liu.staff").download("/api/cases/mine?format=xlsx"));
    assertThat(mine.getSheetName()).isEqualTo("我的申请");
    assertThat(column(mine, 0)).contains(key);
    Sheet done = sheet(as("zhang.director").download("/api/tasks/done?format=xlsx"));
    assertThat(column(done, 0)).contains(key);
    int row = column(done, 0).indexOf(key) + 1;
    assertThat(done.getRow(row).getCell(5).getStringCellValue()).isEqualTo("同意");
    assertThat(sheet(as("zhang.director").download("/api/cases/mine?format=xlsx")).getLastRowNum())
        .as("the director's own requests, as his JSON counts them").isEqualTo(as("zhang.director").get("/api/cases/mine")
            .json().get("total").asInt());

    Sheet expenses = sheet(as("zhang.director").download("/api/expenses/ledger?format=xlsx"));
    assertThat(expenses.getSheetName()).isEqualTo("开支台账");
    assertThat(expenses.getRow(0).getCell(5).getStringCellValue()).isEqualTo("金额（元）");
    Sheet loans = sheet(as("zhang.director").download("/api/property-loans/ledger?format=xlsx"));
    assertThat(loans.getRow(0).getCell(0).getStringCellValue()).isEqualTo("事项编号");
    assertThat(as("he.grid").post(cn.shequflow.incident.IncidentRestTest.START,
        cn.shequflow.support.RestClient.variables(cn.shequflow.incident.IncidentRestTest.report())).status()).isEqualTo(200);
    Sheet incidents = sheet(as("zhang.director").download("/api/incidents?format=xlsx"));
    assertThat(incidents.getSheetName()).isEqualTo("事件登记簿");
    JsonNode incidentList = as("zhang.director").get("/api/incidents").json();
    assertThat(incidents.getLastRowNum()).as("the rows his JSON counts").isEqualTo(incidentList.get("total").asInt());
    assertThat(incidents.getRow(0).getCell(3).getStringCellValue()).isEqualTo("类别");
    assertThat(incidents.getRow(1).getCell(3).getStringCellValue()).as("the Chinese name, not the code")
        .isEqualTo(incidentList.at("/items/0/categoryLabel").asText()).matches("\\p{IsHan}+");
  }
}
