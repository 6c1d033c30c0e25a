package cn.shequflow.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The client of {@code ops/bench/compare} (docs/benchmarks.md, "Against today's main and plain
 * Camunda"): drives {@link LeavePath} against a server started apart and writes its figures to a
 * file; {@code --table} prints the figures of several servers side by side with their ratios.
 *
 * <pre>
 * java … CompareClient --measure LABEL URL RESULT_FILE
 * java … CompareClient --table RESULT_FILE…   (the first is the subject: HEAD; ratios against the others)
 * </pre>
 *
 * Options as system properties: {@code bench.warmup} (20), {@code bench.cases} (cases between the two
 * readings of the server's counters, 20), {@code bench.throughput.cases} (1 client, 40),
 * {@code bench.throughput.cases8} (per client of 8, 15). The statements and commits are MariaDB's own
 * counters ({@code SHOW GLOBAL STATUS}: {@code TEST_DB_HOST}, {@code TEST_DB_PORT}, {@code TEST_DB_USER},
 * {@code TEST_DB_PASSWORD}), read before and after the counted cases: they include whatever else the
 * server ran meanwhile (the app's job executor, other clients of the same MariaDB), which is why the
 * rate of statements with no case running is measured and printed too.
 */
public final class CompareClient {

  static final String[] STATUS = {"Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit",
      "Com_rollback", "Questions"};
  /** information_schema.USER_STATISTICS (MariaDB with userstat on): what the server's own user sent. */
  static final String[] USER_STATS = {"SELECT_COMMANDS", "UPDATE_COMMANDS", "OTHER_COMMANDS", "COMMIT_TRANSACTIONS",
      "ROLLBACK_TRANSACTIONS", "ROWS_INSERTED", "ROWS_UPDATED", "ROWS_DELETED", "BUSY_TIME", "CPU_TIME"};

  private CompareClient() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length >= 4 && args[0].equals("--measure")) {
      measure(args[1], args[2], Path.of(args[3]));
    } else if (args.length >= 2 && args[0].equals("--table")) {
      List<Path> files = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        files.add(Path.of(args[i]));
      }
      System.out.print(table(files));
    } else {
      System.err.println("usage: CompareClient --measure LABEL URL RESULT_FILE | --table RESULT_FILE...");
      System.exit(2);
    }
  }

  static void measure(String label, String url, Path result) throws Exception {
    int warmup = Integer.getInteger("bench.warmup", 20);
    int cases = Integer.getInteger("bench.cases", 20);
    int perClient1 = Integer.getInteger("bench.throughput.cases", 40);
    int perClient8 = Integer.getInteger("bench.throughput.cases8", 15);
    LeavePath path = new LeavePath(url, () -> LocalDate.now(ZoneId.of("Asia/Shanghai")));
    Properties out = new Properties();
    out.setProperty("label", label);
    out.setProperty("url", url);

    System.out.printf("[%s] warm-up: %d cases%n", label, warmup);
    for (int i = 0; i < warmup; i++) {
      path.runCase(i % LeavePath.PEOPLE.length, i, null);
    }

    try (Connection db = server()) {
      // What the server counts with no case running (job executor, metrics, other clients): 10 s.
      Map<String, Long> a = status(db);
      long t0 = System.nanoTime();
      Thread.sleep(10_000);
      Map<String, Long> b = status(db);
      double idle = (System.nanoTime() - t0) / 1e9;
      out.setProperty("idle.Questions.per.s", String.format("%.1f", (b.get("Questions") - a.get("Questions")) / idle));

      System.out.printf("[%s] counted: %d cases, 1 client%n", label, cases);
      String user = System.getProperty("bench.db.user");
      Map<String, Double> userBefore = userStatistics(db, user);
      Map<String, Long> before = status(db);
      t0 = System.nanoTime();
      for (int i = 0; i < cases; i++) {
        path.runCase(i % LeavePath.PEOPLE.length, i, null);
      }
      Map<String, Long> after = status(db);
      Map<String, Double> userAfter = userStatistics(db, user);
      if (userBefore != null && userAfter != null) {
        for (String s : USER_STATS) {
          out.setProperty("user.per.case." + s, String.format(s.endsWith("_TIME") ? "%.3f" : "%.1f",
              (userAfter.get(s) - userBefore.get(s)) / cases));
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      out.setProperty("counted.cases", String.valueOf(cases));
      out.setProperty("counted.seconds", String.format("%.1f", seconds));
      for (String s : STATUS) {
        out.setProperty("per.case." + s, String.format("%.1f", (after.get(s) - before.get(s)) / (double) cases));
      }
    }

    for (int clients : new int[] {1, 8}) {
      int perClient = clients == 1 ? perClient1 : perClient8;
      System.out.printf("[%s] throughput: %d client(s) x %d cases%n", label, clients, perClient);
      Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long t0 = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int k = 0; k < clients; k++) {
        int client = k;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perClient; i++) {
            path.runCase(client % LeavePath.PEOPLE.length, i, latencies);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      pool.shutdown();
      String p = "c" + clients + ".";
      out.setProperty(p + "cases", String.valueOf(clients * perClient));
      out.setProperty(p + "cases.per.s", String.format("%.2f", clients * perClient / seconds));
      List<Long> all = new ArrayList<>();
      latencies.values().forEach(all::addAll);
      out.setProperty(p + "all.p50", String.format("%.1f", LeavePath.pct(all, 50)));
      out.setProperty(p + "all.p95", String.format("%.1f", LeavePath.pct(all, 95)));
      for (int i = 0; i < LeavePath.CALLS.length; i++) {
        List<Long> l = latencies.getOrDefault(LeavePath.CALLS[i], List.of());
        out.setProperty(p + "call" + (i + 1) + ".p50", String.format("%.1f", LeavePath.pct(l, 50)));
        out.setProperty(p + "call" + (i + 1) + ".p95", String.format("%.1f", LeavePath.pct(l, 95)));
      }
    }
    Files.createDirectories(result.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(result, StandardCharsets.UTF_8)) {
      out.store(w, "ops/bench/compare: " + label);
    }
    System.out.printf("[%s] %s cases/s with 1 client, %s with 8%n", label, out.getProperty("c1.cases.per.s"),
        out.getProperty("c8.cases.per.s"));
  }

  static Connection server() throws SQLException {
    String host = System.getenv().getOrDefault("TEST_DB_HOST", "127.0.0.1");
    String port = System.getenv().getOrDefault("TEST_DB_PORT", "3306");
    return DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/?useSSL=false&allowPublicKeyRetrieval=true",
        System.getenv().getOrDefault("TEST_DB_USER", "root"), System.getenv().getOrDefault("TEST_DB_PASSWORD", ""));
  }

  /** The server's global counters; the reading itself adds one statement to Questions. */
  static Map<String, Long> status(Connection db) throws SQLException {
    Map<String, Long> m = new LinkedHashMap<>();
    try (ResultSet rs = db.createStatement().executeQuery("show global status where Variable_name in "
        + "('Com_select','Com_insert','Com_update','Com_delete','Com_commit','Com_rollback','Questions')")) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getLong(2));
      }
    }
    return m;
  }

  /** The user's line of USER_STATISTICS, or null when there is none (userstat off, no user named). */
  static Map<String, Double> userStatistics(Connection db, String user) throws SQLException {
    if (user == null || user.isBlank()) {
      return null;
    }
    try (var statement = db.prepareStatement("select " + String.join(", ", USER_STATS)
        + " from information_schema.USER_STATISTICS where USER = ?")) {
      statement.setString(1, user);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String s : USER_STATS) {
          m.put(s, rs.getDouble(s));
        }
        return m;
      }
    }
  }

  // ---- the table ----

  static String table(List<Path> files) throws IOException {
    List<Properties> servers = new ArrayList<>();
    for (Path f : files) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      servers.add(p);
    }
    StringBuilder out = new StringBuilder();
    out.append("\n== Leave path, 5 REST calls per case: the product at HEAD against others, same run, MariaDB\n");
    String[] cols = {"c1.cases.per.s", "c8.cases.per.s", "c1.all.p95", "c8.all.p95",
        "user.per.case.SELECT_COMMANDS", "user.per.case.UPDATE_COMMANDS", "user.per.case.OTHER_COMMANDS",
        "user.commits", "user.rows.written"};
    String[] heads = {"cases/s 1c", "cases/s 8c", "p95 1c ms", "p95 8c ms", "SELECT", "INS/UPD/DEL", "other",
        "commits~", "rows wr"};
    for (Properties p : servers) {
      double written = 0;
      boolean any = false;
      for (String k : new String[] {"ROWS_INSERTED", "ROWS_UPDATED", "ROWS_DELETED"}) {
        String v = p.getProperty("user.per.case." + k);
        if (v != null) {
          written += Double.parseDouble(v);
          any = true;
        }
      }
      if (any) {
        p.setProperty("user.rows.written", String.format("%.1f", written));
        // MariaDB's COMMIT_TRANSACTIONS also counts the statement-level commit of every statement that
        // touches a table (measured: a transaction of 2 SELECTs and COMMIT adds 3): take them away.
        p.setProperty("user.commits", String.format("%.1f",
            Double.parseDouble(p.getProperty("user.per.case.COMMIT_TRANSACTIONS"))
                - Double.parseDouble(p.getProperty("user.per.case.SELECT_COMMANDS"))
                - Double.parseDouble(p.getProperty("user.per.case.UPDATE_COMMANDS"))));
      }
    }
    row(out, "server", heads);
    for (Properties p : servers) {
      row(out, p.getProperty("label"), values(p, cols));
    }
    Properties subject = servers.get(0);
    for (int i = 1; i < servers.size(); i++) {
      Properties other = servers.get(i);
      String[] r = new String[cols.length];
      for (int k = 0; k < cols.length; k++) {
        r[k] = ratio(subject.getProperty(cols[k]), other.getProperty(cols[k]));
      }
      row(out, "ratio " + short_(subject) + "/" + short_(other), r);
    }
    out.append("(cases/s and p95 (all calls): wall clock, 1 and 8 clients. SELECT…rows wr: per case, what the server's own\n")
        .append(" MariaDB user sent over the counted cases (1 client; USER_STATISTICS): SELECT_COMMANDS, UPDATE_COMMANDS\n")
        .append(" (INSERT, UPDATE, DELETE), OTHER_COMMANDS (COMMIT, SET autocommit, ...), commits~ = COMMIT_TRANSACTIONS\n")
        .append(" - SELECT - INS/UPD/DEL (an estimate of the explicit COMMITs: MariaDB also counts a commit for each\n")
        .append(" statement that touches a table, autocommitted or not), rows inserted + updated + deleted. The server's\n")
        .append(" background work (job executor, metrics) in that time is included.)\n");

    out.append("\n-- The same interval in SHOW GLOBAL STATUS (the whole MariaDB server: other clients included), per case\n");
    String[] gcols = {"per.case.Com_select", "per.case.Com_insert", "per.case.Com_update", "per.case.Com_delete",
        "per.case.Com_commit", "per.case.Questions", "idle.Questions.per.s"};
    row(out, "server", new String[] {"Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit", "Questions",
        "idle Q/s"});
    for (Properties p : servers) {
      row(out, p.getProperty("label"), values(p, gcols));
    }
    out.append("(idle Q/s: Questions per second on the whole server over 10 s with no case running, after the warm-up.)\n");

    out.append("\n-- p50 / p95 per REST call, ms (1 client | 8 clients)\n");
    out.append(String.format("%-26s", "call"));
    for (Properties p : servers) {
      out.append(String.format(" %-33s", p.getProperty("label")));
    }
    out.append('\n');
    for (int k = 0; k < LeavePath.CALLS.length; k++) {
      out.append(String.format("%-26s", LeavePath.CALLS[k]));
      for (Properties p : servers) {
        String c = "call" + (k + 1);
        out.append(String.format(" %-33s", p.getProperty("c1." + c + ".p50") + " / " + p.getProperty("c1." + c + ".p95")
            + " | " + p.getProperty("c8." + c + ".p50") + " / " + p.getProperty("c8." + c + ".p95")));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String name, String[] values) {
    out.append(String.format("%-24s", name));
    for (String v : values) {
      out.append(String.format(" %11s", v));
    }
    out.append('\n');
  }

  private static String[] values(Properties p, String[] keys) {
    String[] v = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      v[i] = p.getProperty(keys[i], "-");
    }
    return v;
  }

  private static String short_(Properties p) {
    String label = p.getProperty("label");
    int space = label.indexOf(' ');
    return space > 0 ? label.substring(0, space) : label;
  }

  private static String ratio(String a, String b) {
    try {
      double x = Double.parseDouble(a);
      double y = Double.parseDouble(b);
      return y == 0 ? "-" : String.format("%.2f", x / y);
    } catch (RuntimeException e) {
      return "-";
    }
  }
}
