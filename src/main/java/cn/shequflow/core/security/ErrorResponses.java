package cn.shequflow.core.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page (/error): errors the container renders (an unknown path, a
 * method not allowed, the webapps' 401 and 403) answer with their own status and a small JSON body
 * {@code {"type":"NOT_FOUND","message":"…"}} in Chinese, never a stack trace, an exception's text
 * or SQL. A request for /error itself, with no error behind it, is a path like any other: 404.
 */
@RestController
public class ErrorResponses implements ErrorController {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  @RequestMapping("${server.error.path:${error.path:/error}}")
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null && c >= 400
        ? HttpStatus.resolve(c) : HttpStatus.NOT_FOUND;
    if (status.is5xxServerError()) {
      Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      LOG.warn("Server error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
          error instanceof Throwable t ? t : null);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", status.name());
    body.put("message", message(status));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /** The Chinese message of an error status, as this page answers it. */
  public static String message(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "请求无效。";
      case UNAUTHORIZED -> "请先登录。";
      case FORBIDDEN -> "没有权限访问。";
      case NOT_FOUND -> "页面或资源不存在。";
      case METHOD_NOT_ALLOWED -> "不支持该请求方法。";
      case NOT_ACCEPTABLE -> "无法按所要求的格式答复。";
      case PAYLOAD_TOO_LARGE -> "请求内容过大。";
      case UNSUPPORTED_MEDIA_TYPE -> "不支持该内容类型。";
      case TOO_MANY_REQUESTS -> "请求过于频繁，请稍后再试。";
      default -> status.is4xxClientError() ? "请求无效。" : EngineRestErrors.SERVER_ERROR;
    };
  }
}
