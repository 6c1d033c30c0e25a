package cn.shequflow.core.security;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors of the engine APIs caused by the request, answered 400 by their kind rather than request by
 * request (registered in {@code RestConfig} and, for the webapps' APIs, by {@code WebappRestErrors}):
 *
 * <ul>
 *   <li>{@link Reading}: a plain Java error (a bad argument, an index or cast that does not fit, a date
 *       that is none) raised by the REST layer while it reads the request into engine calls, before
 *       any engine command runs: the request could not be read. Inside a command the same error is
 *       the server's and stays 500. A query parameter the REST layer cannot convert is 400 too, not
 *       Jersey's 404.
 *   <li>{@link Persistence}: the database refused a value: an integrity constraint (SQL state 23,
 *       such as a membership added twice) or a data error (22, such as a value too long for its
 *       column). Anything else the database says stays 500.
 * </ul>
 *
 * <p>Answers name the parameter where it is known and never name a Java class. Refusals caused by
 * the engine's own argument checks, JSON bodies the REST layer cannot map and unknown ids are
 * answered by {@link EngineRestErrors}; parameters the engine would turn into SQL errors are refused
 * before by {@link EngineRequestChecks}.
 */
public final class EngineInputErrors {

  private static final Logger LOG = LoggerFactory.getLogger(EngineInputErrors.class);

  private EngineInputErrors() {}

  /** Where the REST layer was reading when it failed, and the parameter it was reading there. */
  private static final Map<String, String> READING = new LinkedHashMap<>();

  static {
    READING.put("org.camunda.bpm.engine.rest.dto.VariableValueDto", "type");
    READING.put("org.camunda.bpm.engine.rest.impl.DeploymentRestServiceImpl", "deployment-activation-time");
    READING.put("org.camunda.bpm.engine.rest.dto.migration.", "instructions");
    READING.put("org.camunda.bpm.engine.rest.dto.runtime.JobQueryDto$ApplyDates", "dueDates");
  }

  /** Plain Java errors of reading a request; see the class comment. */
  @Provider
  public static class Reading implements ExceptionMapper<RuntimeException> {

    @Context UriInfo uri;

    @Override
    public Response toResponse(RuntimeException e) {
      if (e instanceof ParamException p) {
        String name = p.getParameterName();
        return badRequest(name, name + ": 取值无效，应为" + ("firstResult".equals(name) || "maxResults".equals(name)
            ? "不小于 0 的整数" : "正确类型的值"));
      }
      if (readingRequest(e)) {
        String field = field(e);
        LOG.info("{} refused: the request could not be read ({}: {})", path(), e.getClass().getSimpleName(), e.getMessage());
        return field == null
            ? badRequest(null, "请求参数无效：请检查各参数的取值和类型。")
            : badRequest(field, field + ": 取值无效，请检查其取值和类型");
      }
      return ExceptionHandlerHelper.getInstance().getResponse(e);
    }

    private String path() {
      try {
        return uri == null ? "" : uri.getPath();
      } catch (RuntimeException ex) {
        return "";
      }
    }

    /** The parameter being read: from the place that failed, else a query parameter sent as null or empty. */
    private String field(RuntimeException e) {
      for (StackTraceElement frame : e.getStackTrace()) {
        for (Map.Entry<String, String> place : READING.entrySet()) {
          if (frame.getClassName().startsWith(place.getKey())) {
            return place.getValue();
          }
        }
      }
      try {
        if (uri != null) {
          for (Map.Entry<String, List<String>> p : uri.getQueryParameters().entrySet()) {
            if (p.getValue().stream().anyMatch(v -> v == null || v.isBlank() || "null".equals(v))) {
              return p.getKey();
            }
          }
        }
      } catch (RuntimeException ignored) {
        // no request in scope
      }
      return null;
    }
  }

  /** The kinds of plain Java error that mean "this input cannot be read", raised by the REST layer outside any command. */
  static boolean readingRequest(RuntimeException e) {
    boolean inputKind = e instanceof IllegalArgumentException || e instanceof IndexOutOfBoundsException
        || e instanceof ClassCastException || e instanceof DateTimeException || e instanceof ArithmeticException;
    if (!inputKind || e instanceof org.camunda.bpm.engine.ProcessEngineException) {
      return false;
    }
    boolean rest = false;
    for (StackTraceElement frame : e.getStackTrace()) {
      String c = frame.getClassName();
      if (c.startsWith("org.camunda.bpm.engine.impl.interceptor.")) {
        return false; // inside an engine command: the server's error
      }
      rest |= c.startsWith("org.camunda.bpm.engine.rest.") || c.startsWith("org.camunda.bpm.cockpit.")
          || c.startsWith("org.camunda.bpm.tasklist.") || c.startsWith("org.camunda.bpm.admin.");
    }
    return rest;
  }

  /** Values the database refused. */
  @Provider
  public static class Persistence implements ExceptionMapper<ProcessEnginePersistenceException> {

    @Override
    public Response toResponse(ProcessEnginePersistenceException e) {
      String state = sqlState(e);
      if (state != null && state.startsWith("23")) {
        LOG.info("Refused by an integrity constraint ({}): {}", state, e.getMessage());
        return badRequest(null, "记录已存在或与已有记录冲突，未作更改。");
      }
      if (state != null && state.startsWith("22")) {
        LOG.info("Refused by the database as a bad value ({}): {}", state, e.getMessage());
        return badRequest(null, "取值过长、超出范围或格式不对，未作更改。");
      }
      return ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  /** The SQL state of the first SQL error in the cause chain, or null. */
  static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  static Response badRequest(String field, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", field == null ? "InvalidRequestException" : "InvalidInputException");
    if (field != null) {
      body.put("field", field);
    }
    body.put("message", message);
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(body)
        .build();
  }
}
