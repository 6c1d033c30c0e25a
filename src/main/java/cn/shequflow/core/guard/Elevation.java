package cn.shequflow.core.guard;

/**
 * Lets a guard that has checked a command itself run it without the person's own engine
 * permissions (tasks grant people only TASK_WORK, so handing a task on to an eligible colleague
 * needs this). Only {@link GuardInterceptor} reads it, for the one command being checked.
 */
public final class Elevation {

  private static final ThreadLocal<Boolean> REQUESTED = new ThreadLocal<>();

  private Elevation() {}

  public static void request() {
    REQUESTED.set(Boolean.TRUE);
  }

  static boolean take() {
    boolean requested = Boolean.TRUE.equals(REQUESTED.get());
    REQUESTED.remove();
    return requested;
  }
}
