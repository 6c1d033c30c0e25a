package cn.shequflow.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests for one OpenAPI operation, from its parameters and body schema, with odd values mixed in:
 * empty, negative, null, huge, wrong type, empty variable types, unknown fields. Deterministic for a
 * given {@link Random}.
 */
final class RequestGenerator {

  /** One operation of an OpenAPI document. */
  record Operation(String method, String base, String path, JsonNode spec) {
    String name() {
      return method.toUpperCase() + " " + base + path;
    }
  }

  /** A generated request: method, path with query, body (JSON text or multipart), content type. */
  record Request(String method, String uri, String body, String contentType) {
    @Override
    public String toString() {
      return method + " " + uri + (body == null ? "" : " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String BOUNDARY = "----shequfuzz";

  /** Odd strings for any parameter: empty, null, negative, huge, wrong type, separators, a date that is none. */
  private static final List<String> ODD = List.of("", "null", "-5", "-1", "0", "0.5", "99999999999999999999", "abc",
      "true", ",,", "a,,b", "%", "[]", "{}", " ", "x".repeat(300), "2026-02-30T25:00:00", "NaN");

  private final JsonNode document;
  private final Map<String, List<String>> ids;
  private final Random random;

  /**
   * @param ids values for path parameters and id-like strings, by parameter name or path segment
   *     ({@code task}, {@code process-instance}, …; {@code *} for any)
   */
  RequestGenerator(JsonNode document, Map<String, List<String>> ids, Random random) {
    this.document = document;
    this.ids = ids;
    this.random = random;
  }

  static List<Operation> operations(JsonNode document, String base) {
    List<Operation> list = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : List.of("get", "post", "put", "delete", "patch")) {
        if (path.getValue().has(method)) {
          list.add(new Operation(method, base, path.getKey(), path.getValue().get(method)));
        }
      }
    }
    return list;
  }

  Request generate(Operation op) {
    String path = op.path();
    StringBuilder query = new StringBuilder();
    List<JsonNode> parameters = new ArrayList<>();
    op.spec().path("parameters").forEach(p -> parameters.add(resolve(p)));
    for (JsonNode p : parameters) {
      String name = p.path("name").asText();
      String in = p.path("in").asText();
      if ("path".equals(in)) {
        path = path.replace("{" + name + "}", encode(pathValue(op.path(), name)));
      } else if ("query".equals(in) && (p.path("required").asBoolean() || random.nextInt(3) == 0)) {
        query.append(query.length() == 0 ? '?' : '&').append(encode(name)).append('=')
            .append(encode(queryValue(name, resolve(p.path("schema")))));
      }
    }
    if (random.nextInt(6) == 0) {
      query.append(query.length() == 0 ? '?' : '&').append(random.nextBoolean() ? "maxResults=" : "firstResult=")
          .append(encode(ODD.get(random.nextInt(8))));
    }
    String uri = op.base() + path + query;
    JsonNode content = op.spec().path("requestBody").path("content");
    if (content.has("application/json") && !"get".equals(op.method())) {
      JsonNode schema = content.path("application/json").path("schema");
      String body = random.nextInt(12) == 0 ? oddBody() : value(schema, 0, "").toString();
      return new Request(op.method(), uri, body, "application/json");
    }
    if (content.has("multipart/form-data")) {
      return new Request(op.method(), uri, multipart(content.path("multipart/form-data").path("schema")),
          "multipart/form-data; boundary=" + BOUNDARY);
    }
    return new Request(op.method(), uri, null, null);
  }

  /** Odd values of a query parameter by its schema type, for the sweep. */
  private static final Map<String, List<String>> ODD_BY_TYPE = Map.of(
      "integer", List.of("-5", "0.5", "null", "0"),
      "number", List.of("0.5", "-5", "null", "0"),
      "boolean", List.of("null", "abc", "", "1"),
      "array", List.of("", ",", "null", "a,,b"),
      "string", List.of("", "null", "x".repeat(300), "%"));

