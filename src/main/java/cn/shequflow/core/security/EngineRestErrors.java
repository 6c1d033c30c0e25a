package cn.shequflow.core.security;

import cn.shequflow.core.outage.DatabaseUnavailable;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camunda REST API's server errors, made right for clients (registered in {@code RestConfig}):
 *
 * <ol>
 *   <li>Refusals the engine reports as server errors although the request is at fault (deleting a
 *       process's task, a password against the policy) become 400 with a Chinese message.
 *   <li>An unknown id is a 404: many resources (a task's or an execution's variables, a task's
 *       forms and identity links, a definition's statistics) answer 500 for an id that does not
 *       exist. When such a "null" error (not a persistence or configuration failure) answers 5xx and
 *       the entity its path names does not exist for the caller, the answer becomes 404. An entity
 *       that exists keeps its 500: a real server error is never turned into "not found".
 *   <li>A change that lost against a concurrent one (the engine's optimistic locking or deadlock
 *       error code) is 409 "事项刚被他人处理，请刷新后重试".
 *   <li>The database unreachable is 503 with {@code Retry-After} ({@link DatabaseUnavailable}).
 *   <li>No body carries SQL, a stack trace or Java internals: such a message is replaced by a
 *       Chinese one, and the original is logged.
 * </ol>
 */
@Provider
public class EngineRestErrors implements ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);

  static final String SERVER_ERROR = "服务器内部错误，请稍后重试；如仍有问题请联系管理员。";
  static final String PROCESS_TASK = "该任务属于正在进行的流程，不能单独删除：请在流程中办理，或撤销整个流程实例。";

  public static final String CONCURRENT = "事项刚被他人处理，请刷新后重试";

  /** The engine's error codes of a change that lost against a concurrent one: optimistic locking, deadlock. */
  private static final Set<Integer> CONCURRENT_CODES = Set.of(BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode(),
      BuiltinExceptionCode.DEADLOCK.getCode());

  /** Engine messages of refusals that are the request's fault, with the Chinese answer. */
  private static final Map<String, Function<ProcessEngine, String>> REFUSALS = Map.of(
      "The task cannot be deleted because is part of a running process", e -> PROCESS_TASK,
      "The task cannot be deleted because is part of a running case instance", e -> PROCESS_TASK,
      "Password does not match policy", e -> PasswordRules.describePolicy(e.getIdentityService()));

  /**
   * What the engine and the REST resources throw, as a server error, when an id names nothing: a
   * null check ({@code NullValueException}), a null dereference, a wrapped "does not exist". Other
   * server errors (persistence, configuration) are never candidates for 404.
   */
  private static final Set<String> NOT_FOUND_TYPES = Set.of(
      "NullValueException", "NotFoundException", "NullPointerException", "RestException", "InvalidRequestException");

  /** Path segments after a resource that are collection actions, not ids ({@code task/create}). */
  private static final Set<String> NOT_IDS = Set.of(
      "create", "count", "statistics", "suspended", "delete", "registered", "report", "retries", "job-retries",
      "variables-async", "delete-historic-query-based", "set-removal-time", "history-time-to-live");

  /** {@code [engine/<name>/]<resource>/<id>[/...]}: the first id a path names. */
  private static final Pattern PATH = Pattern.compile(
      "^/?(?:engine/[^/]+/)?(history/)?([a-z-]+)/(key/)?([^/]+)(?:/.*)?$");

  private static final Map<String, BiFunction<ProcessEngine, String, Long>> EXISTS = new LinkedHashMap<>();

  static {
    EXISTS.put("task", (e, id) -> e.getTaskService().createTaskQuery().taskId(id).count());
    EXISTS.put("process-instance", (e, id) -> e.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count());
    EXISTS.put("execution", (e, id) -> e.getRuntimeService().createExecutionQuery().executionId(id).count());
    EXISTS.put("process-definition", (e, id) -> e.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).count());
    EXISTS.put("key/process-definition", (e, key) -> e.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count());
    EXISTS.put("decision-definition", (e, id) -> e.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionId(id).count());
    EXISTS.put("key/decision-definition", (e, key) -> e.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key).count());
    EXISTS.put("decision-requirements-definition", (e, id) -> e.getRepositoryService().createDecisionRequirementsDefinitionQuery().decisionRequirementsDefinitionId(id).count());
    EXISTS.put("case-definition", (e, id) -> e.getRepositoryService().createCaseDefinitionQuery().caseDefinitionId(id).count());
    EXISTS.put("case-instance", (e, id) -> e.getCaseService().createCaseInstanceQuery().caseInstanceId(id).count());
    EXISTS.put("case-execution", (e, id) -> e.getCaseService().createCaseExecutionQuery().caseExecutionId(id).count());
    EXISTS.put("deployment", (e, id) -> e.getRepositoryService().createDeploymentQuery().deploymentId(id).count());
    EXISTS.put("job", (e, id) -> e.getManagementService().createJobQuery().jobId(id).count());
    EXISTS.put("job-definition", (e, id) -> e.getManagementService().createJobDefinitionQuery().jobDefinitionId(id).count());
    EXISTS.put("external-task", (e, id) -> e.getExternalTaskService().createExternalTaskQuery().externalTaskId(id).count());
    EXISTS.put("incident", (e, id) -> e.getRuntimeService().createIncidentQuery().incidentId(id).count());
    EXISTS.put("filter", (e, id) -> e.getFilterService().createFilterQuery().filterId(id).count());
    EXISTS.put("user", (e, id) -> e.getIdentityService().createUserQuery().userId(id).count());
    EXISTS.put("group", (e, id) -> e.getIdentityService().createGroupQuery().groupId(id).count());
    EXISTS.put("history/process-instance", (e, id) -> e.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).count());
    EXISTS.put("history/process-definition", EXISTS.get("process-definition"));
    EXISTS.put("history/decision-requirements-definition", EXISTS.get("decision-requirements-definition"));
  }

  /** SQL (MyBatis and JDBC messages) and stack frames: never in any answer. */
  static final Pattern SQL_OR_STACK = Pattern.compile(
      "###|\\bSQL\\b|SQLException|\\bselect\\s.+\\sfrom\\s|\\binsert\\s+into\\b|\\bupdate\\s+\\S+\\s+set\\b"
          + "|\\bdelete\\s+from\\b|\\bACT_[A-Z]{2}_[A-Z_]+|\\n\\s*at\\s|\\bat\\s+[a-z]+\\.[\\w.$]+\\(",
      Pattern.CASE_INSENSITIVE);

  /** Java internals (class names, a NullPointerException's text): not in a server error's answer. */
  static final Pattern JAVA_INTERNALS = Pattern.compile(
      "\\b(?:java|javax|jakarta|org|com)\\.[a-z]+\\.[\\w.$]+|Cannot invoke \"|because \"[\\w.]+\" is null");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() >= 500 && request.getProperty(DatabaseUnavailable.EXCEPTION) instanceof Throwable thrown
        && DatabaseUnavailable.causedBy(thrown)) {
      // The database is unreachable: 503 with Retry-After, decided where every API decides it.
      LOG.warn("{} {} answered 503: the database is unreachable ({})", request.getMethod(),
          request.getUriInfo().getPath(), thrown.toString());
      answer(response, Status.SERVICE_UNAVAILABLE, DatabaseUnavailable.TYPE, DatabaseUnavailable.MESSAGE);
      response.getHeaders().putSingle("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      return;
    }
    if (response.getEntity() instanceof String text && response.getStatus() == 400 && JACKSON.matcher(text).find()) {
      // Jackson's own mapper answers a body that is no JSON at all in plain text, naming its position.
      answer(response, Status.BAD_REQUEST, "InvalidRequestException", plainRefusal(text));
      return;
    }
    if (!(response.getEntity() instanceof ExceptionDto error)) {
      return;
    }
    String message = error.getMessage() == null ? "" : error.getMessage();
    if (response.getStatus() >= 500 && error.getCode() != null && CONCURRENT_CODES.contains(error.getCode())) {
      // Two people acting on the same task or case at once (e.g. 完成 racing 转办): the later one lost.
      LOG.info("{} {} lost a concurrent change: {}", request.getMethod(), request.getUriInfo().getPath(), message);
      answer(response, Status.CONFLICT, "CaseConflictException", CONCURRENT);
      return;
    }
    if (response.getStatus() >= 500) {
      ProcessEngine engine = engine();
      var refusal = REFUSALS.get(message);
      if (refusal != null && engine != null) {
        answer(response, Status.BAD_REQUEST, "BadUserRequestException", refusal.apply(engine));
        return;
      }
      String missing = NOT_FOUND_TYPES.contains(error.getType()) ? missingEntity(engine, request.getUriInfo().getPath()) : null;
      if (missing != null) {
        answer(response, Status.NOT_FOUND, "InvalidRequestException", missing);
        return;
      }
      String badRequest = badRequest(error.getType(), message);
      if (badRequest != null) {
        LOG.info("{} {} refused as a bad request: {} {}", request.getMethod(), request.getUriInfo().getPath(),
            error.getType(), message);
        answer(response, Status.BAD_REQUEST, "InvalidRequestException", badRequest);
        return;
      }
    }
    if (response.getStatus() >= 400 && response.getStatus() < 500) {
      String plain = plainRefusal(message);
      if (plain != null) {
        error.setMessage(plain);
        return;
      }
    }
    boolean serverError = response.getStatus() >= 500;
    if (SQL_OR_STACK.matcher(message).find() || serverError && JAVA_INTERNALS.matcher(message).find()) {
      LOG.warn("{} {} answered {} {}: {}", request.getMethod(), request.getUriInfo().getPath(),
          response.getStatus(), error.getType(), message);
      error.setMessage(serverError ? SERVER_ERROR : "请求无效。");
    }
  }

  /**
   * Engine and REST errors that are the request's fault although reported as server errors: the
   * engine's argument checks (a null or empty parameter, a value a query cannot use, listeners
   * skipped without start instructions) and the REST layer's null dereferences on a body that lacks
   * something (e.g. a variable sent as bare {@code null}). The Chinese answer, or null.
   */
  static String badRequest(String type, String message) {
    if ("NullPointerException".equals(type)) {
      return "请求内容不完整：缺少必填内容，或某一项的值为 null。";
    }
    if (Set.of("NullValueException", "NotValidException", "BadUserRequestException").contains(type)
        || ("ProcessEngineException".equals(type) || "RestException".equals(type)) && VALIDATION.matcher(message).find()) {
      String detail = SQL_OR_STACK.matcher(message).find() || JAVA_INTERNALS.matcher(message).find() ? "" : "：" + message;
      return "请求参数无效" + detail;
    }
    return null;
  }

  /**
   * Messages of the engine's own argument checks: EnsureUtil ("is null", "is not greater than"), the
   * queries' checks of what can be combined ("Invalid query usage", "Already querying for", "… at the
   * same time"), the commands' ("You must specify", "Cannot use 'groupId' for GLOBAL authorization")
   * and the instantiation builders.
   */
  private static final Pattern VALIDATION = Pattern.compile(
      "is null|is empty|cannot be used to query|must not be|is not valid|ENGINE-13024|ENGINE-1304[0-3]|"
          + "Invalid value|Cannot skip custom listeners|is not greater than|is not less than|Invalid query usage|"
          + "Already querying for|at the same time|You must specify|Cannot use '|cannot be set|"
          + "Cannot set both|Cannot specify|Invalid (?:query|authorization)|not allowed|is not a valid|has no current activity", Pattern.CASE_INSENSITIVE);

  /** A query parameter the REST layer could not convert: {@code Cannot set query parameter 'x' to value 'y'…}. */
  private static final Pattern QUERY_PARAMETER = Pattern.compile("Cannot set query parameter '([^']*)' to value '(.*?)'(?::|$)");

  /** Jackson's messages of a body it could not map (they name the DTO classes and the source position). */
  private static final Pattern JACKSON = Pattern.compile(
      "Cannot deserialize|Cannot construct instance|Cannot coerce|Unrecognized field|reference chain|\\[Source:|"
          + "Unexpected character|Unexpected end-of-input|out of range of|Unrecognized token|No content to map");

  /** The last field of Jackson's reference chain: {@code …RetriesDto["retries"]}. */
  private static final Pattern CHAIN_FIELD = Pattern.compile("\\[\"([^\"]+)\"\\]");

  private static final Pattern UNKNOWN_FIELD = Pattern.compile("Unrecognized field \"([^\"]*)\"");

  /** Java's type in a conversion message: {@code to java type java.util.Date}. */
  private static final Pattern JAVA_TYPE = Pattern.compile("(?:to )?java type [\\w.$]+");

  /** An exception's name before its message ({@code MismatchingMessageCorrelationException: …}). */
  private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error):\\s*");

  /** A qualified Java class name. */
  private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}([A-Z][\\w$]*)");

  /**
   * The Chinese text of a refusal (4xx) whose message is empty or names Java classes, else null: a
   * JSON body the REST layer could not map (Camunda answers it with an empty message), a query
   * parameter it could not convert (the message names Java's type), other messages with class names
   * (their simple names stay).
   */
  static String plainRefusal(String message) {
    if (message.isBlank()) {
      return "请求内容无法读取：请检查 JSON 格式，以及各项的名称、类型和取值。";
    }
    Matcher json = JACKSON.matcher(message);
    if (json.find()) {
      Matcher unknown = UNKNOWN_FIELD.matcher(message);
      if (unknown.find()) {
        return "请求内容无法读取：没有“" + unknown.group(1) + "”这一项。";
      }
      String field = null;
      for (Matcher m = CHAIN_FIELD.matcher(message); m.find(); ) {
        field = m.group(1);
      }
      return field == null
          ? "请求内容无法读取：请检查 JSON 格式，以及各项的名称、类型和取值。"
          : "请求内容无法读取：" + field + " 的取值类型或范围不对。";
    }
    Matcher parameter = QUERY_PARAMETER.matcher(message);
    if (parameter.find() && (JAVA_TYPE.matcher(message).find() || QUALIFIED.matcher(message).find())) {
      return "参数 " + parameter.group(1) + " 的取值“" + parameter.group(2) + "”无效，请检查其类型和格式。";
    }
    if (JAVA_TYPE.matcher(message).find() || QUALIFIED.matcher(message).find() || EXCEPTION_NAME.matcher(message).find()) {
      String plain = QUALIFIED.matcher(JAVA_TYPE.matcher(message).replaceAll("所需类型")).replaceAll("$1");
      return "请求参数无效：" + EXCEPTION_NAME.matcher(plain).replaceAll("").replaceAll("\\b\\w*Dto\\b", "请求内容");
    }
    if (message.matches("(?s).*\\b[A-Z]\\w*Dto\\b.*")) {
      return "请求参数无效：" + message.replaceAll("\\b[A-Z]\\w*Dto\\b", "请求内容");
    }
    return null;
  }

  /** A Chinese "… does not exist" when the path names an entity the caller cannot find, else null. */
  static String missingEntity(ProcessEngine engine, String path) {
    Matcher m = PATH.matcher(path == null ? "" : path);
    if (engine == null || !m.matches()) {
      return null;
    }
    String resource = (m.group(3) != null ? "key/" : m.group(1) != null ? "history/" : "") + m.group(2);
    BiFunction<ProcessEngine, String, Long> exists = EXISTS.get(resource);
    if (exists == null) {
      return null;
    }
    String id = m.group(4);
    if (m.group(3) == null && NOT_IDS.contains(id)) {
      return null;
    }
    try {
      return exists.apply(engine, id) == 0 ? "未找到 " + id + "：不存在，或您无权查看。" : null;
    } catch (RuntimeException e) {
      LOG.debug("Could not tell whether {} exists", path, e);
      return null;
    }
  }

  private static ProcessEngine engine() {
    try {
      return EngineUtil.lookupProcessEngine(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void answer(ContainerResponseContext response, Status status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    response.setStatus(status.getStatusCode());
    response.setEntity(body, new Annotation[0], MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
  }
}
