package cn.shequflow.bench;

import java.lang.reflect.Method;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts what the app sends to its database, through datasource-proxy: every statement by kind
 * (SELECT, INSERT, UPDATE, DELETE, other), every commit and rollback, and the rows each write
 * changed, keyed by the REST call being served ({@link #CALL}, set from the benchmark's
 * {@code X-Bench-Call} header), by who sent it (the calling stack, {@link #caller}) and by the
 * tables it touches ({@link #tableGroup}). Statements of a JDBC batch count one each.
 */
public final class SqlCounter implements QueryExecutionListener, MethodExecutionListener {

  /** The REST call the current thread serves; "background" for the job executor and schedulers. */
  public static final ThreadLocal<String> CALL = new ThreadLocal<>();

  /** What one figure is counted under. */
  public record Key(String call, String caller, String tables, String kind) {}

  private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<Key, LongAdder> rows = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> transactions = new ConcurrentHashMap<>();
  private final LongAdder roundTrips = new LongAdder();
  private final LongAdder batchedStatements = new LongAdder();
  private final ThreadLocal<Key> pendingUpdateCount = new ThreadLocal<>();
  private volatile boolean detailed = true;

  /** Whether to walk the stack for the caller of each statement (off during throughput runs). */
  public void detailed(boolean on) {
    detailed = on;
  }

  public void reset() {
    counts.clear();
    rows.clear();
    statements.clear();
    transactions.clear();
    roundTrips.reset();
    batchedStatements.reset();
  }

  /** Executions sent to the server while serving REST calls, a JDBC batch counting once. */
  public long roundTrips() {
    return roundTrips.sum();
  }

  /** Statements that were sent inside a JDBC batch while serving REST calls. */
  public long batchedStatements() {
    return batchedStatements.sum();
  }

  /** Executions per source and statement text (whitespace collapsed, cut at 100 characters), counted while detailed. */
  public Map<String, Long> statements() {
    Map<String, Long> copy = new TreeMap<>();
    statements.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  /** Commits and rollbacks by who ended the transaction ({@link #transactionOwner}), counted while detailed. */
  public Map<String, Long> transactions() {
    Map<String, Long> copy = new TreeMap<>();
    transactions.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  public Map<Key, Long> counts() {
    return snapshot(counts);
  }

  public Map<Key, Long> rows() {
    return snapshot(rows);
  }

  private static Map<Key, Long> snapshot(Map<Key, LongAdder> m) {
    Map<Key, Long> copy = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    m.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
  }

  @Override
  public void afterQuery(ExecutionInfo info, List<QueryInfo> queries) {
    String call = currentCall();
    String caller = detailed ? caller() : "-";
    boolean autoCommit = autoCommit(info.getStatement());
    Object result = info.getResult();
    int[] batchRows = result instanceof int[] a ? a : null;
    int batchIndex = 0;
    if (!"background".equals(call)) {
      roundTrips.increment();
    }
    for (QueryInfo q : queries) {
      String sql = q.getQuery();
      String kind = kind(sql);
      String tables = tableGroup(table(sql));
      int executions = info.isBatch() ? Math.max(1, q.getParametersList().size()) : 1;
      Key key = new Key(call, caller, tables, kind);
      if (info.isBatch() && !"background".equals(call)) {
        batchedStatements.add(executions);
      }
      add(counts, key, executions);
      if (detailed) {
        String text = sql.replaceAll("\\s+", " ").strip();
        statements.computeIfAbsent(String.format("%-32s %s", caller.length() > 32 ? caller.substring(0, 32) : caller, text.length() > 100 ? text.substring(0, 100) : text), k -> new LongAdder()).add(executions);
      }
      if (autoCommit && !"SELECT".equals(kind)) {
        add(counts, new Key(call, caller, tables, "AUTOCOMMIT"), executions);
      }
      if (isWrite(kind)) {
        if (batchRows != null) {
          long sum = 0;
          for (int i = 0; i < executions && batchIndex < batchRows.length; i++, batchIndex++) {
            int n = batchRows[batchIndex];
            sum += n == Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, n);
          }
          add(rows, key, sum);
        } else if (result instanceof Integer n) {
          add(rows, key, Math.max(0, n));
        } else if (result instanceof Long n) {
          add(rows, key, Math.max(0, n));
        } else if (result instanceof Boolean) {
          // execute(): MyBatis asks getUpdateCount() next (methodListener below).
          pendingUpdateCount.set(key);
        }
      }
    }
  }

  @Override
  public void beforeMethod(MethodExecutionContext context) {
  }

  @Override
  public void afterMethod(MethodExecutionContext context) {
    Method method = context.getMethod();
    String name = method.getName();
    if ("getUpdateCount".equals(name) || "getLargeUpdateCount".equals(name)) {
      Key key = pendingUpdateCount.get();
      if (key != null && context.getResult() instanceof Number n) {
        pendingUpdateCount.remove();
        add(rows, key, Math.max(0, n.longValue()));
      }
    } else if (("commit".equals(name) || "rollback".equals(name)) && method.getParameterCount() == 0
        && context.getTarget() instanceof java.sql.Connection) {
      add(counts, new Key(currentCall(), detailed ? caller() : "-", "-", name.toUpperCase(Locale.ROOT)), 1);
      if (detailed) {
        transactions.computeIfAbsent(name.toUpperCase(Locale.ROOT) + " from " + transactionOwner(), k -> new LongAdder()).increment();
      }
    }
  }

  private static void add(Map<Key, LongAdder> m, Key key, long n) {
    m.computeIfAbsent(key, k -> new LongAdder()).add(n);
  }

  private static String currentCall() {
    String call = CALL.get();
    return call == null ? "background" : call;
  }

  private static boolean autoCommit(Statement statement) {
    try {
      return statement != null && statement.getConnection().getAutoCommit();
    } catch (Exception e) {
      return false;
    }
  }

  static boolean isWrite(String kind) {
    return kind.equals("INSERT") || kind.equals("UPDATE") || kind.equals("DELETE");
  }

  static String kind(String sql) {
    String s = sql.stripLeading();
    int end = 0;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    String first = s.substring(0, end).toUpperCase(Locale.ROOT);
    return switch (first) {
      case "SELECT", "WITH" -> "SELECT";
      case "INSERT", "MERGE", "REPLACE" -> "INSERT";
      case "UPDATE" -> "UPDATE";
      case "DELETE" -> "DELETE";
      default -> "OTHER";
    };
  }

  private static final Pattern TABLE = Pattern.compile(
      "\\b(?:from|into|update|join)\\s+[`\"]?([A-Za-z0-9_]+)", Pattern.CASE_INSENSITIVE);

  static String table(String sql) {
    Matcher m = TABLE.matcher(sql);
    while (m.find()) {
      String t = m.group(1);
      if (!t.equalsIgnoreCase("select") && !t.equalsIgnoreCase("dual")) {
        return t.toLowerCase(Locale.ROOT);
      }
    }
    return "?";
  }

  /** The tables a statement touches, grouped as the report shows them. */
  static String tableGroup(String table) {
    if (table.startsWith("act_ru_authorization") || table.startsWith("act_id_")) {
      return "identity+authorization (ACT_ID_*, ACT_RU_AUTHORIZATION)";
    }
    if (table.startsWith("act_hi_dec")) {
      return "DMN history (ACT_HI_DEC*)";
    }
    if (table.startsWith("act_hi_")) {
      return "history (" + table.toUpperCase(Locale.ROOT) + ")";
    }
    if (table.startsWith("act_ru_meter") || table.startsWith("act_ru_task_meter")) {
      return "engine metrics (ACT_RU_METER_LOG)";
    }
    if (table.startsWith("act_ru_")) {
      return "engine runtime (" + table.toUpperCase(Locale.ROOT) + ")";
    }
    if (table.startsWith("act_re_") || table.startsWith("act_ge_")) {
      return "engine repository (" + table.toUpperCase(Locale.ROOT) + ")";
    }
    return switch (table) {
      case "biz_case", "biz_key_sequence", "case_event", "chain_head", "case_deadline" -> "register+timeline (biz_case, case_event, ...)";
      case "audit_entry", "personal_data_reveal" -> "audit (audit_entry)";
      case "notification", "notice_delivery" -> "notices (notification, notice_delivery)";
      case "org_unit", "org_person", "org_role_assignment", "org_community_assembly" -> "organisation (org_*)";
      case "approval_step" -> "approval chain (approval_step)";
      case "case_cc", "case_file", "file_blob" -> "inbox+files (case_cc, case_file)";
      default -> table.startsWith("leave_") ? "leave tables (leave_*)" : "other (" + table + ")";
    };
  }

  private static final StackWalker WALKER = StackWalker.getInstance();

  /**
   * Who ends a transaction: the first frame of the calling stack that is not JDBC, the pool, the
   * proxy, Spring's transaction code or a command interceptor of the engine (e.g.
   * {@code ExecuteJobHelper.invokeJobListener} for the job executor's success listener).
   */
  static String transactionOwner() {
    return WALKER.walk(frames -> frames
        .map(f -> f.getClassName() + "." + f.getMethodName())
        .filter(f -> !(f.startsWith("net.ttddyy.") || f.startsWith("com.zaxxer.") || f.startsWith("com.mysql.")
            || f.startsWith("org.mariadb.") || f.startsWith("org.springframework.") || f.startsWith("java.")
            || f.startsWith("jdk.") || f.startsWith("sun.") || f.startsWith("cn.shequflow.bench.")
            || f.startsWith("org.camunda.bpm.engine.impl.interceptor.") || f.startsWith("org.camunda.bpm.engine.spring.")
            || f.contains("$Proxy") || f.endsWith(".execute") && f.startsWith("cn.shequflow.core.")
            || f.endsWith(".withProductRights") || f.contains("Interceptor")))
        .limit(2)
        .map(f -> f.substring(f.lastIndexOf('.', f.lastIndexOf('.') - 1) + 1))
        .reduce((a, b) -> a + " < " + b).orElse("?"));
  }

  /**
   * Who sent the statement, from the calling stack: authentication (Camunda's REST authentication
   * filter and provider) before anything else, then a command guard, then the innermost class of
   * the product (a delegate, listener, mapper user), then the engine serving a REST call. Command
   * interceptors and filters that only pass a call on are skipped.
   */
  static String caller() {
    return WALKER.walk(frames -> {
      String guard = null;
      String product = null;
      String other = null;
      String deeper = "";
      String deeperMethod = "";
      for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
        String cls = f.getClassName();
        String method = f.getMethodName();
        String was = deeper;
        String wasMethod = deeperMethod;
        deeper = cls;
        deeperMethod = method;
        if (cls.startsWith("org.camunda.bpm.engine.rest.security.auth.") && !method.equals("doFilter")
            || cls.equals("cn.shequflow.core.security.AuditedAuthenticationFilter")
            && !method.startsWith("doFilter")) {
          return "authentication";
        }
        if (cls.startsWith("cn.shequflow.") && !cls.startsWith("cn.shequflow.bench.")) {
          String simple = cls.substring(cls.lastIndexOf('.') + 1);
          int inner = simple.indexOf('$');
          if (inner > 0) {
            simple = simple.substring(0, inner);
          }
          // A command interceptor of the product that passes the command on down the chain.
          boolean interceptorPassing = (method.equals("execute") || method.equals("withProductRights"))
              && wasMethod.equals("execute")
              && (was.startsWith("org.camunda.bpm.engine.impl.interceptor.") || was.startsWith("org.camunda.bpm.engine.spring.")
                  || was.contains("Interceptor") || was.startsWith("cn.shequflow.core."));
          boolean passOn = method.startsWith("doFilter") || was.startsWith("org.apache.catalina.core.ApplicationFilterChain")
              || was.startsWith("org.springframework.web.filter.")
              || simple.equals("Trusted") || simple.equals("GuardInterceptor") || interceptorPassing
              // the product's job executor (Camunda's, one transaction less per job): the engine's work
              || simple.equals("JobExecution");
          if (passOn) {
            continue;
          }
          String pkg = cls.substring("cn.shequflow.".length(), cls.lastIndexOf('.'));
          boolean isGuard = pkg.startsWith("core.guard") || pkg.startsWith("core.contract")
              || pkg.startsWith("core.duties") || simple.endsWith("Guard") || simple.endsWith("Check");
          if (isGuard && guard == null) {
            guard = "guards: " + simple;
          } else if (!isGuard && product == null) {
            product = "product: " + simple;
          }
          continue;
        }
        if (other == null) {
          if (cls.startsWith("org.camunda.bpm.engine.rest.")) {
            other = "engine (REST command)";
          } else if (cls.startsWith("org.camunda.bpm.engine.impl.jobexecutor.")) {
            other = "job executor";
          } else if (cls.startsWith("org.camunda.bpm.engine.impl.metrics.")) {
            other = "engine metrics";
          } else if (cls.startsWith("org.camunda.bpm.webapp.")) {
            other = "webapps";
          }
        }
      }
      return guard != null ? guard : product != null ? product : other != null ? other : "other";
    });
  }
}
