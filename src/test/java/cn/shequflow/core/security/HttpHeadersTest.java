package cn.shequflow.core.security;

import cn.shequflow.support.WebappSession;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Headers on every answer; the embedded default keeps working over plain http on localhost. */
class HttpHeadersTest extends RestTestSupport {


  @Test
  @DisplayName("X-Content-Type-Options: nosniff, once, on REST, /api, webapps, static files and errors")
  void noSniffEverywhere() {
    RestClient liu = RestClient.as(port, "liu.staff");
    RestClient anonymous = RestClient.anonymous(port);
    List<HttpResponse<String>> answers = List.of(
        liu.exchange("GET", "/engine-rest/task"),
        liu.exchange("GET", "/engine-rest/task/nope"),
        anonymous.exchange("GET", "/engine-rest/task"),
        liu.exchange("GET", "/api/notifications"),
        liu.exchange("GET", "/api/nope"),
        anonymous.exchange("GET", "/camunda/app/tasklist/"),
        anonymous.exchange("GET", "/camunda/app/tasklist/locales/zh.json"),
        anonymous.exchange("GET", "/camunda/app/tasklist/scripts/config.js"),
        anonymous.exchange("GET", "/camunda/api/engine/engine/default/task"),
        anonymous.exchange("GET", "/error"),
        anonymous.exchange("GET", "/nope.js"),
        anonymous.exchange("OPTIONS", "/engine-rest/task"));
    for (HttpResponse<String> r : answers) {
      assertThat(r.headers().allValues("X-Content-Type-Options")).as("%s %d", r.uri(), r.statusCode())
          .containsExactly("nosniff");
    }
  }

  @Test
  @DisplayName("Personal data is never stored by a browser or a proxy: Cache-Control no-store and Pragma no-cache on /api, /engine-rest and the webapps' API, answers and errors alike")
  void personalDataIsNotStored() {
    RestClient liu = RestClient.as(port, "liu.staff");
    JsonNode started = liu.post("/engine-rest/process-definition/key/leave-request/start",
        RestClient.variables(leave(1))).json();
    String key = started.get("businessKey").asText();
    String instance = started.get("id").asText();
    String task = RestClient.as(port, "zhang.director").get("/engine-rest/task?processInstanceId=" + instance).json()
        .get(0).get("id").asText();
    RestClient director = RestClient.as(port, "zhang.director");
    WebappSession tasklist = WebappSession.login(port, "zhang.director", "tasklist");
    List<HttpResponse<String>> answers = List.of(
        liu.exchange("GET", "/api/cases/" + key + "/sheet"),
        liu.exchange("GET", "/api/cases/" + key),
        liu.exchange("GET", "/api/cases/" + key + "/timeline"),
        liu.exchange("GET", "/api/cases/mine"),
        liu.exchange("GET", "/api/notifications"),
        director.exchange("GET", "/api/residents"),
        director.exchange("GET", "/api/leave/ledger"),
        liu.exchange("GET", "/api/cases/NO-SUCH-KEY"),
        liu.exchange("GET", "/api/nope"),
        liu.exchange("GET", "/engine-rest/task/nope"),
        director.exchange("GET", "/api/residents?page=-1"),
        RestClient.anonymous(port).exchange("GET", "/api/cases/" + key),
        director.exchange("GET", "/engine-rest/task/" + task + "/form-variables"),
        director.exchange("GET", "/engine-rest/task?processInstanceId=" + instance),
        liu.exchange("GET", "/engine-rest/history/process-instance?processInstanceId=" + instance),
        tasklist.exchange("/api/cases/" + key + "/sheet"),
        tasklist.exchange("/camunda/api/engine/engine/default/task/" + task + "/form-variables"),
        tasklist.exchange("/camunda/api/engine/engine/default/task?processInstanceId=" + instance));
    for (HttpResponse<String> r : answers) {
      assertThat(r.headers().allValues("Cache-Control")).as("%s %d", r.uri(), r.statusCode()).containsExactly("no-store");
      assertThat(r.headers().allValues("Pragma")).as("%s %d", r.uri(), r.statusCode()).containsExactly("no-cache");
    }
    assertThat(answers.get(0).statusCode()).isEqualTo(200);
    // The webapps' own files are not personal data: the browser may keep them.
    HttpResponse<String> script = RestClient.anonymous(port).exchange("GET", "/camunda/app/tasklist/scripts/config.js");
    assertThat(script.headers().allValues("Cache-Control")).as("config.js").doesNotContain("no-store");
  }

  @Test
  @DisplayName("The 审批单 (personal data, HTML) cannot be shown in another site's frame: X-Frame-Options DENY, CSP frame-ancestors 'none'")
  void sheetCannotBeFramed() {
    RestClient liu = RestClient.as(port, "liu.staff");
    String key = liu.post("/engine-rest/process-definition/key/leave-request/start", RestClient.variables(leave(1)))
        .json().get("businessKey").asText();
    WebappSession tasklist = WebappSession.login(port, "liu.staff", "tasklist");
    for (HttpResponse<String> sheet : List.of(liu.exchange("GET", "/api/cases/" + key + "/sheet"),
        tasklist.exchange("/api/cases/" + key + "/sheet"))) {
      assertThat(sheet.statusCode()).isEqualTo(200);
      assertThat(sheet.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(sheet.headers().allValues("X-Frame-Options")).containsExactly("DENY");
      assertThat(sheet.headers().allValues("Content-Security-Policy")).singleElement().asString()
          .contains("frame-ancestors 'none'");
    }
  }

  @Test
  @DisplayName("Webapp session cookie: HttpOnly and SameSite=Lax, not Secure on plain http; login works")
  void sessionCookieOnHttp() {
    WebappSession session = WebappSession.login(port, "liu.staff", "tasklist");
    List<String> cookies = session.loginResponse.headers().allValues("Set-Cookie");
    String jsession = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(jsession).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
        .doesNotContainIgnoringCase("Secure");
    assertThat(session.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);
  }
}
