package cn.shequflow.core.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
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
 * the authentication filters), else the webapps' login of the session (as it was when the request
 * came in, since a CSRF refusal of the webapps ends the session). What: method and path (never
 * the query). Why: the message the person read. Written in its own transaction after the request,
 * so it is the one row a refusal leaves; nothing is recorded for any other answer.
 */
public class RefusalAuditFilter extends OncePerRequestFilter {

  /** Request attribute: the Chinese reason a filter gave for its 403 (read here). */
  public static final String REASON = RefusalAuditFilter.class.getName() + ".reason";
  static final String CSRF_REASON = "请求缺少有效的 CSRF 令牌";
  static final String DEFAULT_REASON = "没有权限访问";

  /** The session attribute of the webapps' logins ({@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}). */
  private static final String WEBAPP_AUTHENTICATIONS = "authenticatedUser";

  /** How the webapps' CsrfPreventionFilter begins each message it refuses with (missing, wrong token, origin). */
  private static final String WEBAPP_CSRF_FILTER = "CSRFPreventionFilter:";

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
    // Read before the request runs: the webapps' CsrfPreventionFilter invalidates the session when it
    // refuses a request, so afterwards the session no longer says who was logged in.
    String loggedIn = sessionUser(request);
    ErrorMessage answer = new ErrorMessage(response);
    try {
      chain.doFilter(request, answer);
      if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN && !AuditLog.refusalRecorded(request)) {
        String actor = AUTHENTICATED.get() != null ? AUTHENTICATED.get() : sessionUser(request);
        if (actor == null) {
          actor = loggedIn;
        }
        audit.refusal(actor, request.getMethod() + " " + request.getRequestURI(), null, reason(request, answer));
      }
    } finally {
      AUTHENTICATED.remove();
    }
  }

  private static String reason(HttpServletRequest request, ErrorMessage response) {
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
    if (CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED.equals(response.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME))
        || (response.message != null && response.message.startsWith(WEBAPP_CSRF_FILTER))) {
      return CSRF_REASON;
    }
    return DEFAULT_REASON;
  }

  /**
   * The webapps' login of the request's session for the default engine, or null. Reads the session
   * attribute {@link AuthenticationUtil} keeps it in without creating one (as its getter would).
   */
  private static String sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object auths = session == null ? null : session.getAttribute(WEBAPP_AUTHENTICATIONS);
    Authentication auth = auths instanceof Authentications a ? a.getAuthenticationForProcessEngine("default") : null;
    return auth == null ? null : auth.getName();
  }

  /** The response, remembering the message of {@code sendError} (not readable from the response itself). */
  private static final class ErrorMessage extends HttpServletResponseWrapper {
    private String message;

    ErrorMessage(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      this.message = message;
      super.sendError(status, message);
    }
  }
}
