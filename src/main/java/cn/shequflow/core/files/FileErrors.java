package cn.shequflow.core.files;

import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.RestConfig;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> malformed(MultipartException e) {
    return ResponseEntity.badRequest().body(RestConfig.body(new InvalidInputException("file", "上传内容格式无效")));
  }
}
