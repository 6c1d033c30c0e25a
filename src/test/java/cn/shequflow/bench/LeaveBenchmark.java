package cn.shequflow.bench;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The benchmark of issue 21 (docs/benchmarks.md), not a timed test: it asserts only that each REST
 * call answers as the family's path expects, and prints tables: the leave path first, then each other
 * family's happy path ({@link FamilyPaths}; {@code -Dbench.families=leave,expense,incident,move,correction}
 * picks some, default all), then one line per family.
 *
 * <pre>
 * mvn -Pbench test                       # H2 file database in target/bench/
 * mvn -Pbench,mariadb test               # MariaDB at 127.0.0.1:3306 (root), database shequ_bench, made afresh
 * mvn -Pbench test -Dbench.mode=smoke    # seconds: 3 leave cases, 1 client, and 1 case of each other family (.ci/run)
 * </pre>
 *
 * The app runs as in production as far as the database is concerned (job executor and metrics on,
 * history full, authorization on); the leave path is driven over HTTP as the demo users: the
 * applicant starts (1), the director lists the case's tasks (2) and approves (3), the applicant
 * lists the case's tasks (4) and reports back (5). Every statement, commit and written row is
 * counted by {@link SqlCounter} behind the app's DataSource.
 */
@EnabledIfSystemProperty(named = "shequ.bench", matches = "full|smoke")
@ProductionLikeApp
class LeaveBenchmark extends BenchApp {

  static boolean mariadb() {
    return BenchDatabase.mariadb();
  }

  @Autowired SqlCounter counter;


  @Test
  void leavePath() throws Exception {
    ProcessEngines.registerProcessEngine(engine);
    boolean smoke = "smoke".equals(System.getProperty("shequ.bench"));
    List<FamilyPath> paths = selected(FamilyPaths.all("http://localhost:" + port, cn.shequflow.core.process.Clock::today));
    StringBuilder out = new StringBuilder();
    List<String> summary = new ArrayList<>();
    for (FamilyPath path : paths) {
      summary.add(family(path, smoke, out));
    }
    if (paths.size() > 1 || !paths.get(0).name().equals("leave")) {
      out.append("\n== Every family: cost per case (1 client) and throughput (wall clock)\n");
      out.append(String.format("%-11s %6s %9s %7s %7s %8s %8s %9s %9s %9s %9s%n", "family", "calls", "statemts", "SELECT",
          "writes", "commits", "rows wr", "cases/s1", "p95 1c", "cases/s8", "p95 8c"));
      summary.forEach(out::append);
      out.append("(statements, SELECT, writes = INSERT+UPDATE+DELETE, commits, rows written: per case, in the REST calls, "
          + "background left out; p95 of all calls in ms)\n");
    }
    String report = out.toString();
    System.out.println(report);
    Files.writeString(Path.of("target/benchmark-" + (mariadb() ? "mariadb" : "h2") + (smoke ? "-smoke" : "") + ".txt"), report);
  }

