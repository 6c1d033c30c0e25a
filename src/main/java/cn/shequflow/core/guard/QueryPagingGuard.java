package cn.shequflow.core.guard;

import cn.shequflow.core.process.InvalidInputException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/** Paging of any engine query: a negative first result or page size is refused (400), not sent to SQL. */
@Component
public class QueryPagingGuard implements CommandGuard {

  @Override
  public void check(Command<?> command, Caller caller) {
    if (command instanceof AbstractQuery<?, ?> query) {
      if (query.getFirstResult() < 0) {
        throw new InvalidInputException("firstResult", "firstResult 不能为负数");
      }
      if (query.getMaxResults() < 0) {
        throw new InvalidInputException("maxResults", "maxResults 不能为负数");
      }
    }
  }
}
