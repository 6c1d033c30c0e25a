package cn.shequflow.core.process;

import java.util.List;

/** The {@code taskId} list of the Tasklist decorations (deadlines, marks): at most one page and then some. */
public final class TaskIds {

  /** Tasklist's page holds 15 tasks; 50 covers a page and the open task with room to spare. */
  public static final int MAX = 50;

  private TaskIds() {}

  /** The ids, checked: 400 naming {@code taskId} for too many or a malformed one; empty for none. */
  public static String[] checked(List<String> taskIds) {
    if (taskIds == null || taskIds.isEmpty()) {
      return new String[0];
    }
    if (taskIds.size() > MAX) {
      throw new InvalidInputException("taskId", "一次最多查询 " + MAX + " 个任务");
    }
    for (String id : taskIds) {
      if (id == null || id.isBlank() || id.length() > 64) {
        throw new InvalidInputException("taskId", "任务编号无效");
      }
    }
    return taskIds.toArray(String[]::new);
  }
}
