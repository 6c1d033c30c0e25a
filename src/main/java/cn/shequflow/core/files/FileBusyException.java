package cn.shequflow.core.files;

import cn.shequflow.core.process.InvalidInputException;

/** Too many images being decoded at once to take one more now: 429, naming the field; nothing written. */
public class FileBusyException extends InvalidInputException {

  public FileBusyException(String field, String message) {
    super(field, message);
  }
}