  /** The families {@code -Dbench.families} names (comma-separated; default all), in the benchmark's order. */
  static List<FamilyPath> selected(List<FamilyPath> all) {
    String wanted = System.getProperty("bench.families", "").trim();
    if (wanted.isEmpty() || wanted.equals("all")) {
      return all;
    }
    List<String> names = Arrays.stream(wanted.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    List<String> known = all.stream().map(FamilyPath::name).toList();
    for (String name : names) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("bench.families: unknown family " + name + " (known: " + known + ")");
      }
    }
    return all.stream().filter(p -> names.contains(p.name())).toList();
  }

  /** One family's tables (leave's exactly as before the other families came); its line of the summary. */
  String family(FamilyPath path, boolean smoke, StringBuilder out) throws Exception {
    String[] calls = path.calls();
    boolean leave = path.name().equals("leave");
    int warmup = smoke ? 0 : Integer.getInteger("bench.warmup", 20);
    int costCases = smoke ? (leave ? 3 : 1) : Integer.getInteger("bench.cases", 20);
    int[] clients = smoke ? new int[] {1} : new int[] {1, 8};
    int perClient1 = smoke ? (leave ? 3 : 0) : Integer.getInteger("bench.throughput.cases", 40);
    int perClient8 = smoke ? 0 : Integer.getInteger("bench.throughput.cases8", 15);

    String db = mariadb() ? "MariaDB/MySQL " + environment.getProperty("spring.datasource.url").replaceAll("\\?.*", "")
        : "H2 file " + environment.getProperty("spring.datasource.url").replaceAll(";.*", "");
    out.append("\n== Shequ Flow benchmark: ").append(path.title()).append('\n');
    out.append("database: ").append(db).append(smoke ? "   (smoke run)" : "").append('\n');
    out.append("history level: ").append(engine.getProcessEngineConfiguration().getHistory())
        .append(", jdbcBatchProcessing: ").append(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            engine.getProcessEngineConfiguration()).isJdbcBatchProcessing()).append('\n');

    // Warm-up, not counted.
    counter.detailed(false);
    for (int i = 0; i < warmup; i++) {
      path.runCase(0, i, null);
    }

    // 1. Cost per case, one client, every statement classified by its caller.
    counter.detailed(true);
    counter.reset();
    Map<String, Long> serverBefore = serverCounters();
    for (int i = 0; i < costCases; i++) {
      path.runCase(i, i, null);
    }
    Map<String, Long> serverAfter = serverCounters();
    Map<SqlCounter.Key, Long> counts = counter.counts();
    Map<SqlCounter.Key, Long> rows = counter.rows();
    costTables(out, costCases, counts, rows);
    out.append(String.format("round trips to the database per case: %.1f (a JDBC batch is one; %.1f statements per case "
        + "were sent in batches%s)%n", counter.roundTrips() / (double) costCases,
        counter.batchedStatements() / (double) costCases, rewritesBatches() ? ", and the driver rewrites a batch of "
        + "INSERTs into one statement: rewriteBatchedStatements" : ""));
    if (!serverAfter.isEmpty()) {
      out.append("the server's own counters per case (SHOW GLOBAL STATUS: every client of the server, so exact only on a "
          + "quiet server; a rewritten batch of INSERTs is one):");
      serverAfter.forEach((name, value) -> out.append(String.format(" %s %.1f", name,
          (value - serverBefore.getOrDefault(name, 0L)) / (double) costCases)));
      out.append('\n');
    }
    frequentStatements(out, costCases, counter.statements());
    long[] totals = new long[5]; // statements, SELECT, INSERT+UPDATE+DELETE, commits, rows written
    counts.forEach((k, v) -> {
      if (k.call().equals("background")) {
        return;
      }
      switch (k.kind()) {
        case "SELECT" -> { totals[0] += v; totals[1] += v; }
        case "INSERT", "UPDATE", "DELETE" -> { totals[0] += v; totals[2] += v; }
        case "OTHER" -> totals[0] += v;
        case "COMMIT" -> totals[3] += v;
        default -> { }
      }
    });
    rows.forEach((k, v) -> {
      if (!k.call().equals("background")) {
        totals[4] += v;
      }
    });

    // 2. Throughput and latency per call, 1 and 8 clients.
    counter.detailed(false);
    out.append("\n-- Throughput and latency per REST call (wall clock; this machine: 2 cores, shared)\n");
    int width = Math.max(26, Arrays.stream(calls).mapToInt(String::length).max().orElse(0));
    String head = "%-8s %6s %9s %9s   %-" + width + "s %8s %8s %8s%n";
    out.append(String.format(head, "clients", "cases", "cases/s", "calls/s", "call", "p50 ms", "p95 ms", "p99 ms"));
    double[] rate = {Double.NaN, Double.NaN};
    double[] p95 = {Double.NaN, Double.NaN};
    for (int c : clients) {
      int perClient = c == 1 ? perClient1 : perClient8;
      if (perClient == 0) {
        continue;
      }
      Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(c);
      long t0 = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int k = 0; k < c; k++) {
        int client = k;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perClient; i++) {
            path.runCase(client, i, latencies);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      pool.shutdown();
      int cases = c * perClient;
      List<Long> all = new ArrayList<>();
      latencies.values().forEach(all::addAll);
      rate[c == 1 ? 0 : 1] = cases / seconds;
      p95[c == 1 ? 0 : 1] = LeavePath.pct(all, 95);
      out.append(String.format("%-8d %6d %9.1f %9.1f   %-" + width + "s %8.1f %8.1f %8.1f%n", c, cases, cases / seconds,
          cases * calls.length / seconds, "all calls", LeavePath.pct(all, 50), LeavePath.pct(all, 95), LeavePath.pct(all, 99)));
      for (String call : calls) {
        List<Long> l = latencies.getOrDefault(call, List.of());
        out.append(String.format("%-8s %6s %9s %9s   %-" + width + "s %8.1f %8.1f %8.1f%n", "", "", "", "", call,
            LeavePath.pct(l, 50), LeavePath.pct(l, 95), LeavePath.pct(l, 99)));
      }
    }
    double n = costCases;
    return String.format("%-11s %6d %9.1f %7.1f %7.1f %8.1f %8.1f %9s %9s %9s %9s%n", path.name(), calls.length,
        totals[0] / n, totals[1] / n, totals[2] / n, totals[3] / n, totals[4] / n, figure(rate[0], "%.2f"),
        figure(p95[0], "%.1f"), figure(rate[1], "%.2f"), figure(p95[1], "%.1f"));
  }

  static String figure(double value, String format) {
    return Double.isNaN(value) ? "-" : String.format(format, value);
  }

  // ---- the cost tables ----

  static final List<String> KINDS = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "OTHER");

  void costTables(StringBuilder out, int cases, Map<SqlCounter.Key, Long> counts, Map<SqlCounter.Key, Long> rows) {
    Map<SqlCounter.Key, Long> inCalls = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    long background = 0;
    for (var e : counts.entrySet()) {
      if (e.getKey().call().equals("background")) {
        background += e.getValue();
      } else {
        inCalls.put(e.getKey(), e.getValue());
      }
    }
    out.append("\n-- Cost per case (").append(cases).append(" cases, 1 client): statements, commits and rows written\n");
    out.append("   (statements counted one per execution, a JDBC batch one per entry; \"autocommit\" = writes outside a\n")
        .append("   transaction, each its own commit; background work (job executor, schedulers): ")
        .append(String.format("%.1f", background / (double) cases)).append(" statements per case, not in the table)\n");
    header(out, "source (calling stack)");
    section(out, cases, inCalls, rows, SqlCounter.Key::caller, true);
    header(out, "tables");
    section(out, cases, inCalls, rows, SqlCounter.Key::tables, false);
    out.append("\n-- Cost per REST call (per call, averaged over the cases)\n");
    header(out, "REST call");
    section(out, cases, inCalls, rows, SqlCounter.Key::call, true);
  }

  /** MariaDB/MySQL's statement and commit counters (empty on H2). */
  Map<String, Long> serverCounters() {
    Map<String, Long> counters = new TreeMap<>();
    if (!mariadb()) {
      return counters;
    }
    try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
        var result = statement.executeQuery("show global status where Variable_name in ('Com_select', 'Com_insert', "
            + "'Com_update', 'Com_delete', 'Com_commit', 'Questions')")) {
      while (result.next()) {
        counters.put(result.getString(1), result.getLong(2));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return counters;
  }

  boolean rewritesBatches() {
    return String.valueOf(environment.getProperty("spring.datasource.url")).contains("rewriteBatchedStatements=true");
  }

  /** The statements sent most often per case (background work included), to see what to cut. */
  static void frequentStatements(StringBuilder out, int cases, Map<String, Long> statements) {
    out.append("\n-- Most frequent statements (executions per case, background included; source, then the text cut at 100 characters)\n");
    statements.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(Integer.getInteger("bench.statements", 40))
        .forEach(e -> out.append(String.format("%7.1f  %s%n", e.getValue() / (double) cases, e.getKey())));
  }

  /** Names in order, a leading call number by its value (2 before 10), else as text. */
  static int byCallNumber(String a, String b) {
    java.util.regex.Matcher x = CALL_NUMBER.matcher(a);
    java.util.regex.Matcher y = CALL_NUMBER.matcher(b);
    if (x.find() && y.find()) {
      int c = Integer.compare(Integer.parseInt(x.group(1)), Integer.parseInt(y.group(1)));
      if (c != 0) {
        return c;
      }
    }
    return a.compareTo(b);
  }

  static final java.util.regex.Pattern CALL_NUMBER = java.util.regex.Pattern.compile("^(\\d+) ");

  static void header(StringBuilder out, String first) {
    out.append(String.format("%-58s %7s %7s %7s %7s %7s %7s %8s %7s %7s %7s%n", first, "SELECT", "INSERT", "UPDATE", "DELETE",
        "other", "total", "rows wr", "commits", "rollbk", "autocmt"));
  }

  static void section(StringBuilder out, int cases, Map<SqlCounter.Key, Long> counts, Map<SqlCounter.Key, Long> rows,
      Function<SqlCounter.Key, String> by, boolean withCommits) {
    Map<String, long[]> lines = new TreeMap<>(LeaveBenchmark::byCallNumber);
    long[] total = new long[10];
    for (var e : counts.entrySet()) {
      String k = by.apply(e.getKey());
      if (!withCommits && k.equals("-")) {
        continue;
      }
      long[] line = lines.computeIfAbsent(k, x -> new long[10]);
      int i = switch (e.getKey().kind()) {
        case "SELECT" -> 0;
        case "INSERT" -> 1;
        case "UPDATE" -> 2;
        case "DELETE" -> 3;
        case "OTHER" -> 4;
        case "COMMIT" -> 7;
        case "ROLLBACK" -> 8;
        case "AUTOCOMMIT" -> 9;
        default -> throw new IllegalStateException(e.getKey().kind());
      };
      line[i] += e.getValue();
      total[i] += e.getValue();
      if (i <= 4) {
        line[5] += e.getValue();
        total[5] += e.getValue();
      }
    }
    for (var e : rows.entrySet()) {
      if (e.getKey().call().equals("background")) {
        continue;
      }
      long[] line = lines.computeIfAbsent(by.apply(e.getKey()), x -> new long[10]);
      line[6] += e.getValue();
      total[6] += e.getValue();
    }
    lines.forEach((k, v) -> row(out, "  " + k, v, cases, withCommits));
    row(out, "  all", total, cases, withCommits);
  }

  static void row(StringBuilder out, String name, long[] v, int cases, boolean withCommits) {
    double[] d = Arrays.stream(v).mapToDouble(x -> x / (double) cases).toArray();
    out.append(String.format("%-58s %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f %8.1f %7s %7s %7s%n",
        name.length() > 58 ? name.substring(0, 58) : name, d[0], d[1], d[2], d[3], d[4], d[5], d[6],
        withCommits ? String.format("%.1f", d[7]) : "", withCommits ? String.format("%.1f", d[8]) : "",
        String.format("%.1f", d[9])));
  }
}