  /**
   * The sweep: requests that each set one query parameter alone to an odd value of its type (the
   * {@code round}-th, shifted by the parameter's place), with the path parameters as usual.
   */
  List<Request> sweep(Operation op, int round) {
    List<Request> requests = new ArrayList<>();
    List<JsonNode> parameters = new ArrayList<>();
    op.spec().path("parameters").forEach(p -> parameters.add(resolve(p)));
    String path = op.path();
    for (JsonNode p : parameters) {
      if ("path".equals(p.path("in").asText())) {
        path = path.replace("{" + p.path("name").asText() + "}", encode(pathValue(op.path(), p.path("name").asText())));
      }
    }
    JsonNode content = op.spec().path("requestBody").path("content");
    boolean json = content.has("application/json") && !"get".equals(op.method());
    int i = 0;
    for (JsonNode p : parameters) {
      if (!"query".equals(p.path("in").asText())) {
        continue;
      }
      List<String> odd = ODD_BY_TYPE.getOrDefault(resolve(p.path("schema")).path("type").asText(), ODD_BY_TYPE.get("string"));
      String value = odd.get((round + i++) % odd.size());
      requests.add(new Request(op.method(), op.base() + path + "?" + encode(p.path("name").asText()) + "=" + encode(value),
          json ? "{}" : null, json ? "application/json" : null));
    }
    return requests;
  }

  /** Whole bodies that are not what the operation reads. */
  private String oddBody() {
    return List.of("", "null", "[]", "\"abc\"", "5", "{bad", "{\"fuzzUnknown\":1}", "[{}]", "{}").get(random.nextInt(9));
  }

  private String pathValue(String path, String name) {
    if (random.nextInt(5) == 0) {
      return List.of("null", "-1", "x", "0", " ", "..", "%").get(random.nextInt(7));
    }
    String[] segments = path.split("/");
    String resource = segments.length > 1 ? segments[1] : "";
    if ("history".equals(resource) && segments.length > 2) {
      resource = segments[2];
    }
    List<String> byName = ids.get(name);
    if (byName == null && "id".equals(name)) {
      byName = ids.get(resource);
    }
    if (byName == null || byName.isEmpty()) {
      byName = ids.get("*");
    }
    return byName.get(random.nextInt(byName.size()));
  }

