package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** /error and the errors Spring Boot renders: the right 4xx and {"type","message"} in Chinese. */
class ErrorResponsesTest extends RestTestSupport {


  static JsonNode json(HttpResponse<String> r) {
    try {
      return new ObjectMapper().readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
    }
  }

  private void assertError(HttpResponse<String> r, int status, String type, String message) {
    assertThat(r.statusCode()).as("%s %s", r.request().method(), r.uri()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/json");
    JsonNode body = json(r);
    List<String> keys = new ArrayList<>();
    body.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).as(r.body()).containsExactly("type", "message");
    assertThat(body.get("type").asText()).isEqualTo(type);
    assertThat(body.get("message").asText()).isEqualTo(message);
    assertThat(r.body()).doesNotContain("Exception", "trace", "at org.", "timestamp", "Whitelabel");
  }

  @Test
  @DisplayName("GET or POST /error directly: 404, not 500 with status 999")
  void errorDirectly() {
    RestClient anonymous = RestClient.anonymous(port);
    assertError(anonymous.exchange("GET", "/error"), 404, "NOT_FOUND", "页面或资源不存在。");
    assertError(anonymous.exchange("POST", "/error"), 404, "NOT_FOUND", "页面或资源不存在。");
    assertError(anonymous.exchange("GET", "/error", "Accept", "text/html"), 404, "NOT_FOUND", "页面或资源不存在。");
    assertError(RestClient.as(port, "liu.staff").exchange("DELETE", "/error"), 404, "NOT_FOUND", "页面或资源不存在。");
  }

  @Test
  @DisplayName("Unmapped paths, wrong methods, the webapps' 401: their own status, a small Chinese body")
  void renderedErrors() {
    RestClient anonymous = RestClient.anonymous(port);
    RestClient liu = RestClient.as(port, "liu.staff");
    assertError(anonymous.exchange("GET", "/nope"), 404, "NOT_FOUND", "页面或资源不存在。");
    assertError(anonymous.exchange("GET", "/camunda/nope", "Accept", "text/html"), 404, "NOT_FOUND", "页面或资源不存在。");
    assertError(anonymous.exchange("GET", "/camunda/app/tasklist/nope.js"), 404, "NOT_FOUND", "页面或资源不存在。");
    assertError(liu.exchange("GET", "/api/nope"), 404, "NOT_FOUND", "页面或资源不存在。");
    assertError(liu.exchange("POST", "/api/notifications"), 405, "METHOD_NOT_ALLOWED", "不支持该请求方法。");
    assertError(anonymous.exchange("GET", "/camunda/api/engine/engine/default/task"), 401, "UNAUTHORIZED", "请先登录。");
  }
}
