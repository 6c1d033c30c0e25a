package cn.shequflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.core.process.Clock;
import cn.shequflow.support.RestClient;
import cn.shequflow.support.StartForms;
import cn.shequflow.support.RestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supervisors' queries at the size of a large street's year (issues 20 and 21, docs/benchmarks.md):
 * the 业务统计 dashboard and the 台账 over 200,000 cases. Not a timed test: it asserts only that each
 * route answers 200 over the data, and prints a table of latencies.
 *
 * <pre>
 * mvn -Pbench test -Dbench.mode=scale             # H2 file database, 200,000 cases (-Dbench.scale.cases=N)
 * mvn -Pbench,mariadb test -Dbench.mode=scale     # the same on MariaDB (database shequ_bench, made afresh)
 * mvn -Pbench test -Dbench.mode=smoke             # with the leave benchmark's smoke run: 2,000 cases (.ci/run)
 * </pre>
 *
 * A few real cases of each family are filed through the API (leave approved and reported back,
 * refused, waiting; expenses within and above the director's authority; incidents signed for and
 * waiting; a property loan), then {@link CaseCloner} copies their rows over the past year and the two
 * communities of the demo organisation. The routes are then called over HTTP as the demo users who
 * read them, each several times.
 */
@EnabledIfSystemProperty(named = "shequ.bench", matches = "scale|smoke")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "logging.level.root=warn"})
class ScaleBenchmark extends BenchApp {

  static final String LEAVE = "/engine-rest/process-definition/key/leave-request/start";
  static final String EXPENSE = "/engine-rest/process-definition/key/expense-approval/start";
  static final String INCIDENT = "/engine-rest/process-definition/key/incident-report/start";
  static final String LOAN = "/engine-rest/process-definition/key/property-loan/start";


  JdbcTemplate jdbc;

