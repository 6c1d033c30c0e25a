package cn.shequflow.core.guard;

import java.util.function.Supplier;

/**
 * The product's own work on the engine (its approval operations, start-up data), which the guards
 * let through because the product has already checked who may do it. Never wrap anything a client
 * chose: only the product's own, fixed commands.
 */
public final class Trusted {

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private Trusted() {}

  public static <T> T run(Supplier<T> work) {
    DEPTH.set(DEPTH.get() + 1);
    try {
      return work.get();
    } finally {
      int depth = DEPTH.get() - 1;
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  public static void run(Runnable work) {
    run(() -> {
      work.run();
      return null;
    });
  }

  public static boolean active() {
    return DEPTH.get() > 0;
  }
}
