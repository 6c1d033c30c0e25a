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

/** Upload errors as the product API answers bad input: in Chinese, naming the field; too large is 413. */
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