  private String queryValue(String name, JsonNode schema) {
    if (random.nextInt(2) == 0) {
      return ODD.get(random.nextInt(ODD.size()));
    }
    String type = schema.path("type").asText();
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size())).asText();
    }
    return switch (type) {
      case "integer" -> List.of("1", "5", "100", "-1", "2147483648").get(random.nextInt(5));
      case "number" -> List.of("1", "0.5", "-1").get(random.nextInt(3));
      case "boolean" -> random.nextBoolean() ? "true" : "false";
      case "array" -> List.of("a,b", "", ",", idLike(name)).get(random.nextInt(4));
      default -> random.nextBoolean() ? idLike(name) : List.of("2026-01-05T10:00:00.000+0800", "leave-request",
          "days_eq_1", "a_like_b", "x").get(random.nextInt(5));
    };
  }

  private String idLike(String name) {
    List<String> values = ids.getOrDefault(name, ids.get("*"));
    return values.get(random.nextInt(values.size()));
  }

  /** A JSON value for a schema: mostly its type, sometimes something else. */
  JsonNode value(JsonNode schema, int depth, String name) {
    schema = resolve(schema);
    if ("asyncResponseTimeout".equals(name)) {
      return List.<JsonNode>of(NODES.numberNode(0), NODES.numberNode(-1), NODES.textNode("abc"), NODES.nullNode())
          .get(random.nextInt(4));
    }
    if ("username".equals(name) || "password".equals(name)) {
      return NODES.textNode("fuzz.nobody"); // never wrong passwords for the demo users: they would delay their logins
    }
    if (random.nextInt(7) == 0 || depth > 5) {
      return odd();
    }
    if (schema.has("allOf")) {
      ObjectNode merged = NODES.objectNode();
      for (JsonNode part : schema.get("allOf")) {
        JsonNode v = value(part, depth + 1, name);
        if (v.isObject()) {
          merged.setAll((ObjectNode) v);
        }
      }
      return merged;
    }
    if (schema.has("oneOf") || schema.has("anyOf")) {
      JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
      return value(options.get(random.nextInt(options.size())), depth + 1, name);
    }
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return random.nextInt(5) == 0 ? NODES.textNode("fuzz") : values.get(random.nextInt(values.size()));
    }
    String type = schema.path("type").asText(schema.has("properties") || schema.has("additionalProperties") ? "object" : "");
    switch (type) {
      case "object": {
        ObjectNode object = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> {
          if (random.nextInt(5) < 3) {
            object.set(p.getKey(), value(p.getValue(), depth + 1, p.getKey()));
          }
        });
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject() && additional.size() > 0) {
          String key = List.of("days", "reason", "approved", "a", "").get(random.nextInt(5));
          object.set(key, value(additional, depth + 1, key));
        }
        if (random.nextInt(5) == 0) {
          object.put("fuzzUnknown", 1);
        }
        if ("type".equals(name) || schema.path("properties").has("valueInfo") && random.nextInt(3) == 0) {
          object.put("type", List.of("", "String", "Integer", "Object", "Json", "Foo", "Date").get(random.nextInt(7)));
        }
        return object;
      }
      case "array": {
        ArrayNode array = NODES.arrayNode();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          array.add(value(schema.path("items"), depth + 1, name));
        }
        return array;
      }
      case "integer":
        return NODES.numberNode(List.of(0L, 1L, 5L, -1L, 3_000_000_000L).get(random.nextInt(5)));
      case "number":
        return NODES.numberNode(List.of(0.5, 1.0, -1.0, 1e20).get(random.nextInt(4)));
      case "boolean":
        return NODES.booleanNode(random.nextBoolean());
      case "string":
        if ("type".equals(name)) {
          return NODES.textNode(List.of("", "String", "Integer", "Object", "Json", "Foo", "Date", "Boolean").get(random.nextInt(8)));
        }
        if ("date-time".equals(schema.path("format").asText())) {
          return NODES.textNode(random.nextBoolean() ? "2026-01-05T10:00:00.000+0800" : "notadate");
        }
        return NODES.textNode(random.nextBoolean() ? idLike(name) : ODD.get(random.nextInt(ODD.size())));
      default:
        return odd();
    }
  }

  /** Any JSON value of any type. */
  private JsonNode odd() {
    return switch (random.nextInt(9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.textNode("");
      case 2 -> NODES.numberNode(-5);
      case 3 -> NODES.textNode("abc");
      case 4 -> NODES.objectNode();
      case 5 -> NODES.arrayNode();
      case 6 -> NODES.numberNode(1e20);
      case 7 -> NODES.booleanNode(true);
      default -> NODES.objectNode().put("value", 1).put("type", "");
    };
  }

  private String multipart(JsonNode schema) {
    schema = resolve(schema);
    StringBuilder body = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      if (random.nextInt(4) == 0) {
        continue;
      }
      boolean file = "binary".equals(resolve(p.getValue()).path("format").asText()) || "data".equals(p.getKey());
      body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(p.getKey()).append('"');
      if (file) {
        body.append("; filename=\"fuzz.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .append(random.nextBoolean() ? "<definitions/>" : "not a model");
      } else {
        JsonNode v = value(p.getValue(), 1, p.getKey());
        body.append("\r\n\r\n").append(v.isTextual() ? v.asText() : v.toString());
      }
      body.append("\r\n");
    }
    return body.append("--").append(BOUNDARY).append("--\r\n").toString();
  }

  private JsonNode resolve(JsonNode node) {
    int guard = 0;
    while (node != null && node.has("$ref") && guard++ < 10) {
      JsonNode target = document;
      for (String part : node.get("$ref").asText().substring(2).split("/")) {
        target = target.path(part);
      }
      node = target;
    }
    return node == null ? NODES.objectNode() : node;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Map<String, List<String>> idPool() {
    return new LinkedHashMap<>();
  }

  static ObjectMapper json() {
    return new ObjectMapper();
  }
}
