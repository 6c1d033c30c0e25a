package cn.shequflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client that talks to the running app as a demo user (HTTP Basic, password demo unless given). */
public class RestClient {

  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String user;
  private final String password;

  private RestClient(String base, String user, String password) {
    this.base = base;
    this.user = user;
    this.password = password;
  }

  public static RestClient as(int port, String user) {
    return new RestClient("http://localhost:" + port, user, "demo");
  }

  public static RestClient as(int port, String user, String password) {
    return new RestClient("http://localhost:" + port, user, password);
  }

  public static RestClient anonymous(int port) {
    return new RestClient("http://localhost:" + port, null, null);
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response post(String path, Object body) {
    return post(path, body, "application/json");
  }

  public Response put(String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  /** POST of a raw JSON text (for bodies no Java map can express). */
  public Response postJson(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** Any request, answered with its headers (for header and cookie checks). */
  public HttpResponse<String> exchange(String method, String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return exchange(request);
  }

  /** A POST of JSON answered with its headers (for a status's headers, e.g. Retry-After). */
  public HttpResponse<String> exchangeJson(String path, Object body) {
    try {
      return exchange(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> exchange(HttpRequest.Builder request) {
    authorize(request);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One part of a multipart form: a text field, or a file when {@code fileName} is set. */
  public record Part(String name, String fileName, String contentType, byte[] content) {

    public static Part text(String name, String value) {
      return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    public static Part file(String name, String fileName, String contentType, byte[] content) {
      return new Part(name, fileName, contentType, content);
    }
  }

  /** POST of a {@code multipart/form-data} body (an upload). */
  public Response postMultipart(String path, Part... parts) {
    String boundary = "----shequ" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    try {
      for (Part part : parts) {
        StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
            .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
        if (part.fileName() != null) {
          head.append("; filename=\"").append(part.fileName()).append('"');
        }
        head.append("\r\n");
        if (part.contentType() != null) {
          head.append("Content-Type: ").append(part.contentType()).append("\r\n");
        }
        head.append("\r\n");
        body.write(head.toString().getBytes(StandardCharsets.UTF_8));
        body.write(part.content());
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** GET of a binary answer (a download), with its headers. */
  public HttpResponse<byte[]> download(String path) {
    return download(path, null);
  }

  /** GET of a binary answer asking for {@code accept} (null: any). */
  public HttpResponse<byte[]> download(String path, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    authorize(request);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POST asking for HAL, as Tasklist does for filter lists (tasks with embedded variables). */
  public Response postHal(String path, Object body) {
    return post(path, body, "application/hal+json");
  }

  private Response post(String path, Object body, String accept) {
    try {
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .header("Accept", accept)
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Camunda's variable format: {@code {"name": {"value": v}}}. */
  public static Map<String, Object> variables(Map<String, ?> values) {
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return Map.of("variables", vars);
  }

  private void authorize(HttpRequest.Builder request) {
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
  }

  private Response send(HttpRequest.Builder request) {
    authorize(request);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
