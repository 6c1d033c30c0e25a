package cn.shequflow.support;

import cn.shequflow.support.RestClient.Response;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session in the Camunda webapps: logs in as Tasklist or Cockpit does (session cookie
 * and CSRF token), then calls the webapps' own APIs under /camunda/api.
 */
public class WebappSession {

  private final CookieManager cookies;
  private final HttpClient http;
  private final String base;
  public HttpResponse<String> loginResponse;

  private WebappSession(int port) {
    this(port, new CookieManager());
  }

  private WebappSession(int port, CookieManager cookies) {
    this.base = "http://localhost:" + port;
    this.cookies = cookies;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** The same browser (its cookies) talking to another node of the application on {@code port}. */
  public WebappSession at(int port) {
    return new WebappSession(port, cookies);
  }

  /** Logs {@code user} (password demo) in to {@code app} ("tasklist", "cockpit"). */
  public static WebappSession login(int port, String user, String app, String... headers) {
    WebappSession session = new WebappSession(port);
    session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
    HttpRequest.Builder login = HttpRequest.newBuilder(
            URI.create(session.base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", session.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (headers.length > 0) {
      login.headers(headers);
    }
    session.loginResponse = session.send(login);
    if (session.loginResponse.statusCode() != 200) {
      throw new AssertionError("login of " + user + " to " + app + ": " + session.loginResponse.statusCode());
    }
    // The login starts a new session with a CSRF token of its own: fetch it as the webapps do.
    session.get("/camunda/api/admin/auth/user/default");
    return session;
  }

  public Response get(String path) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    return new Response(r.statusCode(), r.body());
  }

  public Response post(String path, String json) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    return new Response(r.statusCode(), r.body());
  }

  /** POST with the given CSRF header value ({@code null}: no header at all). */
  public Response postWithToken(String path, String json, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    HttpResponse<String> r = send(request);
    return new Response(r.statusCode(), r.body());
  }

  /** GET with extra headers (e.g. an Authorization header beside the session). */
  public Response get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<String> r = send(request);
    return new Response(r.statusCode(), r.body());
  }

  /** GET in the session, answered with its headers (for header checks). */
  public HttpResponse<String> exchange(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Logs out of the webapps (the session loses its login). */
  public void logout() {
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/logout"))
        .header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Response put(String path, String json) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("X-XSRF-TOKEN", csrfToken())
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    return new Response(r.statusCode(), r.body());
  }

  public String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst().orElse("");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
