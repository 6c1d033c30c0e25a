package cn.shequflow.core.monitoring;

import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.security.WebappSessionAuthenticationFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;

/**
 * Who reads {@code /actuator} (issue 22): the probes {@code /actuator/health/readiness} and
 * {@code /actuator/health/liveness} answer anyone (the load balancer) with UP or DOWN and nothing
 * else; the health details, the metrics and the Prometheus scrape are for administrators only,
 * logged in with HTTP Basic or the webapps' session (401 without a login, 403 for anyone else).
 */
@Configuration
public class MonitoringAccess {

  static final Set<String> PROBES = Set.of("/actuator/health/readiness", "/actuator/health/liveness");
  static final String ADMINISTRATORS_ONLY = "运行监控（健康详情与指标）只对管理员开放";

  static boolean isProbe(HttpServletRequest request) {
    return PROBES.contains(request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Bean
  public FilterRegistrationBean<Filter> monitoringAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new WebappSessionAuthenticationFilter() {
      @Override
      public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
          throws IOException, ServletException {
        if (isProbe((HttpServletRequest) request)) {
          chain.doFilter(request, response);
        } else {
          super.doFilter(request, response, chain);
        }
      }
    });
    registration.setName("shequ-monitoring-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> monitoringForAdministrators(@Lazy CurrentUser currentUser) {
    Filter filter = (request, response, chain) -> {
      if (!isProbe((HttpServletRequest) request) && !currentUser.isAdministrator()) {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(HttpServletResponse.SC_FORBIDDEN);
        http.setContentType("application/json;charset=UTF-8");
        http.getOutputStream().write(("{\"type\":\"AuthorizationException\",\"message\":\"" + ADMINISTRATORS_ONLY + "\"}")
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("shequ-monitoring-administrators");
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 61);
    return registration;
  }
}
