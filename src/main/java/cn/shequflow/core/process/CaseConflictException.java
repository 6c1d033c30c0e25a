package cn.shequflow.core.process;

/**
 * A request that is well formed but would leave a case inconsistent with what already happened
 * (a task claimed by someone else, a step already decided). Answered as HTTP 409 with a Chinese
 * message on /engine-rest, Tasklist's API and /api; nothing is written.
 */
public class CaseConflictException extends RuntimeException {

  public CaseConflictException(String message) {
    super(message);
  }
}
