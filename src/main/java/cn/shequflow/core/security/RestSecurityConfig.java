package cn.shequflow.core.security;

import cn.shequflow.core.audit.AuditLog;
import cn.shequflow.core.audit.RefusalAuditFilter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against the engine's identity service for the Camunda REST API and
 * the product's own API (a successful login remembered for a minute, until the next identity change:
 * {@link CachedBasicAuthenticationProvider}). Requests without valid credentials get 401; authenticated requests run
 * with the user's identity, so engine authorizations apply to them. The product API also accepts
 * the webapps' login session ({@link WebappSessionAuthenticationFilter}).
 */
@Configuration
public class RestSecurityConfig {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new AuditedAuthenticationFilter());
    registration.setName("shequ-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        CachedBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setAsyncSupported(true);
    return registration;
  }

  /** Every 403 that no engine command recorded is an audit entry (who, route, why): {@link RefusalAuditFilter}. */
  @Bean
  public FilterRegistrationBean<RefusalAuditFilter> refusalAuditFilter(AuditLog audit) {
    FilterRegistrationBean<RefusalAuditFilter> registration = new FilterRegistrationBean<>(new RefusalAuditFilter(audit));
    registration.setName("shequ-refusal-audit");
    registration.addUrlPatterns("/*");
    // Just inside Spring's RequestContextFilter (-105), so the entry names the client's address.
    registration.setOrder(-104);
    registration.setAsyncSupported(true);
    return registration;
  }

  /**
   * The product API: HTTP Basic as above, or the Camunda webapps' session (with their CSRF token
   * for unsafe methods), so that Tasklist plugins can call it from the browser.
   */
  @Bean
  public FilterRegistrationBean<WebappSessionAuthenticationFilter> productApiAuthenticationFilter() {
    FilterRegistrationBean<WebappSessionAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new WebappSessionAuthenticationFilter());
    registration.setName("shequ-api-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        CachedBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/api/*");
    registration.setAsyncSupported(true);
    return registration;
  }
}
