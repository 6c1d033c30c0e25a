package cn.shequflow.core.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parameters of the engine APIs (/engine-rest, and the webapps' /camunda/api) that the engine would
 * turn into a server error (an SQL it cannot run, a division by zero, a negative LIMIT) are refused
 * up front with 400 naming the parameter, for everyone, administrators included. One table, {@link
 * #RULES}: where a parameter is read (any path, or a path pattern), which values are refused, and the
 * Chinese reason. Query parameters and the fields of a JSON body (at any depth) are checked alike;
 * the variables of a body by {@link VariableBodies}. One filter reads and parses a body once.
 */
@Configuration
public class EngineRequestChecks {

  /** Bodies larger than this are not inspected (the engine's own limits apply). */
  static final int MAX_INSPECTED = 2 * 1024 * 1024;

  /** A refused parameter value: where, which parameter, which values, why. */
  record Rule(Pattern path, Pattern parameter, Source source, Predicate<JsonNode> refused, String reason) {}

  enum Source { QUERY, BODY, BOTH }

  private static final Pattern ANY = Pattern.compile(".*");

  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,10}");

  /** A whole number from 0 to {@link Integer#MAX_VALUE}. */
  private static boolean wholeNumber(String text) {
    return WHOLE_NUMBER.matcher(text).matches() && Long.parseLong(text) <= Integer.MAX_VALUE;
  }

  static final List<Rule> RULES = List.of(
      // Paging: a negative LIMIT or OFFSET is an SQL error (the guard covers people below admin only).
      new Rule(ANY, Pattern.compile("firstResult|maxResults"), Source.QUERY,
          v -> !wholeNumber(v.asText()), "应为不小于 0 的整数"),
      // An empty list in a query string: the engine writes IN () / NOT IN (), which no database runs.
      new Rule(ANY, Pattern.compile("\\w+In"), Source.QUERY,
          v -> v.asText().replace(",", "").isBlank(), "不能为空列表"),
      // The same in a body (e.g. tenantIdIn of a job query, processDefinitionKeyNotIn).
      new Rule(ANY, Pattern.compile("\\w+In"), Source.BODY,
          v -> v.isArray() && v.isEmpty(), "不能为空列表"),
      // Metrics in intervals of seconds: 0 or a fraction divides by zero in SQL.
      new Rule(Pattern.compile(".*/metrics"), Pattern.compile("interval"), Source.QUERY,
          v -> !wholeNumber(v.asText()) || Long.parseLong(v.asText()) == 0, "应为大于 0 的整数（秒）"),
      // External tasks locked for no time.
      new Rule(ANY, Pattern.compile("lockDuration|newDuration"), Source.BODY,
          v -> v.isNumber() && v.asLong() <= 0, "应大于 0（毫秒）"),
      // A migration instruction without activities.
      new Rule(Pattern.compile(".*/migration/.*"), Pattern.compile("sourceActivityIds|targetActivityIds"), Source.BODY,
          v -> !v.isArray() || v.isEmpty(), "至少要有一个活动"),
      // Job dates compared with an operator: the value is a date text.
      new Rule(ANY, Pattern.compile("dueDates|createTimes"), Source.BODY,
          v -> v.isArray() && hasNonTextValue(v), "每一项应为 {\"operator\": …, \"value\": 日期}"));

  /**
   * Parameters the engine cannot combine (its SQL lacks the "and" between them): at most one of each
   * group, in the query string or at the top of a JSON body on the paths named, and in a query of the
   * same kind nested in any body under its name (e.g. {@code jobQuery} of {@code POST /job/retries}).
   */
  record Exclusive(Pattern path, String nestedAs, List<List<String>> groups) {}

  static final List<Exclusive> EXCLUSIVE = List.of(
      new Exclusive(Pattern.compile(".*/history/user-operation(/count)?"), null,
          List.of(List.of("deploymentId", "processDefinitionId", "processDefinitionKey"))),
      new Exclusive(Pattern.compile(".*/job(/count)?"), "jobQuery",
          List.of(List.of("jobId", "jobIds", "jobDefinitionId", "activityId", "processInstanceIds"),
              List.of("rootProcessInstanceId", "processInstanceIds"),
              List.of("processInstanceId", "processInstanceIds"))),
      new Exclusive(Pattern.compile(".*/history/decision-instance(/count)?"), "historicDecisionInstanceQuery",
          List.of(List.of("decisionInstanceId", "decisionInstanceIdIn"))));

  private static boolean hasNonTextValue(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isObject() || item.has("value") && !item.get("value").isTextual()) {
        return true;
      }
    }
    return false;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRequestChecksRegistration(ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(json));
    registration.setName("shequ-engine-request-checks");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registration;
  }

  static class Filter extends OncePerRequestFilter {

    private final ObjectMapper json;

    Filter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI();
      Map<String, String[]> query = query(request.getQueryString());
      String refused = checkQuery(path, query);
      if (refused == null) {
        refused = exclusive(path, query.keySet());
      }
      HttpServletRequest forward = request;
      if (refused == null && hasJsonBody(request)) {
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED + 1);
        forward = new Replay(request, body);
        if (body.length <= MAX_INSPECTED) {
          refused = checkBody(path, body);
        }
      }
      if (refused != null) {
        int colon = refused.indexOf('\u0000');
        refuse(response, refused.substring(0, colon), refused.substring(colon + 1));
        return;
      }
      chain.doFilter(forward, response);
    }

    /** The query string's parameters (not the servlet's, which would read a form body). */
    private static Map<String, String[]> query(String queryString) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      if (queryString != null) {
        for (String pair : queryString.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String name = decode(eq < 0 ? pair : pair.substring(0, eq));
          String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
          values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
      }
      Map<String, String[]> map = new LinkedHashMap<>();
      values.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
      return map;
    }

    private static String decode(String text) {
      try {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return text;
      }
    }

    private static boolean hasJsonBody(HttpServletRequest request) {
      String type = request.getContentType();
      return ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
          && type != null && type.toLowerCase().startsWith("application/json")
          && request.getContentLengthLong() <= MAX_INSPECTED;
    }

    /** "field\0reason" of the first refused query parameter, or null. */
    private static String checkQuery(String path, Map<String, String[]> parameters) {
      for (Map.Entry<String, String[]> p : parameters.entrySet()) {
        for (Rule rule : RULES) {
          if (rule.source() != Source.BODY && rule.path().matcher(path).matches()
              && rule.parameter().matcher(p.getKey()).matches()) {
            for (String value : p.getValue()) {
              if (rule.refused().test(com.fasterxml.jackson.databind.node.TextNode.valueOf(value))) {
                return p.getKey() + '\u0000' + rule.reason();
              }
            }
          }
        }
      }
      return null;
    }

    private static String exclusive(String path, java.util.Collection<String> names) {
      for (Exclusive e : EXCLUSIVE) {
        if (e.path().matcher(path).matches()) {
          String refused = exclusive(e.groups(), names);
          if (refused != null) {
            return refused;
          }
        }
      }
      return null;
    }

    private static String exclusive(List<List<String>> groups, java.util.Collection<String> names) {
      for (List<String> group : groups) {
        List<String> given = new ArrayList<>(group);
        given.retainAll(names);
        if (given.size() > 1) {
          return given.get(1) + '\u0000' + "不能与 " + given.get(0) + " 同时使用，请只按其中一项查询";
        }
      }
      return null;
    }

    /** A query nested in a body under the name of its kind whose parameters cannot be combined, or null. */
    private static String nestedExclusive(JsonNode node, int depth) {
      if (depth > 20 || !node.isContainerNode()) {
        return null;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        for (Exclusive e : EXCLUSIVE) {
          if (field.getKey().equals(e.nestedAs())) {
            String refused = exclusive(e.groups(), givenFields(field.getValue()));
            if (refused != null) {
              return field.getKey() + "." + refused;
            }
          }
        }
      }
      for (JsonNode child : node) {
        String refused = nestedExclusive(child, depth + 1);
        if (refused != null) {
          return refused;
        }
      }
      return null;
    }

    /** The top-level fields of a JSON body that carry a value (not null, not an empty list). */
    private static List<String> givenFields(JsonNode root) {
      List<String> names = new ArrayList<>();
      if (root.isObject()) {
        root.fields().forEachRemaining(f -> {
          if (!f.getValue().isNull() && !(f.getValue().isArray() && f.getValue().isEmpty())) {
            names.add(f.getKey());
          }
        });
      }
      return names;
    }

    private String checkBody(String path, byte[] body) {
      JsonNode root;
      try {
        root = json.readTree(body);
      } catch (IOException e) {
        return null; // not JSON: the REST layer answers it
      }
      if (root == null) {
        return null;
      }
      String refused = VariableBodies.check(root, path);
      if (refused == null) {
        refused = exclusive(path, givenFields(root));
      }
      if (refused == null) {
        refused = nestedExclusive(root, 0);
      }
      return refused != null ? refused : walk(path, root, 0);
    }

    private static String walk(String path, JsonNode node, int depth) {
      if (depth > 20) {
        return null;
      }
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          for (Rule rule : RULES) {
            if (rule.source() != Source.QUERY && rule.path().matcher(path).matches()
                && rule.parameter().matcher(field.getKey()).matches() && rule.refused().test(field.getValue())) {
              return field.getKey() + '\u0000' + rule.reason();
            }
          }
          String inner = walk(path, field.getValue(), depth + 1);
          if (inner != null) {
            return inner;
          }
        }
      } else if (node.isArray()) {
        for (JsonNode item : node) {
          String inner = walk(path, item, depth + 1);
          if (inner != null) {
            return inner;
          }
        }
      }
      return null;
    }

    private void refuse(HttpServletResponse response, String parameter, String reason) throws IOException {
      String field = cn.shequflow.core.process.Texts.fit(parameter, 65);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidInputException");
      body.put("field", field);
      body.put("message", field + ": " + reason);
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(json.writeValueAsBytes(body));
    }
  }

  /** The request with its body read once and served again. */
  static class Replay extends HttpServletRequestWrapper {

    private final byte[] body;

    Replay(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
