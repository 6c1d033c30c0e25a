package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CaseMapper;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.Notifications;
import cn.shequflow.support.ChainTestFamily;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.WebappSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15: a client numbered a case {@code EX-2025-…} or {@code EX-2099-…}. The year in a business
 * key is the filing year (the product's clock, China Standard Time), so a client's own key is
 * accepted only as the product would number the case today: the family's prefix, this year, six
 * digits. Anything else is 400 naming {@code businessKey}, and nothing is created, on every
 * family's start routes (REST start and submit-form, Tasklist's submit-form).
 */
class BusinessKeyAttackTest extends AttackSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired CaseFamilies families;
  @Autowired CaseMapper register;
  @Autowired Notifications notifications;

  /** A family a person starts: who starts it, and a start its form accepts. */
  record Start(String processKey, String user, Map<String, Object> variables) {}

  private static List<Start> starts() {
    LocalDate today = Clock.today();
    Map<String, Object> expense = new LinkedHashMap<>();
    expense.put("amount", 120);
    expense.put("category", "office");
    expense.put("purpose", "购买打印纸");
    expense.put("handler", "陈静");
    expense.put("witness", "刘洋");
    Map<String, Object> loan = new LinkedHashMap<>();
    loan.put("item", "折叠桌 10 张");
    loan.put("borrower", "造纸小学");
    loan.put("purpose", "学校运动会使用");
    loan.put("loanFrom", today.toString());
    loan.put("loanUntil", today.plusDays(2).toString());
    Map<String, Object> travel = new LinkedHashMap<>();
    travel.put("personName", "王某");
    travel.put("idNumber", "360403198503121234");
    travel.put("destination", "湖南省长沙市岳麓区");
    travel.put("startDate", today.plusDays(7).toString());
    travel.put("endDate", today.plusDays(8).toString());
    travel.put("days", 2);
    travel.put("reason", "探望住院的母亲");
    Map<String, Object> residence = new LinkedHashMap<>();
    residence.put("personName", "李某");
    residence.put("idNumber", "360402199001014568");
    residence.put("currentAddress", "浔阳区湓城街道造纸社区滨江路 12 号");
    residence.put("newAddress", "湖口县双钟镇石钟山大道 66 号");
    residence.put("newCountySame", false);
    residence.put("applicationDate", today.toString());
    residence.put("plannedMoveDate", today.plusMonths(2).toString());
    Map<String, Object> move = new LinkedHashMap<>();
    move.put("moveType", "move-in");
    move.put("residentType", "migrant");
    move.put("name", "王小明");
    move.put("idNumber", "360403198503121234");
    move.put("phone", "13907920001");
    move.put("occupation", "个体经营");
    move.put("address", "浔阳区湓城街道造纸社区滨江路 18 号");
    move.put("building", "3 栋");
    move.put("movedOn", today.toString());
    move.put("landlordName", "赵房东");
    move.put("landlordPhone", "0792-8221234");
    Map<String, Object> incident = new LinkedHashMap<>();
    incident.put("category", "safety-hazard");
    incident.put("severity", "coordination");
    incident.put("title", "路灯损坏");
    incident.put("description", "社区主干道两盏路灯不亮");
    incident.put("location", "造纸社区主干道");
    return List.of(
        new Start("leave-request", "liu.staff", leave()),
        new Start("expense-approval", "liu.staff", expense),
        new Start("property-loan", "liu.staff", loan),
        new Start("correction-travel", "wei.justice", travel),
        new Start("correction-residence-change", "wei.justice", residence),
        new Start("resident-move", "he.grid", move),
        new Start("incident-report", "he.grid", incident));
  }

  /** Keys a client may not choose for a family with {@code prefix}, filed this year. */
  private static List<String> refusedKeys(String prefix, String otherPrefix) {
    int year = Clock.today().getYear();
    return List.of(
        prefix + "-" + (year - 1) + "-000001",
        prefix + "-" + (year + 1) + "-000001",
        prefix + "-2099-000001",
        prefix + "-1999-000001",
        otherPrefix + "-" + year + "-000001",
        prefix + "-" + year + "-000000",
        prefix + "-" + year + "-1",
        prefix.toLowerCase() + "-" + year + "-000001");
  }

  private String body(Map<String, Object> variables, String businessKey) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>(RestClient.variables(variables));
    body.put("businessKey", businessKey);
    return JSON.writeValueAsString(body);
  }

  private int instancesWith(String businessKey) {
    return as("admin").get("/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + businessKey)
        .json().get("count").asInt();
  }

  @Test
  @DisplayName("Every family a person starts: a client's key of another year, another family or another shape is 400 naming businessKey on every start route; nothing is created")
  void clientKeysOfAnotherYearAreRefused() throws Exception {
    List<Start> starts = starts();
    assertThat(starts.stream().map(Start::processKey).collect(Collectors.toSet()))
        .as("every family with starters is tried")
        .isEqualTo(families.all().stream().filter(f -> !f.starters().isEmpty()).map(CaseFamily::processKey)
            .filter(k -> !k.equals(ChainTestFamily.PROCESS_KEY)) // the tests' own family
            .collect(Collectors.toSet()));
    for (Start start : starts) {
      CaseFamily family = families.byProcessKey(start.processKey()).orElseThrow();
      String other = family.prefix().equals("EX") ? "LV" : "EX";
      String definitionId = as("admin").get("/engine-rest/process-definition/key/" + start.processKey()).json()
          .get("id").asText();
      WebappSession tasklist = WebappSession.login(port, start.user(), "tasklist");
      for (String key : refusedKeys(family.prefix(), other)) {
        String json = body(start.variables(), key);
        // A key may name an existing case (another family's, another test's): nothing is added to it.
        int rows = register.count(key);
        int instances = instancesWith(key);
        int notices = notifications.forBusinessKey(key).size();
        List<Response> answers = List.of(
            as(start.user()).postJson("/engine-rest/process-definition/key/" + start.processKey() + "/start", json),
            as(start.user()).postJson("/engine-rest/process-definition/key/" + start.processKey() + "/submit-form", json),
            tasklist.post("/camunda/api/engine/engine/default/process-definition/" + definitionId + "/submit-form", json));
        for (Response r : answers) {
          assertThat(r.status()).as(start.processKey() + " " + key + ": " + r.body()).isEqualTo(400);
          assertThat(r.json().path("field").asText()).as(key).isEqualTo("businessKey");
          assertThat(r.json().path("message").asText()).as(key)
              .contains(family.prefix() + "-" + Clock.today().getYear() + "-");
        }
        assertThat(register.count(key)).as("register rows " + key).isEqualTo(rows);
        assertThat(instancesWith(key)).as("instances " + key).isEqualTo(instances);
        assertThat(notifications.forBusinessKey(key)).as("notices " + key).hasSize(notices);
      }
    }
  }

  @Test
  @DisplayName("A client's own key of the filing year, in the family's format and unused, is still accepted")
  void clientKeyOfTheFilingYearIsAccepted() throws Exception {
    String key = String.format("LV-%d-%06d", Clock.today().getYear(), 900001);
    Response r = as("liu.staff").postJson("/engine-rest/process-definition/key/leave-request/start", body(leave(), key));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("businessKey").asText()).isEqualTo(key);
    assertThat(register.count(key)).isEqualTo(1);
  }
}
