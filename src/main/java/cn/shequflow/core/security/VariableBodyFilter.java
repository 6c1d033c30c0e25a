package cn.shequflow.core.security;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Variables in a request body to the engine APIs (/engine-rest and Tasklist's /camunda/api/engine)
 * must each be an object such as {@code {"value": 1}}. Camunda's REST layer fails with a server error
 * on a bare {@code null} and with a Java class name on a bare value; this filter answers both, before
 * anything runs, with 400 naming the variable.
 */
@Configuration
public class VariableBodyFilter {

  /** Bodies larger than this are not inspected (the engine's own limits apply). */
  static final int MAX_INSPECTED = 2 * 1024 * 1024;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> variableBodyFilterRegistration(ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(json));
    registration.setName("shequ-variable-body");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }

  /** Marks a variable whose type is an empty text (the rest of the answer's message differs). */
  private static final String EMPTY_TYPE = "\u0000type";

  static class Filter extends OncePerRequestFilter {

    private final ObjectMapper json;

    Filter(ObjectMapper json) {
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String type = request.getContentType();
      boolean inspect = ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
          && type != null && type.toLowerCase().startsWith("application/json")
          && request.getContentLengthLong() <= MAX_INSPECTED;
      if (!inspect) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED + 1);
      if (body.length <= MAX_INSPECTED) {
        String bad = badVariable(body, request.getRequestURI());
        if (bad != null) {
          refuse(response, bad);
          return;
        }
      }
      chain.doFilter(new Replay(request, body), response);
    }

    /** The name of the first variable that is not an object, or null. */
    private String badVariable(byte[] body, String path) {
      JsonNode root;
      try {
        root = json.readTree(body);
      } catch (JsonProcessingException e) {
        return null; // not JSON the filter understands: the REST layer answers it
      } catch (IOException e) {
        return null;
      }
      if (root == null || !root.isObject()) {
        return null;
      }
      boolean oneVariable = path.matches(".*/(?:variables|localVariables)/[^/]+");
      String emptyType = emptyType(root, oneVariable ? lastSegment(path) : null, oneVariable ? 0 : 1);
      if (emptyType != null) {
        return emptyType + EMPTY_TYPE;
      }
      for (String container : new String[] {"variables", "modifications", "processVariables", "localVariables"}) {
        JsonNode vars = root.get(container);
        if (vars != null && vars.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
              return e.getKey();
            }
          }
        }
      }
      return null;
    }

    /**
     * The name of a variable, at any depth, whose {@code type} is an empty text (Camunda's REST layer
     * fails on it with a server error); {@code name} is the key the object stands under (for a body
     * that is one variable, the last path segment: PUT .../variables/{name}).
     */
    static String emptyType(JsonNode node, String name, int depth) {
      if (depth > 20) {
        return null;
      }
      if (node.isObject()) {
        JsonNode type = node.get("type");
        if (type != null && type.isTextual() && type.asText().isEmpty()
            && name != null && (node.has("value") || node.has("valueInfo") || depth == 0)) {
          return name;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String inner = emptyType(e.getValue(), e.getKey(), depth + 1);
          if (inner != null) {
            return inner;
          }
        }
      } else if (node.isArray()) {
        for (JsonNode item : node) {
          String inner = emptyType(item, name, depth + 1);
          if (inner != null) {
            return inner;
          }
        }
      }
      return null;
    }

    private static String lastSegment(String path) {
      String decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      return decoded.substring(decoded.lastIndexOf('/') + 1);
    }

    private void refuse(HttpServletResponse response, String bad) throws IOException {
      boolean emptyType = bad.endsWith(EMPTY_TYPE);
      String name = emptyType ? bad.substring(0, bad.length() - EMPTY_TYPE.length()) : bad;
      String field = cn.shequflow.core.process.Texts.fit(name, 65);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidInputException");
      body.put("field", field);
      body.put("message", emptyType
          ? field + ": 类型（type）不能为空字符串：请不写 type，或写 String、Integer、Boolean 等"
          : field + ": 取值格式不对，应为 {\"value\": …}，且不能为 null");
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
