package cn.shequflow.core.files;

import cn.shequflow.core.process.InvalidInputException;

/** An upload over the size limit: 413, naming the field. */
public class FileTooLargeException extends InvalidInputException {

  public FileTooLargeException(String field, String message) {
    super(field, message);
  }
}
