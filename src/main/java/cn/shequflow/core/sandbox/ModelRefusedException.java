package cn.shequflow.core.sandbox;

import cn.shequflow.core.process.InvalidInputException;

/**
 * A deployment refused by {@link ModelCheck}: 400 naming the element (the field is the element's
 * id), nothing written; the refusal itself is an audit entry.
 */
public class ModelRefusedException extends InvalidInputException {

  public ModelRefusedException(String elementId, String message) {
    super(elementId, message);
  }
}
