package cn.shequflow.support;

import cn.shequflow.support.RestClient.Response;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Talks to the app as Tasklist does: a webapp session (login form), the CSRF token the webapps
 * hand out, and Tasklist's own engine API under {@code /camunda/api/engine/engine/default}.
 */
public class TasklistSession {

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final String base;
  private String csrf;

  private TasklistSession(String base) {
    this.base = base;
  }

  public static TasklistSession login(int port, String user) {
    TasklistSession s = new TasklistSession("http://localhost:" + port);
    s.send(HttpRequest.newBuilder(URI.create(s.base + "/camunda/app/tasklist/")).GET());
    Response login = s.send(HttpRequest.newBuilder(URI.create(s.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")));
    if (login.status() != 200) {
      throw new IllegalStateException("Tasklist login of " + user + " failed: " + login.status() + " " + login.body());
    }
    // The login starts a new session, with a CSRF token of its own: fetch it as Tasklist does.
    s.send(HttpRequest.newBuilder(URI.create(s.base + "/camunda/api/admin/auth/user/default")).GET());
    return s;
  }

  /** A request to Tasklist's engine API, e.g. {@code /task/{id}/submit-form}. */
  public Response postEngine(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response getEngine(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path)).GET());
  }

  private Response send(HttpRequest.Builder request) {
    if (csrf != null) {
      request.header("X-XSRF-TOKEN", csrf);
    }
    request.header("Accept", "application/json");
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      response.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> csrf = t);
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
