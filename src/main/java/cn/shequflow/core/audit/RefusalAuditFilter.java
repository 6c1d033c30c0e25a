package cn.shequflow.core.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Records every HTTP refusal (403) that no engine command recorded already: the product's own routes
 * ({@code /api}: the administrators' routes, the community scope, the inbox operations), CSRF
 * refusals (the product API's on the webapps' session and the webapps' own), and the guards in front
 * of the REST API. Who: the person the request was authenticated as ({@link #authenticated}, called by
 * the authentication filters), else the webapps' login of the session. What: method and path (never
 * the query). Why: the message the person read. Written in its own transaction after the request,
 * so it is the one row a refusal leaves; nothing is recorded for any other answer.
 */
public class RefusalAuditFilter extends OncePerRequestFilter {

  /** Request attribute: the Chinese reason a filter gave for its 403 (read here). */
  public static final String REASON = RefusalAuditFilter.class.getName() + ".reason";
  static final String CSRF_REASON = "请求缺少有效的 CSRF 令牌";
  static final String DEFAULT_REASON = "没有权限访问";

  private static final ThreadLocal<String> AUTHENTICATED = new ThreadLocal<>();

  private final AuditLog audit;

  public RefusalAuditFilter(AuditLog audit) {
    this.audit = audit;
  }

  /** The user a request is authenticated as, told by the authentication filters while it runs. */
  public static void authenticated(String userId) {
    AUTHENTICATED.set(userId);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
      if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN && !AuditLog.refusalRecorded(request)) {
        String actor = AUTHENTICATED.get() != null ? AUTHENTICATED.get() : sessionUser(request);
        audit.refusal(actor, request.getMethod() + " " + request.getRequestURI(), null, reason(request, response));
      }
    } finally {
      AUTHENTICATED.remove();
    }
  }

  private static String reason(HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(REASON) instanceof String reason) {
      return reason;
    }
    Object error = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
    if (error instanceof ResponseStatusException e && e.getReason() != null) {
      return e.getReason();
    }
    if (error instanceof Exception e && e.getMessage() != null) {
      return e.getMessage();
    }
    if (CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED.equals(response.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME))) {
      return CSRF_REASON;
    }
    return DEFAULT_REASON;
  }

  /** The webapps' login of the request's session for the default engine, or null. */
  private static String sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine("default");
    return auth == null ? null : auth.getName();
  }
}
