package cn.shequflow.residence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * resident-move and {@code GET /api/residents} end to end over HTTP as the demo users: he.grid files
 * a move-in, liu.staff verifies it, the register shows it to zaozhi (masked for staff, whole for the
 * director and the street), never to taiping.
 */
class ResidentRestTest extends RestTestSupport {

  private static final String START = "/engine-rest/process-definition/key/resident-move/start";

  private Map<String, Object> moveIn(String idNumber) {
    Map<String, Object> v = ResidentMoveProcessTest.rental(ResidentMoveProcessTest.moveIn(idNumber, "migrant",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
    v.put("name", "周小红");
    return v;
  }

  private List<JsonNode> tasks(String user, String instanceId) {
    List<JsonNode> list = new ArrayList<>();
    as(user).get("/engine-rest/task?processInstanceId=" + instanceId).json().forEach(list::add);
    return list;
  }

  private JsonNode residents(String user, String query, int expectedStatus) {
    Response r = as(user).get("/api/residents" + query);
    assertThat(r.status()).as(user + " " + query + ": " + r.body()).isEqualTo(expectedStatus);
    return r.json();
  }

  @Test
  @DisplayName("RM-1, RM-4: he.grid files a rental move-in, liu.staff verifies; masked for staff, whole for the director and the street; taiping's ma.staff cannot read zaozhi")
  void endToEnd() {
    String id = ResidentIds.next();
    Response started = as("he.grid").post(START, RestClient.variables(moveIn(id)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().get("id").asText();
    assertThat(tasks("ma.staff", instanceId)).isEmpty();
    List<JsonNode> verify = tasks("liu.staff", instanceId);
    assertThat(verify).hasSize(1);
    Response done = as("liu.staff").post("/engine-rest/task/" + verify.get(0).get("id").asText() + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "核实无误")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);

    String masked = id.substring(0, 6) + "********" + id.substring(14);
    JsonNode staff = residents("liu.staff", "?name=周小红", 200);
    assertThat(staff.get("total").asLong()).isEqualTo(1);
    JsonNode row = staff.get("items").get(0);
    assertThat(row.get("resident").get("idNumber").asText()).isEqualTo(masked);
    assertThat(row.get("resident").get("status").asText()).isEqualTo("registered");
    assertThat(row.get("resident").get("landlordName").asText()).isEqualTo("赵房东");
    assertThat(row.get("residentTypeLabel").asText()).isEqualTo("流动人口");
    assertThat(residents("he.grid", "?idNumber=" + id, 200).get("items").get(0).get("resident").get("idNumber").asText())
        .isEqualTo(masked);
    for (String whole : List.of("zhang.director", "wang.principal", "feng.dept", "qian.social")) {
      assertThat(residents(whole, "?idNumber=" + id, 200).get("items").get(0).get("resident").get("idNumber").asText())
          .as(whole).isEqualTo(id);
    }
    assertThat(residents("zhou.liaison", "?idNumber=" + id, 200).get("total").asLong()).isEqualTo(1);

    assertThat(residents("ma.staff", "?communityId=zaozhi", 403).get("type").asText()).isEqualTo("FORBIDDEN");
    assertThat(residents("ma.staff", "?idNumber=" + id, 200).get("total").asLong()).isZero();
    assertThat(residents("gao.director", "?name=周小红", 200).get("total").asLong()).isZero();
    assertThat(residents("sun.liaison", "?name=周小红", 200).get("total").asLong()).isZero();
    residents("wei.justice", "", 403);
    assertThat(as("he.grid").get("/api/notifications").json().toString()).contains("已核实并记入居民登记簿");
    assertThat(as("zhang.director").get("/api/notifications").json().toString()).contains("社区民警");
  }

  @Test
  @DisplayName("RM-1: a duplicate move-in and bad input are 400 naming the field, over REST; bad search parameters too")
  void badInput() {
    String id = ResidentIds.next();
    Response wrong = as("he.grid").post(START, RestClient.variables(moveIn(ResidentIds.wrongCheckDigit(id))));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("field").asText()).isEqualTo("idNumber");
    Response shortId = as("he.grid").post(START, RestClient.variables(moveIn(id.substring(0, 17))));
    assertThat(shortId.status()).isEqualTo(400);
    assertThat(shortId.json().get("field").asText()).isEqualTo("idNumber");
    Response unknown = as("he.grid").post(START, RestClient.variables(ResidentMoveProcessTest.moveOut(id,
        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("field").asText()).isEqualTo("idNumber");
    assertThat(residents("liu.staff", "?residentType=tourist", 400).get("field").asText()).isEqualTo("residentType");
    assertThat(residents("liu.staff", "?status=gone", 400).get("field").asText()).isEqualTo("status");
    assertThat(residents("liu.staff", "?page=0", 400).get("field").asText()).isEqualTo("page");
    assertThat(residents("liu.staff", "?size=101", 400).get("field").asText()).isEqualTo("size");
    assertThat(as("nobody").get("/api/residents").status()).isEqualTo(401);
  }
}
