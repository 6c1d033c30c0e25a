package cn.shequflow.core.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The product API's OpenAPI document: who may read it, and that it describes every /api route. */
class ApiDocumentationTest extends RestTestSupport {

  private static final Pattern CONTRACT_ROUTE = Pattern.compile("(GET|POST|PUT|DELETE|PATCH) `?(/api/[^` |\"]+)");

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings; // not Actuator's

  private JsonNode document() {
    Response r = as("liu.staff").get("/v3/api-docs");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static Set<String> operations(JsonNode doc) {
    Set<String> ops = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(method -> ops.add(method.toUpperCase() + " " + p.getKey())));
    return ops;
  }

  @Test
  @DisplayName("The document needs a login; Swagger UI is for administrators only")
  void access() {
    assertThat(RestClient.anonymous(port).get("/v3/api-docs").status()).isEqualTo(401);
    assertThat(as("liu.staff").get("/v3/api-docs").status()).isEqualTo(200);
    Response staffUi = as("liu.staff").get("/swagger-ui/index.html");
    assertThat(staffUi.status()).isEqualTo(403);
    assertThat(staffUi.body()).contains("管理员");
    assertThat(RestClient.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(401);
    Response adminUi = as("admin").get("/swagger-ui/index.html");
    assertThat(adminUi.status()).isEqualTo(200);
    assertThat(adminUi.body()).containsIgnoringCase("swagger");
  }

  @Test
  @DisplayName("Every /api route of the app is in the document, with a Chinese summary and the shared error answers")
  void everyRouteDocumented() {
    JsonNode doc = document();
    Set<String> documented = operations(doc);
    Set<String> routes = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPathPatternsCondition().getPatternValues()
        .stream().filter(p -> p.startsWith("/api/"))
        .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + p))));
    assertThat(routes).isNotEmpty();
    assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
    doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
      JsonNode operation = op.getValue();
      assertThat(operation.path("summary").asText()).as(op.getKey() + " " + p.getKey()).matches(".*[\\u4e00-\\u9fff].*");
      for (String status : new String[] {"400", "401", "403", "404", "409"}) {
        assertThat(operation.get("responses").has(status)).as(op.getKey() + " " + p.getKey() + " " + status).isTrue();
      }
    }));
    assertThat(doc.get("components").get("schemas").has("AddSigner")).isTrue();
  }

  @Test
  @DisplayName("CONTRACTS.md's /api routes and the document agree")
  void contractsAgree() throws IOException {
    Path contracts = Path.of("..", "shared", "domain", "CONTRACTS.md");
    assertThat(contracts).as("../shared beside the checkout").exists();
    Set<String> promised = new TreeSet<>();
    Matcher m = CONTRACT_ROUTE.matcher(Files.readString(contracts));
    while (m.find()) {
      promised.add(m.group(1) + " " + m.group(2));
    }
    assertThat(promised).isNotEmpty();
    assertThat(operations(document())).containsAll(promised);
  }

  /** Where the product API's contract is published in the repository. */
  static final Path PUBLISHED = Path.of("docs", "api", "openapi.json");
  static final Path PUBLISHED_LIST = Path.of("docs", "api", "README.md");

  @Test
  @DisplayName("The contract published in docs/api is the document the app serves (rewrite: -Dshequ.api.publish=true)")
  void publishedContractIsCurrent() throws IOException {
    JsonNode doc = document().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc).remove("servers");
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
    String list = routeList(doc);
    if (Boolean.getBoolean("shequ.api.publish")) {
      Files.createDirectories(PUBLISHED.getParent());
      Files.writeString(PUBLISHED, json);
      Files.writeString(PUBLISHED_LIST, list);
    }
    assertThat(PUBLISHED).as("published contract; write it with mvn test -Dtest=ApiDocumentationTest -Dshequ.api.publish=true").exists();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(PUBLISHED.toFile()))
        .as("docs/api/openapi.json is out of date: mvn test -Dtest=ApiDocumentationTest -Dshequ.api.publish=true")
        .isEqualTo(doc);
    assertThat(Files.readString(PUBLISHED_LIST)).as("docs/api/README.md is out of date").isEqualTo(list);
  }

  /** The routes of the document as a Markdown table, by path: method, path, Chinese summary. */
  static String routeList(JsonNode doc) {
    StringBuilder md = new StringBuilder("""
        # 产品接口 /api（The product API）

        The contract of the product API, as the app serves it at `/v3/api-docs` (OpenAPI 3, any
        logged-in user; Swagger UI at `/swagger-ui.html` for administrators). The full document is
        [openapi.json](openapi.json) beside this page; both are written from the running app by
        `mvn test -Dtest=ApiDocumentationTest -Dshequ.api.publish=true`, and `mvn verify` fails when
        they differ from what the app serves. Every route answers bad input with 400 naming the field
        (`{"type", "field", "message"}`), 401 without a login, 403 when the user may not, 404 for a case
        the user may not see, 409 for a change that lost a race. The engine's own API `/engine-rest` is
        Camunda's, documented by Camunda (Maven artifact `camunda-engine-rest-openapi`).

        | Method | Path | 说明 |
        |---|---|---|
        """);
    operations(doc).stream().sorted(java.util.Comparator.comparing((String op) -> op.substring(op.indexOf(' ') + 1))
        .thenComparing(op -> op)).forEach(op -> {
      String method = op.substring(0, op.indexOf(' '));
      String path = op.substring(op.indexOf(' ') + 1);
      String summary = doc.get("paths").get(path).get(method.toLowerCase()).path("summary").asText().replace("|", "\\|");
      md.append("| ").append(method).append(" | `").append(path).append("` | ").append(summary).append(" |\n");
    });
    return md.toString();
  }
}
