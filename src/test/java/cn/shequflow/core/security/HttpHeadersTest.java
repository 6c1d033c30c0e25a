package cn.shequflow.core.security;

import cn.shequflow.support.WebappSession;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
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
