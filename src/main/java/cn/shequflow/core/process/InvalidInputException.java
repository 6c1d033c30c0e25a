package cn.shequflow.core.process;

/**
 * Input a user or client gave that a process refuses. Always names the field, so that Tasklist and
 * REST clients can say which value is wrong. Thrown inside engine commands, it rolls the whole
 * command back (no instance, job or half-written row is left) and reaches REST clients as HTTP 400.
 */
public class InvalidInputException extends RuntimeException {

  private final String field;
  private final String reason;

  public InvalidInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
    this.reason = message;
  }

  public String getField() {
    return field;
  }

  /** The Chinese reason alone, as a person reads it (the message adds the field name for logs). */
  public String getReason() {
    return reason;
  }
}