  @Test
  void supervisorsQueriesAtScale() throws Exception {
    // The REST API serves the engine registered last: this context's, when another benchmark ran before.
    org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
    jdbc = new JdbcTemplate(dataSource);
    boolean smoke = "smoke".equals(System.getProperty("shequ.bench"));
    int cases = smoke ? 2_000 : Integer.getInteger("bench.scale.cases", 200_000);
    int reps = smoke ? 2 : Integer.getInteger("bench.scale.reps", 15);
    long budget = Integer.getInteger("bench.scale.budget", 30) * 1_000_000_000L;

    StringBuilder out = new StringBuilder();
    out.append("\n== Shequ Flow benchmark: the supervisors' queries over ").append(String.format("%,d", cases))
        .append(" cases").append(smoke ? "   (smoke run)" : "").append('\n');
    out.append("database: ").append(BenchDatabase.mariadb()
        ? "MariaDB/MySQL " + environment.getProperty("spring.datasource.url").replaceAll("\\?.*", "")
        : "H2 file " + environment.getProperty("spring.datasource.url").replaceAll(";.*", "")).append('\n');

    out.append(Heap.line("before loading"));
    // 1. The templates: real cases through the API.
    List<String> templates = fileTemplates();

    // 2. The copies, over the past year and the communities.
    long t0 = System.nanoTime();
    long rows = load(templates, cases);
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.append(String.format("loaded: %,d cases (%,d rows, copies of %d cases filed through the API) in %.0f s%n",
        cases, rows, templates.size(), seconds));
    // The inbox: copies of the leave waiting for zaozhi's director (zhang.director's 待办).
    int tasks = smoke ? 1_000 : Integer.getInteger("bench.scale.tasks", 100_000);
    t0 = System.nanoTime();
    String waiting = jdbc.queryForObject("select process_instance_id from biz_case where business_key = ?", String.class,
        templates.get(2));
    try (Connection connection = BenchDatabase.mariadb() ? BenchDatabase.bulkConnection() : dataSource.getConnection()) {
      EngineRowCloner engineRows = new EngineRowCloner(connection, waiting);
      for (int done = 0; done < tasks; done += 2_000) {
        engineRows.write(done, Math.min(tasks, done + 2_000));
      }
      out.append(String.format("loaded: %,d open tasks for zhang.director (%,d engine rows, copies of one waiting leave) in %.0f s%n",
          tasks, (long) tasks * engineRows.rowsPerCopy(), (System.nanoTime() - t0) / 1e9));
    }
    analyze();
    out.append(Heap.line(String.format("%,d cases and %,d open tasks loaded", cases, tasks)));
    out.append("register: ").append(jdbc.queryForList(
        "select family, count(*) as n from biz_case group by family order by family").stream()
        .map(r -> r.values().toArray()[0] + " " + String.format("%,d", ((Number) r.values().toArray()[1]).longValue()))
        .toList()).append('\n');

    // 3. The routes, each as the person who reads it.
    YearMonth month = YearMonth.from(Clock.today()).minusMonths(1);
    YearMonth first = YearMonth.from(Clock.today()).minusMonths(11);
    List<String[]> routes = List.of(
        new String[] {"li.leader", "/api/statistics/summary", "业务统计, 12 months, both communities"},
        new String[] {"li.leader", "/api/statistics/summary?from=" + month + "&to=" + month, "业务统计, 1 month"},
        new String[] {"li.leader", "/api/statistics/summary?community=zaozhi", "业务统计, 12 months, one community"},
        new String[] {"zhang.director", "/api/statistics/summary", "业务统计 of a director (his community)"},
        new String[] {"li.leader", "/api/statistics/overdue", "逾期清单"},
        new String[] {"zhang.director", "/api/leave/ledger", "请假台账, first page"},
        new String[] {"zhang.director", "/api/leave/ledger?month=" + month, "请假台账, one month"},
        new String[] {"zhang.director", "/api/leave/ledger?page=200", "请假台账, page 200"},
        new String[] {"zhang.director", "/api/leave/ledger?status=returned", "请假台账, by status"},
        new String[] {"zhang.director", "/api/expenses/ledger", "开支台账 (with totals)"},
        new String[] {"zhang.director", "/api/expenses/ledger?month=" + first, "开支台账, one month"},
        new String[] {"zhang.director", "/api/property-loans/ledger", "集体财物外借台账"},
        new String[] {"zhang.director", "/api/incidents", "事件登记簿 (with counts)"},
        new String[] {"zhang.director", "/api/incidents?light=GREEN&status=reported", "事件登记簿, reported, green"},
        new String[] {"liu.staff", "/api/cases/mine", "我的申请"});
    out.append(String.format("%n%-15s %10s %9s %9s %9s   %s%n", "as", "rows", "p50 ms", "p95 ms", "max ms", "route (times measured)"));
    for (String[] route : routes) {
      RestClient client = RestClient.as(port, route[0]);
      measure(out, reps, budget, route[0], route[2], "GET " + route[1], () -> client.get(route[1]), r -> rowsOf(r.json()));
    }

    // 4. The inbox as Tasklist asks for it: the 待办 filter's first page (with its variables) and its count.
    String todo = jdbc.queryForObject("select ID_ from ACT_RU_FILTER where NAME_ = ?", String.class,
        cn.shequflow.core.security.TasklistFilters.TODO);
    RestClient inbox = RestClient.as(port, "zhang.director");
    Map<String, Object> sorting = Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    measure(out, reps, budget, "zhang.director", "待办, first page of 15 (HAL, with variables)",
        "POST /engine-rest/filter/{待办}/list?firstResult=0&maxResults=15",
        () -> inbox.postHal("/engine-rest/filter/" + todo + "/list?firstResult=0&maxResults=15", sorting),
        r -> String.format("%,d", r.json().path("count").asLong(r.json().path("_embedded").path("task").size())));
    measure(out, reps, budget, "zhang.director", "待办, count", "GET /engine-rest/filter/{待办}/count",
        () -> inbox.get("/engine-rest/filter/" + todo + "/count"),
        r -> String.format("%,d", r.json().get("count").asLong()));

    out.append(Heap.line("after the inbox queries"));

    // 5. A month of a community's leave ledger to Excel (read through the JSON route page by page).
    RestClient director = RestClient.as(port, "zhang.director");
    List<Long> nanos = new ArrayList<>();
    long bytes = 0;
    long spent = System.nanoTime();
    for (int i = 0; i < Math.max(2, reps / 3) + 1 && (i < 2 || System.nanoTime() - spent < budget); i++) {
      long s = System.nanoTime();
      HttpResponse<byte[]> book = director.download("/api/leave/ledger?format=xlsx&month=" + month);
      if (i > 0) {
        nanos.add(System.nanoTime() - s);
      }
      assertThat(book.statusCode()).isEqualTo(200);
      bytes = book.body().length;
    }
    long monthRows = director.get("/api/leave/ledger?month=" + month).json().get("total").asLong();
    out.append(String.format("%-15s %10s %9.1f %9.1f %9.1f   %s%n", "zhang.director", String.format("%,d", monthRows),
        LeavePath.pct(nanos, 50), LeavePath.pct(nanos, 95), LeavePath.pct(nanos, 100),
        "请假台账, one month, .xlsx"));
    out.append(String.format("    GET /api/leave/ledger?format=xlsx&month=%s  (%,d bytes)%n", month, bytes));

    String report = out.toString();
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/benchmark-scale-" + BenchDatabase.name() + (smoke ? "-smoke" : "") + ".txt"), report);
  }

