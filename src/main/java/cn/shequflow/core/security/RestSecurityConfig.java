package cn.shequflow.core.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against the engine's identity service for the Camunda REST API and
 * the product's own API. Requests without valid credentials get 401; authenticated requests run
 * with the user's identity, so engine authorizations apply to them. The product API also accepts
 * the webapps' login session ({@link WebappSessionAuthenticationFilter}).
 */
@Configuration
public class RestSecurityConfig {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("shequ-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
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
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/api/*");
    registration.setAsyncSupported(true);
    return registration;
  }
}
