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
        String bad = badVariable(body);
        if (bad != null) {
          refuse(response, bad);
          return;
        }
      }
      chain.doFilter(new Replay(request, body), response);
    }

    /** The name of the first variable that is not an object, or null. */
    private String badVariable(byte[] body) {
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

    private void refuse(HttpServletResponse response, String name) throws IOException {
      String field = cn.shequflow.core.process.Texts.fit(name, 65);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidInputException");
      body.put("field", field);
      body.put("message", field + ": 取值格式不对，应为 {\"value\": …}，且不能为 null");
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
