package cn.shequflow.core.process;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps exceptions thrown by listeners and delegates (for example "Exception while
 * invoking TaskListener"), which the REST API would report as HTTP 500. This interceptor sits
 * outside the transaction interceptor: once the command has been rolled back it rethrows the
 * {@link InvalidInputException} found in the cause chain, so clients see the field and the reason.
 */
public class UnwrapInvalidInputInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      InvalidInputException invalid = find(e);
      if (invalid != null && invalid != e) {
        throw invalid;
      }
      throw e;
    }
  }

  static InvalidInputException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return invalid;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