  /** Calls {@code call} after one warm-up up to {@code reps} times (within {@code budget}) and prints a line. */
  static void measure(StringBuilder out, int reps, long budget, String user, String label, String route,
      java.util.function.Supplier<Response> call, java.util.function.Function<Response, String> rows) {
    List<Long> nanos = new ArrayList<>();
    Response last = null;
    long spent = System.nanoTime();
    for (int i = 0; i < reps + 1; i++) {
      long s = System.nanoTime();
      last = call.get();
      if (i > 0) {
        nanos.add(System.nanoTime() - s);
      }
      assertThat(last.status()).as("%s as %s: %s", route, user, last.body()).isEqualTo(200);
      if (i > 0 && System.nanoTime() - spent > budget) {
        break;
      }
    }
    out.append(String.format("%-15s %10s %9.1f %9.1f %9.1f   %s%n", user, rows.apply(last),
        LeavePath.pct(nanos, 50), LeavePath.pct(nanos, 95), LeavePath.pct(nanos, 100),
        label + " (" + nanos.size() + ")"));
    out.append(String.format("    %s%n", route));
  }

  /** The number of rows a route covers: its {@code total}, or the families' filings of the dashboard. */
  static String rowsOf(JsonNode body) {
    if (body.has("total")) {
      return String.format("%,d", body.get("total").asLong());
    }
    if (body.has("families")) {
      long filed = 0;
      for (JsonNode f : body.get("families")) {
        filed += f.get("total").path("filed").asLong();
      }
      return String.format("%,d", filed);
    }
    if (body.has("items")) {
      return String.format("%,d", body.get("items").size());
    }
    return "";
  }

  // ---- the data ----

  /** Cases of each family in the states a year's register holds, filed through the API; their keys. */
  List<String> fileTemplates() {
    LocalDate today = Clock.today();
    List<String> keys = new ArrayList<>();
    // Leave: approved and reported back, refused, waiting for the director.
    String leave = start("liu.staff", LEAVE, leave(today, "家中有事"));
    complete("zhang.director", leave, Map.of("approved", true, "comment", "同意"));
    complete("liu.staff", leave, Map.of("returnedOn", today.toString()));
    keys.add(key(leave));
    String refused = start("chen.staff", LEAVE, leave(today.plusDays(1), "外出办事"));
    complete("zhang.director", refused, Map.of("approved", false, "comment", "近期工作忙"));
    keys.add(key(refused));
    keys.add(key(start("liu.staff", LEAVE, leave(today.plusDays(2), "看病"))));
    // Expenses: within the director's authority and approved; above it, waiting.
    String spent = start("chen.staff", EXPENSE, expense(300, 1));
    complete("zhang.director", spent, Map.of("approved", true, "comment", "同意"));
    keys.add(key(spent));
    keys.add(key(start("chen.staff", EXPENSE, expense(800, 2))));
    // Incidents: signed for, and waiting.
    String signed = start("he.grid", INCIDENT, incident("造纸社区东门"));
    complete("zhang.director", signed, Map.of("acceptNote", "已签收"));
    keys.add(key(signed));
    keys.add(key(start("he.grid", INCIDENT, incident("造纸社区西门"))));
    // A property loan waiting for the director.
    Map<String, Object> loan = new LinkedHashMap<>();
    loan.put("item", "折叠桌 10 张");
    loan.put("borrower", "造纸小学");
    loan.put("purpose", "学校运动会使用");
    loan.put("loanFrom", today.toString());
    loan.put("loanUntil", today.plusDays(2).toString());
    keys.add(key(start("liu.staff", LOAN, loan)));
    return keys;
  }

