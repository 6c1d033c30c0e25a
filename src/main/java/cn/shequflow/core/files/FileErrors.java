package cn.shequflow.core.files;

import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.RestConfig;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Upload and download errors as the product API answers bad input: in Chinese, naming the field; too large is 413. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FileErrors {

  private final FileSettings settings;

  public FileErrors(FileSettings settings) {
    this.settings = settings;
  }

  @ExceptionHandler(FileTooLargeException.class)
  ResponseEntity<Map<String, Object>> tooLarge(FileTooLargeException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RestConfig.body(e));
  }

  /** Too many images decoded at once: try again shortly. */
  @ExceptionHandler(FileBusyException.class)
  ResponseEntity<Map<String, Object>> busy(FileBusyException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "5").body(RestConfig.body(e));
  }

  /**
   * A file whose bytes are gone from the store (a store restored without them, a file removed by the
   * history retention): 404, as for a file that does not exist, never a 500.
   */
  @ExceptionHandler(FileStore.MissingContentException.class)
  ResponseEntity<Map<String, Object>> missing(FileStore.MissingContentException e) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("type", HttpStatus.NOT_FOUND.name());
    body.put("message", "附件内容已不存在，请联系管理员");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
  }

  /** Over the servlet container's own limit (spring.servlet.multipart.*), before the product saw it. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> overContainerLimit(MaxUploadSizeExceededException e) {
    return tooLarge(new FileTooLargeException("file", "文件过大：每个附件最大 "
        + CaseFiles.megabytes(settings.getMaxSize().toBytes())));
  }

  /**
   * An upload that is not {@code multipart/form-data} at all has no {@code file} part: 400 naming
   * {@code file}, like a form without it. Any other route answers 415 as the container's error page does.
   */
  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> notMultipart(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    if ("POST".equals(request.getMethod()) && UPLOAD.matcher(request.getRequestURI()).matches()) {
      return ResponseEntity.badRequest().body(RestConfig.body(new InvalidInputException("file",
          "请以 multipart/form-data 表单上传文件（字段 file）")));
    }
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("type", HttpStatus.UNSUPPORTED_MEDIA_TYPE.name());
    body.put("message", cn.shequflow.core.security.ErrorResponses.message(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    if (!e.getSupportedMediaTypes().isEmpty()) {
      answer.header(org.springframework.http.HttpHeaders.ACCEPT, MediaType.toString(e.getSupportedMediaTypes()));
    }
    return answer.body(body);
  }

  private static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern.compile(".*/api/cases/[^/]+/files/?");

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> malformed(MultipartException e) {
    return ResponseEntity.badRequest().body(RestConfig.body(new InvalidInputException("file", "上传内容格式无效")));
  }
}
