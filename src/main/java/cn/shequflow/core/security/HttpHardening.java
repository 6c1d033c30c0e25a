package cn.shequflow.core.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP headers on every answer: REST, /api, the webapps, static files and error pages. The
 * session cookie's flags are settings ({@code server.servlet.session.cookie.*}: HttpOnly and
 * SameSite=Lax everywhere, Secure in the mysql profile behind TLS).
 *
 * <p>Personal data (cases, residents, identity numbers, timelines, task variables, the 审批单) is
 * answered by the product API ({@code /api}), the engine REST API ({@code /engine-rest}) and the
 * webapps' API ({@code /camunda/api}, Tasklist's and Cockpit's engine calls). This is the one place
 * that says how such answers are sent: never stored by a browser or a proxy
 * ({@code Cache-Control: no-store}, {@code Pragma: no-cache}, which nothing later in the chain can
 * loosen), and, for {@code /api} and {@code /engine-rest}, never shown inside another page
 * ({@code X-Frame-Options: DENY}, {@code Content-Security-Policy} with {@code frame-ancestors 'none'},
 * and no script, frame or form at all: the 审批单 is plain HTML with inline styles). The webapps'
 * pages and their API keep Camunda's own Content-Security-Policy; their static files (and the
 * plugins' static files under {@code /camunda/api/…/static/}) may be cached.
 */
@Configuration
public class HttpHardening {

  static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

  /** Where personal data is answered. */
  static final String[] PERSONAL_DATA = {"/api/*", "/engine-rest/*", "/camunda/api/*"};

  /** What a page of the product API or the engine REST API may load and who may frame it: nothing, nobody. */
  static final String API_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final Set<String> CACHE_HEADERS = Set.of("cache-control", "pragma", "expires");

  /** Browsers must not guess a type other than the one sent (no script from an uploaded text). */
  @Bean
  public FilterRegistrationBean<Filter> noSniffFilter() {
    Filter filter = (request, response, chain) -> {
      if (response instanceof HttpServletResponse http) {
        http.setHeader(CONTENT_TYPE_OPTIONS, "nosniff");
      }
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("shequ-nosniff");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setAsyncSupported(true);
    return registration;
  }

  /** Answers with personal data: not stored, not framed (see the class comment). */
  @Bean
  public FilterRegistrationBean<Filter> personalDataFilter() {
    Filter filter = (request, response, chain) -> {
      if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)
          || isStaticFile(http)) {
        chain.doFilter(request, response);
        return;
      }
      answer.setHeader("Cache-Control", "no-store");
      answer.setHeader("Pragma", "no-cache");
      if (!path(http).startsWith("/camunda/")) {
        answer.setHeader("X-Frame-Options", "DENY");
        answer.setHeader("Content-Security-Policy", API_CSP);
      }
      chain.doFilter(request, new NotStored(answer));
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("shequ-personal-data");
    registration.addUrlPatterns(PERSONAL_DATA);
    registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.setAsyncSupported(true);
    return registration;
  }

  /** A plugin's script or style under the webapps' API: no personal data. */
  private static boolean isStaticFile(HttpServletRequest request) {
    String path = path(request);
    return path.startsWith("/camunda/api/") && path.contains("/static/");
  }

  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }

  /**
   * The response with its caching headers fixed: Camunda's own filter ({@code CacheControlFilter},
   * "no-cache") or a resource cannot turn {@code no-store} into something a browser may keep.
   */
  static final class NotStored extends HttpServletResponseWrapper {

    NotStored(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!fixed(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!fixed(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!fixed(name)) {
        super.setDateHeader(name, date);
      }
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (!fixed(name)) {
        super.addDateHeader(name, date);
      }
    }

    private static boolean fixed(String name) {
      return name != null && CACHE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
  }
}
