package cn.shequflow.core.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the 台账 page's select filters offer what the API publishes ({@code GET /api/ledgers/choices}),
 * taken from where the product keeps each code: the families' statuses, the incident start form's
 * categories, the lights; every code offered is one the ledger's route accepts.
 */
class LedgerChoicesRestTest extends RestTestSupport {

  private static List<String> codes(JsonNode choices) {
    List<String> codes = new ArrayList<>();
    choices.forEach(c -> codes.add(c.get("code").asText()));
    return codes;
  }

  private static String label(JsonNode choices, String code) {
    for (JsonNode c : choices) {
      if (c.get("code").asText().equals(code)) {
        return c.get("label").asText();
      }
    }
    return null;
  }

  @Test
  @DisplayName("Issue 20: each ledger's filter choices come from the product, in order, with Chinese names; each is accepted by its route")
  void choicesOfEveryLedger() {
    Response r = as("zhang.director").get("/api/ledgers/choices");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode all = r.json();
    assertThat(all.fieldNames()).toIterable().containsExactly("expenses", "incidents", "leave", "loans", "residents");

    assertThat(codes(all.get("leave").get("status")))
        .containsExactly("pending", "approved", "rejected", "withdrawn", "returned", "late", "voided");
    assertThat(label(all.get("leave").get("status"), "returned")).isEqualTo("已按时销假");
    assertThat(label(all.get("expenses").get("status"), "booked")).isEqualTo("已报账");
    assertThat(label(all.get("loans").get("status"), "returned-late")).isEqualTo("逾期归还");
    assertThat(codes(all.get("residents").get("residentType"))).containsExactly("registered", "migrant");
    assertThat(label(all.get("residents").get("status"), "moved-out")).isEqualTo("已迁出");
    assertThat(codes(all.get("incidents").get("light"))).containsExactly("GREEN", "YELLOW", "RED");
    assertThat(label(all.get("incidents").get("light"), "YELLOW")).isEqualTo("黄灯督办");
    assertThat(codes(all.get("incidents").get("category"))).startsWith("safety-hazard").contains("other");
    assertThat(label(all.get("incidents").get("category"), "safety-hazard")).isEqualTo("安全隐患");

    // Every code offered is accepted by the route it filters.
    String[][] routes = {{"leave", "/api/leave/ledger"}, {"expenses", "/api/expenses/ledger"},
        {"loans", "/api/property-loans/ledger"}, {"residents", "/api/residents"}, {"incidents", "/api/incidents"}};
    for (String[] route : routes) {
      all.get(route[0]).fields().forEachRemaining(filter -> {
        for (String code : codes(filter.getValue())) {
          Response page = as("zhang.director").get(route[1] + "?" + filter.getKey() + "=" + code + "&size=1");
          assertThat(page.status()).as("%s?%s=%s: %s", route[1], filter.getKey(), code, page.body()).isEqualTo(200);
        }
      });
    }

    // The incident register names each row's light as the filter does.
    for (JsonNode item : as("zhang.director").get("/api/incidents?size=5").json().get("items")) {
      String light = item.get("incident").path("slaStatus").asText("GREEN");
      assertThat(item.get("lightLabel").asText()).isEqualTo(label(all.get("incidents").get("light"),
          light.isEmpty() || light.equals("null") ? "GREEN" : light));
    }

    assertThat(RestClient.anonymous(port).get("/api/ledgers/choices").status()).isEqualTo(401);
  }
}
