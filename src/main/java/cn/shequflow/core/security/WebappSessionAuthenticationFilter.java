package cn.shequflow.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import cn.shequflow.core.audit.RefusalAuditFilter;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Authentication of the product API ({@code /api/*}): HTTP Basic exactly as the REST API, or else
 * the Camunda webapps' own login, so that a Tasklist plugin running in the browser can call the
 * product API with the session cookie.
 *
 * <ul>
 *   <li>A request with an {@code Authorization} header, or without a webapp login in its session,
 *       goes to the Basic provider unchanged (401 without valid credentials).</li>
 *   <li>A request without that header whose HTTP session carries the webapps' {@link Authentications}
 *       with a user for the default engine runs as that user: identity with the user's groups and
 *       tenants read fresh from the engine, as the Basic provider does. A user deleted since the
 *       login is not authenticated (401).</li>
 *   <li>Unsafe methods (POST, PUT, PATCH, DELETE) on session authentication must carry the header
 *       {@code X-XSRF-TOKEN} equal to the token the webapps' {@code CsrfPreventionFilter} keeps in the
 *       session ({@code CAMUNDA_CSRF_TOKEN}); otherwise 403 and nothing runs.</li>
 * </ul>
 */
public class WebappSessionAuthenticationFilter extends AuditedAuthenticationFilter {

  static final String CSRF_REFUSED = "请求缺少有效的 CSRF 令牌（X-XSRF-TOKEN），请刷新页面后重试";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse resp = (HttpServletResponse) response;
    String sessionUser = req.getHeader("Authorization") == null ? sessionUser(req) : null;
    if (sessionUser == null) {
      super.doFilter(request, response, chain);
      return;
    }
    if (!SAFE_METHODS.contains(req.getMethod().toUpperCase()) && !csrfTokenMatches(req)) {
      // As the webapps answer it; the refusal is audited naming the session's user (RefusalAuditFilter).
      RefusalAuditFilter.authenticated(sessionUser);
      req.setAttribute(RefusalAuditFilter.REASON, CSRF_REFUSED);
      resp.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
      refuse(resp, HttpServletResponse.SC_FORBIDDEN, CSRF_REFUSED);
      return;
    }
    ProcessEngine engine = getAddressedEngine(DEFAULT_ENGINE_NAME);
    if (engine == null || engine.getIdentityService().createUserQuery().userId(sessionUser).count() == 0) {
      refuse(resp, HttpServletResponse.SC_UNAUTHORIZED, "登录已失效，请重新登录");
      return;
    }
    try {
      setAuthenticatedUser(engine, sessionUser, getGroupsOfUser(engine, sessionUser),
          getTenantsOfUser(engine, sessionUser));
      chain.doFilter(request, response);
    } finally {
      clearAuthentication(engine);
    }
  }

  /** The user the webapps logged in for the default engine in this request's session, or null. */
  private static String sessionUser(HttpServletRequest req) {
    HttpSession session = req.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine(DEFAULT_ENGINE_NAME);
    return auth == null ? null : auth.getName();
  }

  private static boolean csrfTokenMatches(HttpServletRequest req) {
    HttpSession session = req.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String given = req.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    if (!(expected instanceof String token) || token.isEmpty() || given == null) {
      return false;
    }
    return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static void refuse(HttpServletResponse resp, int status, String message) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json;charset=UTF-8");
    resp.getWriter().write("{\"type\":\"" + (status == 403 ? "Forbidden" : "Unauthorized")
        + "\",\"message\":\"" + message + "\"}");
  }
}
