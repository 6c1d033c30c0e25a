package cn.shequflow.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
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

  /** One request of a run, with the operation it calls and the user who sends it. */
  record Planned(Operation op, String user, Request request) {}

  /**
   * Every request of a run, in order: per round, per operation, per user ({@code liu.staff}, then
   * {@code admin} unless the operation is in {@code destructive}). The first round sends the
   * administrator's full sweeps ({@link #fullSweep}, {@link #pairSweep}, {@link #bodySweep}); every
   * round the rotating {@link #sweep} and one random request. Each operation draws from its own
   * random numbers (the seed, its name, the round, the user), so a run's requests for an operation
   * are the same whatever else the documents hold.
   *
   * <p>The CI run ({@code whole} false) leaves out requests that take the same way through the server
   * as others it sends: the text parameters' odd values beyond the empty one and {@code null} in the
   * administrator's full sweep (see {@link #fullSweep}), and the rotating sweep of {@code …/count}
   * operations, which read the same query as their list (same parameters, same converters, same
   * where clause) and whose list is swept. The release run ({@code whole} true) sends everything.
   *
   * @param ours our document ({@code /v3/api-docs}), or null to plan Camunda's operations only
   */
  static List<Planned> plan(JsonNode camunda, JsonNode ours, Map<String, List<String>> ids, long seed, int rounds,
      boolean whole, java.util.Set<String> destructive) {
    List<Operation> operations = new ArrayList<>(operations(camunda, "/engine-rest"));
    if (ours != null) {
      operations.addAll(operations(ours, ""));
    }
    List<Planned> planned = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (Operation op : operations) {
        for (String user : List.of("liu.staff", "admin")) {
          boolean admin = "admin".equals(user);
          if (admin && destructive.contains(op.name())) {
            continue;
          }
          Random random = new Random(seed * 31 + (op.name() + "|" + round + "|" + user).hashCode());
          RequestGenerator generator = new RequestGenerator(op.base().isEmpty() ? ours : camunda, ids, random);
          List<Request> requests = new ArrayList<>();
          boolean count = op.path().endsWith("/count"); // a count reads the same query as its list
          if (admin && round == 0) {
            requests.add(generator.ordinaryRequest(op));
            if (!count) {
              requests.addAll(generator.fullSweep(op, whole));
              requests.addAll(generator.pairSweep(op));
              requests.addAll(generator.bodySweep(op));
            }
            requests.addAll(generator.multipartSweep(op));
          } else if (whole ? !admin || count : !count) {
            // The administrator's list queries had every odd value in the first round's full sweep;
            // in CI the counts are left to their lists.
            requests.addAll(generator.sweep(op, round));
          }
          requests.add(generator.generate(op));
          requests.forEach(r -> planned.add(new Planned(op, user, r)));
        }
      }
    }
    return planned;
  }

  /**
   * The ids a run puts into paths and id-like parameters: of a running leave request (its task,
   * instance, definition, deployment, business key) and of demo users and groups, with a few that
   * exist nowhere.
   */
  static Map<String, List<String>> ids(String task, String instance, String definition, String deployment, String businessKey) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    ids.put("task", List.of(task));
    ids.put("taskId", List.of(task));
    ids.put("process-instance", List.of(instance));
    ids.put("processInstanceId", List.of(instance));
    ids.put("execution", List.of(instance));
    ids.put("process-definition", List.of(definition));
    ids.put("processDefinitionId", List.of(definition));
    ids.put("deployment", List.of(deployment));
    ids.put("deploymentId", List.of(deployment));
    ids.put("key", List.of("leave-request", "leave-approvers"));
    ids.put("businessKey", List.of(businessKey));
    ids.put("user", List.of("liu.staff", "fuzz.user"));
    ids.put("userId", List.of("liu.staff", "fuzz.user"));
    ids.put("group", List.of("zaozhi-staff", "fuzz-group"));
    ids.put("groupId", List.of("zaozhi-staff", "fuzz-group"));
    ids.put("varName", List.of("days", "reason"));
    ids.put("tenant-id", List.of("t"));
    ids.put("*", List.of(instance, task, definition, "leave-request", "liu.staff", "x"));
    return ids;
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
    String path = pathWithIds(op);
    int i = 0;
    for (JsonNode p : queryParameters(op)) {
      List<String> odd = oddValues(p);
      requests.add(queryRequest(op, path, encode(p.path("name").asText()) + "=" + encode(odd.get((round + i++) % odd.size()))));
    }
    return requests;
  }

  /**
   * The full sweep: every query parameter alone with every odd value of its type (where {@link
   * #sweep} takes one per round), with the path parameters as usual. Unless {@code whole}, a text
   * parameter gets the empty value and {@code null} only: the REST API hands a text parameter on
   * as it is or parses it (dates, variable filters, sort keys), and a text that is not empty takes
   * the same way whatever it is ({@code %} and 300 characters are sent by the rotating sweep and the
   * release run).
   */
  List<Request> fullSweep(Operation op, boolean whole) {
    List<Request> requests = new ArrayList<>();
    String path = pathWithIds(op);
    for (JsonNode p : queryParameters(op)) {
      List<String> values = oddValues(p);
      if (!whole && values == ODD_BY_TYPE.get("string")) {
        values = values.subList(0, 2);
      }
      for (String value : values) {
        requests.add(queryRequest(op, path, encode(p.path("name").asText()) + "=" + encode(value)));
      }
    }
    return requests;
  }

  private List<String> oddValues(JsonNode parameter) {
    return ODD_BY_TYPE.getOrDefault(resolve(parameter.path("schema")).path("type").asText(), ODD_BY_TYPE.get("string"));
  }

  /** A request of an operation with a query string (and an empty JSON body where it takes one). */
  private static Request queryRequest(Operation op, String path, String query) {
    boolean json = hasJsonBody(op);
    return new Request(op.method(), op.base() + path + "?" + query, json ? "{}" : null, json ? "application/json" : null);
  }

  /**
   * The pair sweep: every two id-like query parameters of an operation ({@code …Id}, {@code …Key},
   * {@code …Ids}, {@code …In}, {@code …User}, {@code …Group}) together with ordinary values, and
   * every two of its yes/no parameters set to true: combinations the engine may not accept.
   */
  List<Request> pairSweep(Operation op) {
    List<Request> requests = new ArrayList<>();
    String path = pathWithIds(op);
    List<String> names = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    for (JsonNode p : queryParameters(op)) {
      String name = p.path("name").asText();
      if (ID_LIKE.matcher(name).matches()) {
        names.add(encode(name) + "=" + encode(firstId(name)));
      } else if ("boolean".equals(resolve(p.path("schema")).path("type").asText())) {
        flags.add(encode(name) + "=true");
      }
    }
    for (List<String> group : List.of(names, flags)) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          requests.add(queryRequest(op, path, group.get(i) + "&" + group.get(j)));
        }
      }
    }
    return requests;
  }

  private static final java.util.regex.Pattern ID_LIKE = java.util.regex.Pattern.compile("\\w+(Id|Key|Ids|In|User|Group)");

  /** Odd JSON values put in one place of an ordinary body, by the schema type found there. */
  private static final Map<String, List<JsonNode>> ODD_JSON = Map.of(
      "integer", List.of(NODES.numberNode(0)),
      "number", List.of(NODES.numberNode(0)),
      "string", List.of(NODES.objectNode()),
      "type", List.of(NODES.textNode(""), NODES.objectNode()),
      "boolean", List.of(NODES.textNode("abc")),
      "array", List.of(NODES.arrayNode()),
      "object", List.of(NODES.arrayNode()));

  /**
   * The body sweep: an ordinary body (every field with a value of its type, lists of one), then
   * every field of it down to {@link #BODY_SWEEP_DEPTH} levels, one at a time, set to the odd values
   * of its type ({@link #ODD_JSON}: zero, an empty list, an object for a text, an empty type): an empty list of activities, an object where a date belongs, a
   * lock for no time; and bodies of one ordinary field alone.
   */
  List<Request> bodySweep(Operation op) {
    List<Request> requests = new ArrayList<>();
    if (!hasJsonBody(op)) {
      return requests;
    }
    String uri = op.base() + pathWithIds(op);
    JsonNode schema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
    JsonNode ordinary = ordinary(schema, 0, "");
    List<List<Object>> places = new ArrayList<>();
    List<String> types = new ArrayList<>();
    places(schema, ordinary, new ArrayList<>(), 0, places, types);
    for (int i = 0; i < places.size(); i++) {
      for (JsonNode odd : ODD_JSON.getOrDefault(types.get(i), List.of())) {
        requests.add(new Request(op.method(), uri, with(ordinary, places.get(i), odd).toString(), "application/json"));
      }
    }
    if (ordinary.isObject() && ordinary.size() > 1) {
      ordinary.fields().forEachRemaining(f ->
          requests.add(new Request(op.method(), uri, NODES.objectNode().set(f.getKey(), f.getValue()).toString(), "application/json")));
    }
    return requests;
  }

  static final int BODY_SWEEP_DEPTH = 3;

  /** Where the fields of an ordinary body are (keys and list indexes), with their schema types. */
  private void places(JsonNode schema, JsonNode value, List<Object> at, int depth, List<List<Object>> places, List<String> types) {
    schema = flatten(schema);
    if (depth > BODY_SWEEP_DEPTH || value == null) {
      return;
    }
    if (!at.isEmpty()) {
      places.add(List.copyOf(at));
      types.add("type".equals(at.get(at.size() - 1)) ? "type" : typeOf(schema));
    }
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        List<Object> inner = new ArrayList<>(at);
        inner.add(p.getKey());
        places(p.getValue(), value.get(p.getKey()), inner, depth + 1, places, types);
      }
      JsonNode additional = resolve(schema.path("additionalProperties"));
      if (additional.isObject() && additional.size() > 0 && value.has("reason")) {
        places(additional, value.get("reason"), append(at, "reason"), depth + 1, places, types);
      }
    } else if (value.isArray() && value.size() > 0) {
      List<Object> inner = new ArrayList<>(at);
      inner.add(0);
      places(schema.path("items"), value.get(0), inner, depth + 1, places, types);
    }
  }

  private static List<Object> append(List<Object> at, Object step) {
    List<Object> inner = new ArrayList<>(at);
    inner.add(step);
    return inner;
  }

  /** A copy of a body with one place set to a value. */
  private static JsonNode with(JsonNode body, List<Object> place, JsonNode value) {
    JsonNode copy = body.deepCopy();
    JsonNode parent = copy;
    for (int i = 0; i < place.size() - 1; i++) {
      Object step = place.get(i);
      parent = step instanceof Integer n ? parent.get(n) : parent.get((String) step);
    }
    Object last = place.get(place.size() - 1);
    if (last instanceof Integer n) {
      ((ArrayNode) parent).set(n, value);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
    return copy;
  }

  /** An ordinary value of a schema: every field set, lists of one, ids and dates that could be real. */
  JsonNode ordinary(JsonNode schema, int depth, String name) {
    schema = flatten(schema);
    if (depth > BODY_SWEEP_DEPTH + 1) {
      return NODES.nullNode();
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    switch (typeOf(schema)) {
      case "object": {
        ObjectNode object = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), ordinary(p.getValue(), depth + 1, p.getKey())));
        JsonNode additional = resolve(schema.path("additionalProperties"));
        if (additional.isObject() && additional.size() > 0) {
          object.set("reason", ordinary(additional, depth + 1, "reason"));
        }
        if (object.has("value") && schema.path("properties").has("valueInfo")) {
          object.put("type", "String");
        }
        return object;
      }
      case "array":
        return NODES.arrayNode().add(ordinary(schema.path("items"), depth + 1, name));
      case "integer":
        return NODES.numberNode(1);
      case "number":
        return NODES.numberNode(1.0);
      case "boolean":
        return NODES.booleanNode(false);
      case "string":
        if ("date-time".equals(schema.path("format").asText())) {
          return NODES.textNode("2026-01-05T10:00:00.000+0800");
        }
        return NODES.textNode("type".equals(name) ? "String" : firstId(name));
      default:
        return NODES.nullNode();
    }
  }

  /** A schema with its reference followed and its allOf parts merged into one object schema. */
  private JsonNode flatten(JsonNode schema) {
    schema = resolve(schema);
    if (!schema.has("allOf")) {
      return schema;
    }
    ObjectNode merged = NODES.objectNode();
    ObjectNode properties = merged.putObject("properties");
    merged.put("type", "object");
    for (JsonNode part : schema.get("allOf")) {
      JsonNode flat = flatten(part);
      if (flat.has("properties")) {
        properties.setAll((ObjectNode) flat.get("properties"));
      }
    }
    return merged;
  }

  private static String typeOf(JsonNode schema) {
    return schema.path("type").asText(schema.has("properties") || schema.has("additionalProperties") ? "object" : "");
  }

  private String firstId(String name) {
    List<String> values = ids.getOrDefault(name, ids.get("*"));
    return values.get(0);
  }

  private List<JsonNode> queryParameters(Operation op) {
    List<JsonNode> list = new ArrayList<>();
    op.spec().path("parameters").forEach(p -> {
      JsonNode r = resolve(p);
      if ("query".equals(r.path("in").asText())) {
        list.add(r);
      }
    });
    return list;
  }

  /** The operation's path with ordinary ids in its path parameters. */
  private String pathWithIds(Operation op) {
    String path = op.path();
    for (JsonNode p : op.spec().path("parameters")) {
      JsonNode r = resolve(p);
      if ("path".equals(r.path("in").asText())) {
        String name = r.path("name").asText();
        path = path.replace("{" + name + "}", encode(pathIds(op.path(), name).get(0)));
      }
    }
    return path;
  }

  private static boolean hasJsonBody(Operation op) {
    return op.spec().path("requestBody").path("content").has("application/json") && !"get".equals(op.method());
  }

  /** The operation called as documented: ids that exist in its path, an ordinary body, no query. */
  Request ordinaryRequest(Operation op) {
    String uri = op.base() + pathWithIds(op);
    if (hasJsonBody(op)) {
      return new Request(op.method(), uri,
          ordinary(op.spec().path("requestBody").path("content").path("application/json").path("schema"), 0, "").toString(),
          "application/json");
    }
    return new Request(op.method(), uri, null, null);
  }

  /** Multipart forms: each text field alone with a value that is not of its kind, beside a file. */
  List<Request> multipartSweep(Operation op) {
    List<Request> requests = new ArrayList<>();
    JsonNode form = resolve(op.spec().path("requestBody").path("content").path("multipart/form-data").path("schema"));
    String uri = op.base() + pathWithIds(op);
    for (Iterator<Map.Entry<String, JsonNode>> it = form.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      if ("binary".equals(resolve(p.getValue()).path("format").asText()) || "data".equals(p.getKey())) {
        continue;
      }
      String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + p.getKey() + "\"\r\n\r\nabc\r\n"
          + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"fuzz.bpmn\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n<definitions/>\r\n--" + BOUNDARY + "--\r\n";
      requests.add(new Request(op.method(), uri, body, "multipart/form-data; boundary=" + BOUNDARY));
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
    List<String> values = pathIds(path, name);
    return values.get(random.nextInt(values.size()));
  }

  /** The ids for a path parameter: by its name, else by the resource the path names, else any. */
  private List<String> pathIds(String path, String name) {
    String[] segments = path.split("/");
    String resource = segments.length > 1 ? segments[1] : "";
    if ("history".equals(resource) && segments.length > 2) {
      resource = segments[2];
    }
    List<String> byName = ids.get(name);
    if (byName == null && "id".equals(name)) {
      byName = ids.get(resource);
    }
    return byName == null || byName.isEmpty() ? ids.get("*") : byName;
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

}
