package cn.shequflow.core.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Errors of the product's own API (/api), in the same shape as the Camunda REST API's. */
@RestControllerAdvice
public class ApiErrors {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().body(RestConfig.body(e));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(RestConfig.body(
        new InvalidInputException(e.getName(), "取值无效：" + e.getValue())));
  }

  /** A filter bound as one object ({@code @ModelAttribute}, e.g. the ledgers' filters): the first field that did not convert. */
  @ExceptionHandler(org.springframework.validation.BindException.class)
  ResponseEntity<Map<String, Object>> unbound(org.springframework.validation.BindException e) {
    org.springframework.validation.FieldError field = e.getFieldError();
    String name = field == null ? null : field.getField();
    Object value = field == null ? null : field.getRejectedValue();
    return ResponseEntity.badRequest().body(RestConfig.body(new InvalidInputException(name, "取值无效：" + value)));
  }

  @ExceptionHandler(CaseConflictException.class)
  ResponseEntity<Map<String, Object>> conflict(CaseConflictException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "CaseConflictException");
    body.put("message", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  /** Two people changing the same case at once: the later one is told to look again (never a 500). */
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Map<String, Object>> concurrent(OptimisticLockingException e) {
    return conflict(new CaseConflictException(cn.shequflow.core.security.EngineRestErrors.CONCURRENT));
  }

  /**
   * The database chose this request as the loser of a deadlock or a lock wait (MariaDB/MySQL under
   * concurrent operations on one case): nothing was written, the person is told to look again.
   */
  @ExceptionHandler(PessimisticLockingFailureException.class)
  ResponseEntity<Map<String, Object>> locked(PessimisticLockingFailureException e) {
    return conflict(new CaseConflictException(cn.shequflow.core.security.EngineRestErrors.CONCURRENT));
  }

  /** The engine's own deadlock error (its MyBatis session lost a deadlock): as above; anything else stays a 500. */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<Map<String, Object>> engine(ProcessEngineException e) throws ProcessEngineException {
    if (e.getCode() == BuiltinExceptionCode.DEADLOCK.getCode()
        || e.getCode() == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode()
        || org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e) instanceof java.sql.SQLTransactionRollbackException
        || hasCause(e, PessimisticLockingFailureException.class)) {
      return conflict(new CaseConflictException(cn.shequflow.core.security.EngineRestErrors.CONCURRENT));
    }
    throw e;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A body that is no JSON the API can read: 400, naming the field where it is known, in Chinese.
   * A key sent twice ({@code spring.jackson.parser.strict-duplicate-detection}) is refused rather
   * than guessing which one the person meant.
   */
  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof com.fasterxml.jackson.core.JsonParseException parse && parse.getMessage() != null) {
      java.util.regex.Matcher twice = java.util.regex.Pattern.compile("Duplicate field '([^']{1,64})'")
          .matcher(parse.getMessage());
      if (twice.find()) {
        return invalid(new InvalidInputException(twice.group(1), twice.group(1) + "：同一字段出现了两次，请只发送一次"));
      }
    }
    if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()
        && mapping.getPath().get(0).getFieldName() != null) {
      String field = mapping.getPath().get(0).getFieldName();
      return invalid(new InvalidInputException(field, field + "：取值类型不对"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", "请求内容不是有效的 JSON，未作更改。");
    return ResponseEntity.badRequest().body(body);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", HttpStatus.valueOf(e.getStatusCode().value()).name());
    body.put("message", e.getReason());
    return ResponseEntity.status(e.getStatusCode()).body(body);
  }
}
