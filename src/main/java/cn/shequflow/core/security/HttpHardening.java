package cn.shequflow.core.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP headers on every answer: REST, /api, the webapps, static files and error pages. The
 * session cookie's flags are settings ({@code server.servlet.session.cookie.*}: HttpOnly and
 * SameSite=Lax everywhere, Secure in the mysql profile behind TLS).
 */
@Configuration
public class HttpHardening {

  static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

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
}
