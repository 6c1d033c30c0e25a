package cn.shequflow.core.sandbox;

import cn.shequflow.core.guard.Refusals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A saved Tasklist filter runs its query's expressions ({@code assigneeExpression},
 * {@code dueBeforeExpression} …) each time it is opened, so they follow the same
 * {@link ExpressionRules} as a deployed model: a filter whose query holds one outside them is
 * refused when it is saved, for everyone, administrators included (400 naming {@code query}, no row
 * written, the refusal an audit entry). {@link SandboxElResolver} remains the backstop for filters
 * saved before this check existed.
 */
public class FilterCheck extends CommandInterceptor {

  private final ExpressionRules rules;

  public FilterCheck(ExpressionRules rules) {
    this.rules = rules;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SaveFilterCmd) {
      Filter filter = Refusals.field(command, "filter");
      if (filter != null && filter.getQuery() instanceof TaskQueryImpl query) {
        check(query);
      }
    } else if (Context.getCommandContext() == null) {
      // A query sent by a person (not the engine's own nested run of a saved filter): no expression
      // at all, in the query or in an "or" branch (Camunda refuses them at the top only), nor in the
      // query that extends a saved filter's (POST /filter/{id}/list, /count).
      if (command instanceof AbstractExecuteFilterCmd
          && Refusals.field(command, "extendingQuery") instanceof TaskQueryImpl extending) {
        refuseAny(extending);
      } else if (command instanceof TaskQueryImpl query) {
        refuseAny(query);
      }
    }
    return next.execute(command);
  }

  private static void refuseAny(TaskQueryImpl query) {
    List<TaskQueryImpl> all = new ArrayList<>();
    all.add(query);
    if (query.getQueries() != null) {
      all.addAll(query.getQueries());
    }
    for (TaskQueryImpl branch : all) {
      if (branch.getExpressions() != null && !branch.getExpressions().isEmpty()) {
        throw new ModelRefusedException("query", "查询条件中不允许使用表达式：" + branch.getExpressions().keySet());
      }
    }
  }

  private void check(TaskQueryImpl query) {
    List<TaskQueryImpl> all = new ArrayList<>();
    all.add(query);
    if (query.getQueries() != null) {
      all.addAll(query.getQueries()); // the "or" branches, each with its own expressions
    }
    for (TaskQueryImpl branch : all) {
      Map<String, String> expressions = branch.getExpressions();
      if (expressions == null) {
        continue;
      }
      for (Map.Entry<String, String> e : expressions.entrySet()) {
        String refused = rules.refusal(e.getValue());
        if (refused != null) {
          throw new ModelRefusedException("query", "过滤器条件 " + e.getKey() + " 的表达式不被允许：" + refused);
        }
      }
    }
  }
}
