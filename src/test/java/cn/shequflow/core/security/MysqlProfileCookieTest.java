package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production (mysql) profile's HTTP settings, on the test database: behind a TLS proxy the
 * forwarded scheme is trusted and the webapps' cookies are Secure, HttpOnly and SameSite=Lax.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:shequ-mysql-profile;DB_CLOSE_DELAY=-1",
    "spring.datasource.username=sa",
    "spring.datasource.password=",
    "camunda.bpm.database.type=h2",
    "shequ.demo.enabled=true",
    "shequ.admin.id=admin",
    "shequ.admin.password=demo"})
@ActiveProfiles({"test", "mysql"})
class MysqlProfileCookieTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void serveThisContextsEngine() {
    ProcessEngines.registerProcessEngine(engine);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.header("X-Forwarded-Proto", "https").build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String cookie(HttpResponse<String> r, String name) {
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie: " + r.headers().map()));
  }

  private static String value(String setCookie) {
    return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
  }

  @Test
  @DisplayName("Logging in to Tasklist through the TLS proxy: session and CSRF cookies are Secure and SameSite=Lax")
  void secureCookies() throws Exception {
    String base = "http://localhost:" + port;
    HttpResponse<String> entry = send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).GET());
    String csrf = cookie(entry, "XSRF-TOKEN");
    assertThat(csrf).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");
    String session = cookie(entry, "JSESSIONID");

    HttpResponse<String> login = send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "JSESSIONID=" + value(session) + "; XSRF-TOKEN=" + value(csrf))
        .header("X-XSRF-TOKEN", value(csrf))
        .POST(HttpRequest.BodyPublishers.ofString("username=liu.staff&password=demo")));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String jsession = cookie(login, "JSESSIONID");
    assertThat(jsession).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
  }

  @Test
  @DisplayName("The proxy's X-Forwarded-Proto is trusted: links the REST API builds say https")
  void forwardedScheme() {
    HttpResponse<String> r = RestClient.as(port, "liu.staff")
        .exchange("OPTIONS", "/engine-rest/user/liu.staff", "X-Forwarded-Proto", "https");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"href\":\"https://localhost").doesNotContain("http://");
  }
}
