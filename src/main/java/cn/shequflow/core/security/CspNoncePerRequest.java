package cn.shequflow.core.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.ContentSecurityPolicyProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Keeps the Content-Security-Policy nonce of the Camunda webapps per request.
 *
 * <p>Camunda 7.24 hands the nonce from its {@code HttpHeaderSecurityFilter} (which puts
 * {@code script-src 'nonce-X'} in the header) to its {@code ProcessEnginesFilter} (which writes
 * {@code nonce="X"} on the script tags of index.html) through an attribute of the one
 * {@link ServletContext} all requests share ({@value ContentSecurityPolicyProvider#ATTR_CSP_FILTER_NONCE}).
 * Every request under /camunda/app and /camunda/api overwrites it, so when another request of the
 * same or another user runs between the two filters, index.html carries that request's nonce and
 * its header another: the browser then blocks every script of the page and Tasklist, Cockpit or
 * Admin stays on its loading splash for good (measured: about 1 page load in 10 on a busy machine,
 * mostly on a reload, when the previous page's API calls are still running).
 *
 * <p>This filter runs before Camunda's and gives each request a view of the servlet context that
 * keeps that one attribute in the request; everything else is the real context. Header and page
 * then always carry the same, fresh nonce.
 */
@Configuration
public class CspNoncePerRequest {

  static final String NONCE = ContentSecurityPolicyProvider.ATTR_CSP_FILTER_NONCE;

  @Bean
  public FilterRegistrationBean<Filter> cspNoncePerRequestFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new NonceFilter());
    registration.setName("shequ-csp-nonce-per-request");
    // Camunda's filters are mapped "after" (isMatchAfter), so this one always runs before them.
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.setAsyncSupported(true);
    return registration;
  }

  /** Wraps each HTTP request so that its servlet context keeps the CSP nonce in the request. */
  static class NonceFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(request instanceof HttpServletRequest http ? new NonceRequest(http) : request, response);
    }
  }

  static class NonceRequest extends HttpServletRequestWrapper {
    private ServletContext context;

    NonceRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletContext getServletContext() {
      if (context == null) {
        context = perRequest(super.getServletContext(), this);
      }
      return context;
    }
  }

  /** The shared context, except that the nonce attribute lives in {@code request}. */
  static ServletContext perRequest(ServletContext shared, ServletRequest request) {
    return (ServletContext) Proxy.newProxyInstance(CspNoncePerRequest.class.getClassLoader(),
        new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
          if (args != null && args.length > 0 && NONCE.equals(args[0])) {
            switch (method.getName()) {
              case "getAttribute":
                return request.getAttribute(NONCE);
              case "setAttribute":
                request.setAttribute(NONCE, args[1]);
                return null;
              case "removeAttribute":
                request.removeAttribute(NONCE);
                return null;
              default:
                break;
            }
          }
          return invoke(shared, method, args);
        });
  }

  private static Object invoke(ServletContext shared, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(shared, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
