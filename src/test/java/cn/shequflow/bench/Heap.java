package cn.shequflow.bench;

import java.lang.management.ManagementFactory;

/** The JVM's heap in use after garbage collection, for the benchmarks' memory figures. Test code only. */
final class Heap {

  private Heap() {
  }

  /** Heap used after a few full collections, in MiB (System.gc() is a request; asked three times). */
  static double usedAfterGcMiB() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  static String line(String when) {
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return String.format("heap after GC, %s: %.0f MiB (committed %.0f MiB, max %.0f MiB)%n", when, usedAfterGcMiB(),
        heap.getCommitted() / 1048576.0, heap.getMax() / 1048576.0);
  }
}
