package cn.shequflow.core.apidocs;

import cn.shequflow.core.security.WebappSessionAuthenticationFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;

/**
 * Who may read the API documentation: the document ({@code /v3/api-docs}) needs a login (HTTP Basic
 * or the webapps' session), as the API itself does; Swagger UI is for administrators only (403 in
 * Chinese for anyone else).
 */
@Configuration
public class ApiDocsAccess {

  @Bean
  public FilterRegistrationBean<WebappSessionAuthenticationFilter> apiDocsAuthenticationFilter() {
    FilterRegistrationBean<WebappSessionAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new WebappSessionAuthenticationFilter());
    registration.setName("shequ-api-docs-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/v3/api-docs", "/v3/api-docs/*", "/swagger-ui.html", "/swagger-ui/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> swaggerUiForAdministrators(@Lazy IdentityService identity) {
    Filter filter = (request, response, chain) -> {
      Authentication auth = identity.getCurrentAuthentication();
      boolean admin = auth != null && auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
      if (!admin) {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(HttpServletResponse.SC_FORBIDDEN);
        http.setContentType("application/json;charset=UTF-8");
        http.getOutputStream().write(("{\"type\":\"AuthorizationException\",\"message\":\"接口说明页面（Swagger UI）只对管理员开放；"
            + "接口文档本身见 /v3/api-docs\"}").getBytes(StandardCharsets.UTF_8));
        return;
      }
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("shequ-swagger-ui-admins");
    registration.addUrlPatterns("/swagger-ui.html", "/swagger-ui/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 51);
    return registration;
  }
}
