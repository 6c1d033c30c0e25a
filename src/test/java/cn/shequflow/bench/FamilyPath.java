package cn.shequflow.bench;

import java.util.List;
import java.util.Map;

/**
 * The happy path of one family over REST as the demo users (docs/benchmarks.md, "Every family"): a
 * fixed sequence of calls, each answer checked. {@link LeaveBenchmark} counts and times any of them.
 */
interface FamilyPath {

  /** The name {@code -Dbench.families} selects it by (leave, expense, incident, move, correction). */
  String name();

  /** The heading line of its tables. */
  String title();

  /** The calls of one case, in order; each is also the {@code X-Bench-Call} header of its request. */
  String[] calls();

  /**
   * One case. {@code who} picks the people (any number: taken modulo the path's own list), {@code n}
   * numbers the case for the texts; {@code latencies} (or null) gets each call's time by call name.
   */
  void runCase(int who, int n, Map<String, List<Long>> latencies) throws Exception;
}
