package cn.shequflow.core.outage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database cannot be reached (restarting, the network to it down, the pool timed out waiting for
 * a connection): every API answers 503 with a short Chinese message and {@code Retry-After}, never a
 * 500 (issue 22, docs/operations.md). The transaction of the request never began or was rolled back,
 * so nothing was written; the client may send the same request again.
 *
 * <p>What counts as "unavailable" is decided here only ({@link #causedBy}). Two places answer it:
 * this filter (runs first, around everything: Spring Session loading the session, the logins, the
 * product API {@code /api}) and, for the engine's REST APIs whose JAX-RS exception mappers turn every
 * exception into a 500 themselves, {@link Recorder} with {@code EngineRestErrors}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailable extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

  public static final String MESSAGE = "数据库暂时无法连接，本次操作可能未完成，请稍后刷新查看后再试。";
  public static final int RETRY_AFTER_SECONDS = 10;
  public static final String TYPE = "ServiceUnavailable";

  /** The request property (JAX-RS) under which {@link Recorder} keeps the exception a resource threw. */
  public static final String EXCEPTION = DatabaseUnavailable.class.getName() + ".exception";

  /**
   * True if the failure is the database being unreachable (no connection), not anything it refused.
   *
   * <p>A connection that breaks in the middle of a command fails twice: the statement (a connection
   * error, SQL state 08) and then the rollback, because the pool has marked the connection broken and
   * answers every call on it with a bare "Connection is closed" (no SQL state). Spring then throws the
   * rollback's failure, {@code TransactionSystemException: JDBC rollback failed}, and keeps the
   * statement's error as its application exception; that one decides. A rollback or commit failing on
   * its own, with an application exception that is anything else (a bug), stays a server error.
   */
  public static boolean causedBy(Throwable e) {
    return causedBy(e, 0);
  }

  private static boolean causedBy(Throwable e, int depth) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && depth < 3 && causedBy(rollback.getApplicationException(), depth + 1)) {
        return true; // the rollback failed after the connection broke in the middle of the command
      }
      if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
          || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true; // SQL state class 08: connection exception (MySQL/MariaDB communications link failure)
      }
    }
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!causedBy(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn("{} {} answered 503: the database is unreachable ({})", request.getMethod(), request.getRequestURI(),
          e.toString());
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"" + TYPE + "\",\"message\":\"" + MESSAGE + "\"}");
    }
  }

  /** Keeps the exception a JAX-RS resource threw on its request, for {@code EngineRestErrors} to read. */
  public static class Recorder implements ApplicationEventListener {
    @Override
    public void onEvent(ApplicationEvent event) {
      // nothing to do for the application itself
    }

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
      return event -> {
        if (event.getType() == RequestEvent.Type.ON_EXCEPTION && event.getException() != null
            && event.getContainerRequest() != null) {
          event.getContainerRequest().setProperty(EXCEPTION, event.getException());
        }
      };
    }
  }
}