  long load(List<String> templateKeys, int cases) throws Exception {
    List<Map<String, Object>> communities = jdbc.queryForList(
        "select distinct c.community_id as id, c.community_name as name from biz_case c where c.community_id is not null");
    if (communities.size() < 2) {
      communities = jdbc.queryForList("select id, name from org_unit where unit_level = 'COMMUNITY' order by id");
    }
    Random random = new Random(20);
    long rows = 0;
    try (Connection connection = BenchDatabase.mariadb() ? BenchDatabase.bulkConnection() : dataSource.getConnection()) {
      CaseCloner cloner = new CaseCloner(connection);
      List<CaseCloner.Template> templates = new ArrayList<>();
      for (String key : templateKeys) {
        templates.add(cloner.read(key));
      }
      int batch = 2_000;
      for (int done = 0; done < cases; done += batch) {
        List<CaseCloner.Copy> copies = new ArrayList<>();
        for (int i = done; i < Math.min(cases, done + batch); i++) {
          CaseCloner.Template t = templates.get(i % templates.size());
          Map<String, Object> community = communities.get(random.nextInt(communities.size()));
          copies.add(new CaseCloner.Copy(t, String.format("SC%09d", i), value(community, "id"), value(community, "name"),
              random.nextInt(365)));
          for (var list : t.rows().values()) {
            rows += list.size();
          }
        }
        cloner.write(copies);
      }
    }
    return rows;
  }

  static String value(Map<String, Object> row, String column) {
    Object v = row.get(column);
    return v != null ? v.toString() : (String) row.get(column.toUpperCase());
  }

  /** Fresh statistics for the planner, as a database that has lived with its data would have. */
  void analyze() {
    if (BenchDatabase.mariadb()) {
      jdbc.execute("analyze table " + String.join(", ", CaseCloner.TABLES)
          + ", ACT_RU_EXECUTION, ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_VARIABLE, ACT_RU_AUTHORIZATION");
    } else {
      jdbc.execute("analyze");
    }
  }

  // ---- filing through the API ----

  String start(String user, String path, Map<String, Object> variables) {
    Response r = RestClient.as(port, user).post(path, RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  void complete(String user, String instance, Map<String, ?> variables) {
    RestClient client = RestClient.as(port, user);
    JsonNode tasks = client.get("/engine-rest/task?processInstanceId=" + instance).json();
    assertThat(tasks).as("%s's tasks in %s", user, instance).hasSize(1);
    Response r = client.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
        RestClient.variables(variables));
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  String key(String instance) {
    return jdbc.queryForObject("select business_key from biz_case where process_instance_id = ?", String.class, instance);
  }

  static Map<String, Object> leave(LocalDate day, String reason) {
    return StartForms.leave(day, 1, reason);
  }

  static Map<String, Object> expense(int amount, int n) {
    return StartForms.expense(amount, "办公用品采购（第 " + n + " 批）", n == 1 ? "刘洋" : "马丽");
  }

  static Map<String, Object> incident(String location) {
    return StartForms.incident(location, location + "井盖破损");
  }
}
