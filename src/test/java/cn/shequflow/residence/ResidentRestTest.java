package cn.shequflow.residence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * resident-move and {@code GET /api/residents} end to end over HTTP as the demo users: he.grid files
 * a move-in, liu.staff verifies it, the register shows it to zaozhi (identity numbers by the one policy,
 * see {@link PersonalDataRestTest}), never to taiping.
 */
class ResidentRestTest extends RestTestSupport {

  private static final String START = "/engine-rest/process-definition/key/resident-move/start";

  private Map<String, Object> moveIn(String idNumber) {
    Map<String, Object> v = ResidentMoveProcessTest.rental(ResidentMoveProcessTest.moveIn(idNumber, "migrant",
        cn.shequflow.core.process.Clock.today().toString()));
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
  @DisplayName("RM-1, RM-4: he.grid files a rental move-in, liu.staff verifies; masked for staff and the street leaders, whole for the director, the social affairs office and the street department; taiping's ma.staff cannot read zaozhi")
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

    String masked = PersonalDataRestTest.masked(id);
    JsonNode staff = residents("liu.staff", "?name=周小红", 200);
    assertThat(staff.get("total").asLong()).isEqualTo(1);
    JsonNode row = staff.get("items").get(0);
    assertThat(row.get("resident").get("idNumber").asText()).isEqualTo(masked);
    assertThat(row.get("resident").get("status").asText()).isEqualTo("registered");
    assertThat(row.get("resident").get("landlordName").asText()).isEqualTo("赵房东");
    assertThat(row.get("residentTypeLabel").asText()).isEqualTo("流动人口");
    assertThat(residents("he.grid", "?idNumber=" + id, 200).get("items").get(0).get("resident").get("idNumber").asText())
        .isEqualTo(masked);
    assertThat(residents("wang.principal", "?idNumber=" + id, 200).get("items").get(0).get("resident").get("idNumber")
        .asText()).as("street leaders supervise; they read the mask").isEqualTo(masked);
    for (String whole : List.of("zhang.director", "feng.dept", "qian.social")) {
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
        cn.shequflow.core.process.Clock.today().toString())));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("field").asText()).isEqualTo("idNumber");
    assertThat(residents("liu.staff", "?residentType=tourist", 400).get("field").asText()).isEqualTo("residentType");
    assertThat(residents("liu.staff", "?status=gone", 400).get("field").asText()).isEqualTo("status");
    assertThat(residents("liu.staff", "?page=0", 400).get("field").asText()).isEqualTo("page");
    assertThat(residents("liu.staff", "?size=101", 400).get("field").asText()).isEqualTo("size");
    assertThat(as("nobody").get("/api/residents").status()).isEqualTo(401);
    assertThat(residents("zhang.director", "?name=%25", 200).get("total").asLong()).as("% matches itself, not everyone").isZero();
    assertThat(residents("zhang.director", "?name=_", 200).get("total").asLong()).isZero();
  }

  private void verify(String instanceId) {
    List<JsonNode> verify = tasks("liu.staff", instanceId);
    assertThat(verify).hasSize(1);
    Response done = as("liu.staff").post("/engine-rest/task/" + verify.get(0).get("id").asText() + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "核实无误")));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  @Test
  @DisplayName("RM-5: an address certificate only for a registered resident, by the community's staff, with the documents; numbered, with a stub")
  void addressCertificate() {
    String id = ResidentIds.next();
    Map<String, Object> in = moveIn(id);
    in.put("name", "吴小芳");
    Response started = as("he.grid").post(START, RestClient.variables(in));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    verify(started.json().get("id").asText());
    long residentId = residents("zhang.director", "?idNumber=" + id, 200).get("items").get(0).get("resident").get("id").asLong();
    String path = "/api/residents/" + residentId + "/certificates";

    Response missing = as("liu.staff").post(path, Map.of("purpose", "子女入学", "documents", List.of("id-card")));
    assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    assertThat(missing.json().get("field").asText()).isEqualTo("documents");
    assertThat(missing.json().get("message").asText()).contains("缺少").contains("居住证或房屋租赁合同");
    Response noPurpose = as("liu.staff").post(path, Map.of("documents", List.of("id-card", "rental-contract")));
    assertThat(noPurpose.json().get("field").asText()).isEqualTo("purpose");
    for (String outsider : List.of("he.grid", "ma.staff", "gao.director")) {
      assertThat(as(outsider).post(path, Map.of("purpose", "子女入学", "documents", List.of("id-card", "rental-contract")))
          .status()).as(outsider).isEqualTo(404);
    }

    Response issued = as("liu.staff").post(path, Map.of("purpose", "子女入学", "documents", List.of("id-card", "rental-contract")));
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    assertThat(issued.json().get("certificateNo").asText()).matches("ZM-\\d{4}-\\d{6}");
    assertThat(issued.json().get("issuedByName").asText()).isEqualTo("刘洋");
    JsonNode stubs = as("zhang.director").get(path).json();
    assertThat(stubs).hasSize(1);
    assertThat(stubs.get(0).get("certificateNo").asText()).isEqualTo(issued.json().get("certificateNo").asText());

    Map<String, Object> leaving = ResidentMoveProcessTest.moveOut(id, cn.shequflow.core.process.Clock.today().toString());
    leaving.put("name", "吴小芳");
    Response out = as("he.grid").post(START, RestClient.variables(leaving));
    assertThat(out.status()).as(out.body()).isEqualTo(200);
    verify(out.json().get("id").asText());
    Response gone = as("liu.staff").post(path, Map.of("purpose", "子女入学", "documents", List.of("id-card", "rental-contract")));
    assertThat(gone.status()).as(gone.body()).isEqualTo(409);
    assertThat(gone.json().get("message").asText()).contains("已迁出");
  }

  @Test
  @DisplayName("RM-1: two move-ins of the same person verified at the same moment by two staff: one registers, the other is refused (400 idNumber), never two rows (real concurrency; MariaDB in CI)")
  void racingMoveIns() throws Exception {
    String id = ResidentIds.next();
    List<String> instances = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Map<String, Object> in = moveIn(id);
      in.put("name", "郑小雨");
      Response started = as("he.grid").post(START, RestClient.variables(in));
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      instances.add(started.json().get("id").asText());
    }
    List<String> verifiers = List.of("liu.staff", "chen.staff");
    List<String> taskIds = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      List<JsonNode> t = tasks(verifiers.get(i), instances.get(i));
      assertThat(t).hasSize(1);
      taskIds.add(t.get(0).get("id").asText());
    }
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.CompletableFuture<Response>> racing = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String user = verifiers.get(i);
      String task = taskIds.get(i);
      racing.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return as(user).post("/engine-rest/task/" + task + "/complete",
            RestClient.variables(Map.of("approved", true, "comment", "核实无误")));
      }));
    }
    go.countDown();
    List<Integer> statuses = new java.util.ArrayList<>();
    for (var f : racing) {
      Response r = f.get();
      statuses.add(r.status());
      if (r.status() != 204) {
        assertThat(r.status()).as(r.body()).isIn(400, 409);
        assertThat(r.body()).contains("idNumber").doesNotContainIgnoringCase("sql");
      }
    }
    assertThat(statuses).as("exactly one wins").containsOnlyOnce(204);
    JsonNode rows = residents("zhang.director", "?idNumber=" + id + "&status=registered", 200);
    assertThat(rows.get("total").asLong()).isEqualTo(1);
  }
}
