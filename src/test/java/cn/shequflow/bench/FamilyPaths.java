package cn.shequflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.StartForms;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The happy paths of the families other than leave ({@link LeavePath}) over REST as the demo users
 * (docs/benchmarks.md, "Every family"). Each is the sequence the family's REST tests walk
 * (ExpenseRestTest and MoneyAttackTest, IncidentRestTest and IncidentProcessTest, ResidentRestTest,
 * CorrectionRestTest), with the start forms of {@link StartForms}; every answer is checked as
 * {@link LeavePath} checks its own: the status, and that the person sees exactly the one task the
 * path expects next.
 */
final class FamilyPaths {

  private FamilyPaths() {}

  /** Every family in the benchmark's order; {@code rest} is the leave path, whose HTTP calls the others share. */
  static List<FamilyPath> all(String baseUrl, Supplier<LocalDate> today) {
    LeavePath leave = new LeavePath(baseUrl, today);
    return List.of(leave, new Expense(baseUrl, leave, today), new Incident(baseUrl, leave, today),
        new ResidentMove(baseUrl, leave, today), new CorrectionTravel(baseUrl, leave, today));
  }

  /** What the paths share: the calls of {@link LeavePath}, a task list that must hold one task, a completion. */
  abstract static class Steps implements FamilyPath {

    final String baseUrl;
    final LeavePath rest;
    final Supplier<LocalDate> today;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final AtomicLong SEQ = new AtomicLong();

    Steps(String baseUrl, LeavePath rest, Supplier<LocalDate> today) {
      this.baseUrl = baseUrl;
      this.rest = rest;
      this.today = today;
    }

    JsonNode start(Map<String, List<Long>> latencies, String call, String user, String key, Map<String, Object> form)
        throws Exception {
      JsonNode instance = rest.call(latencies, call, user, "POST", "/engine-rest/process-definition/key/" + key + "/start",
          LeavePath.variables(form), 200);
      assertThat(instance.get("id").asText()).as("%s started by %s", key, user).isNotBlank();
      return instance;
    }

    /** {@code user} lists the instance's tasks: exactly one, at {@code taskKey}; its id. */
    String onlyTask(Map<String, List<Long>> latencies, String call, String user, String pi, String taskKey) throws Exception {
      JsonNode tasks = rest.call(latencies, call, user, "GET", "/engine-rest/task?processInstanceId=" + pi, null, 200);
      assertThat(tasks).as("the tasks of %s in %s", user, pi).hasSize(1);
      assertThat(tasks.get(0).get("taskDefinitionKey").asText()).as("the task of %s in %s", user, pi).isEqualTo(taskKey);
      return tasks.get(0).get("id").asText();
    }

    void complete(Map<String, List<Long>> latencies, String call, String user, String taskId, Map<String, ?> values)
        throws Exception {
      rest.call(latencies, call, user, "POST", "/engine-rest/task/" + taskId + "/complete", LeavePath.variables(values), 204);
    }

    /** A multipart POST (a file and text fields), answered with {@code expected}; timed as a call. */
    void upload(Map<String, List<Long>> latencies, String call, String user, String path, String fileName, byte[] file,
        Map<String, String> fields, int expected) throws Exception {
      String boundary = "----bench" + System.nanoTime();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (var f : fields.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
            + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(file);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
          .header(BenchConfiguration.CALL_HEADER, call)
          .header("Accept", "application/json")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      long elapsed = System.nanoTime() - t0;
      if (latencies != null) {
        latencies.computeIfAbsent(call, k -> Collections.synchronizedList(new ArrayList<>())).add(elapsed);
      }
      assertThat(response.statusCode()).as("%s as %s: %s", call, user, response.body()).isEqualTo(expected);
    }
  }

  /** A 1×1 PNG: the invoice's photo, which the voucher rule asks to exist (as RestTestSupport attaches it). */
  static final byte[] TINY_PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

  /**
   * expense-approval with the assembly vote and the voucher (EX-2, EX-4, EX-7): a zaozhi staff member
   * files 2,600 yuan of community affairs (above the director's 500: the office approves, and a
   * community-affairs expense needs the vote); zhang.director approves and records a passing vote
   * (41 of zaozhi's 60 representatives present, 31 in favour, the notice posted 3 days before a
   * meeting held today); qian.social approves; huang.bookkeeper attaches the invoice and books it.
   * Each case has its own purpose and witness, so no two are related spending (EX-1, EX-2).
   */
  static final class Expense extends Steps {

    static final String[] CALLS = {"1 start", "2 director lists tasks", "3 director approves",
        "4 director lists tasks", "5 director records the vote", "6 office lists tasks", "7 office approves",
        "8 bookkeeper lists tasks", "9 bookkeeper attaches invoice", "10 bookkeeper books voucher"};
    static final String[] APPLICANTS = {"liu.staff", "chen.staff"};

    Expense(String baseUrl, LeavePath rest, Supplier<LocalDate> today) {
      super(baseUrl, rest, today);
    }

    @Override
    public String name() {
      return "expense";
    }

    @Override
    public String title() {
      return "expense, 2,600 yuan community affairs: director, assembly vote, office, voucher (10 REST calls per case)";
    }

    @Override
    public String[] calls() {
      return CALLS;
    }

    @Override
    public void runCase(int who, int n, Map<String, List<Long>> latencies) throws Exception {
      String applicant = APPLICANTS[who % APPLICANTS.length];
      long unique = SEQ.incrementAndGet();
      Map<String, Object> form = StartForms.expense(2600, "楼道照明改造（" + System.nanoTime() + "-" + unique + "）",
          "刘洋" + unique);
      form.put("category", "community-affairs");
      JsonNode instance = start(latencies, CALLS[0], applicant, "expense-approval", form);
      String pi = instance.get("id").asText();
      String key = instance.get("businessKey").asText();
      complete(latencies, CALLS[2], "zhang.director",
          onlyTask(latencies, CALLS[1], "zhang.director", pi, "approveExpense"), Map.of("approved", true, "comment", "同意"));
      String vote = onlyTask(latencies, CALLS[3], "zhang.director", pi, "recordVote");
      LocalDate day = today.get();
      Map<String, Object> tally = new LinkedHashMap<>();
      tally.put("representativesPresent", 41);
      tally.put("votesInFavour", 31);
      tally.put("noticePostedOn", day.minusDays(3).toString());
      tally.put("meetingOn", day.toString());
      complete(latencies, CALLS[4], "zhang.director", vote, tally);
      complete(latencies, CALLS[6], "qian.social", onlyTask(latencies, CALLS[5], "qian.social", pi, "approveExpense"),
          Map.of("approved", true, "comment", "同意，按规定报账"));
      String voucher = onlyTask(latencies, CALLS[7], "huang.bookkeeper", pi, "bookVoucher");
      upload(latencies, CALLS[8], "huang.bookkeeper", "/api/cases/" + key + "/files", "invoice.png", TINY_PNG,
          Map.of("taskId", voucher, "kind", "invoice"), 201);
      Map<String, Object> booked = new LinkedHashMap<>();
      booked.put("voucherType", "invoice");
      booked.put("invoiceNumber", "No." + System.nanoTime() + "-" + unique);
      booked.put("paidAmount", 2600);
      booked.put("paidOn", today.get().toString());
      complete(latencies, CALLS[9], "huang.bookkeeper", voucher, booked);
    }
  }

  /**
   * incident-report, a safety hazard needing coordination (IN-2, IN-3, IN-8): a zaozhi grid worker
   * reports it, zhang.director accepts and handles it, the reporter confirms the result (closed).
   */
  static final class Incident extends Steps {

    static final String[] CALLS = {"1 start", "2 director lists tasks", "3 director accepts",
        "4 director lists tasks", "5 director handles", "6 reporter lists tasks", "7 reporter confirms"};
    static final String[] REPORTERS = {"he.grid", "lin.grid"};

    Incident(String baseUrl, LeavePath rest, Supplier<LocalDate> today) {
      super(baseUrl, rest, today);
    }

    @Override
    public String name() {
      return "incident";
    }

    @Override
    public String title() {
      return "incident, coordination: reported, accepted, handled, confirmed and closed (7 REST calls per case)";
    }

    @Override
    public String[] calls() {
      return CALLS;
    }

    @Override
    public void runCase(int who, int n, Map<String, List<Long>> latencies) throws Exception {
      String reporter = REPORTERS[who % REPORTERS.length];
      String pi = start(latencies, CALLS[0], reporter, "incident-report",
          StartForms.incident("造纸社区" + (n % 20 + 1) + "号楼", (n % 20 + 1) + "号楼门口井盖破损")).get("id").asText();
      complete(latencies, CALLS[2], "zhang.director", onlyTask(latencies, CALLS[1], "zhang.director", pi, "acceptIncident"),
          Map.of("acceptNote", "已签收"));
      complete(latencies, CALLS[4], "zhang.director", onlyTask(latencies, CALLS[3], "zhang.director", pi, "handleIncident"),
          Map.of("result", "已更换井盖"));
      complete(latencies, CALLS[6], reporter, onlyTask(latencies, CALLS[5], reporter, pi, "confirmResult"),
          Map.of("satisfied", true));
    }
  }

  /**
   * resident-move, a rental move-in (RM-1, RM-4): a zaozhi grid worker files it, a zaozhi staff
   * member verifies it into the register. Each case a new valid identity number.
   */
  static final class ResidentMove extends Steps {

    static final String[] CALLS = {"1 start", "2 staff lists tasks", "3 staff verifies"};
    static final String[][] PEOPLE = {{"he.grid", "liu.staff"}, {"lin.grid", "chen.staff"}};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final AtomicLong IDS = new AtomicLong();

    ResidentMove(String baseUrl, LeavePath rest, Supplier<LocalDate> today) {
      super(baseUrl, rest, today);
    }

    @Override
    public String name() {
      return "move";
    }

    @Override
    public String title() {
      return "resident move, a rental move-in filed and verified into the register (3 REST calls per case)";
    }

    @Override
    public String[] calls() {
      return CALLS;
    }

    /** A fresh valid number: born in 1980 + k / 1000 days in 浔阳区 (360403), sequence k % 1000, its check digit. */
    static String nextIdNumber() {
      long k = IDS.getAndIncrement();
      String first17 = "360403" + LocalDate.of(1980, 1, 1).plusDays(k / 1000).toString().replace("-", "")
          + String.format("%03d", k % 1000);
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        sum += (first17.charAt(i) - '0') * WEIGHTS[i];
      }
      return first17 + CHECK[sum % 11];
    }

    @Override
    public void runCase(int who, int n, Map<String, List<Long>> latencies) throws Exception {
      String[] people = PEOPLE[who % PEOPLE.length];
      String pi = start(latencies, CALLS[0], people[0], "resident-move", StartForms.moveIn(nextIdNumber(), today.get()))
          .get("id").asText();
      complete(latencies, CALLS[2], people[1], onlyTask(latencies, CALLS[1], people[1], pi, "verifyResidentMove"),
          Map.of("approved", true, "comment", "核实无误"));
    }
  }

  /**
   * correction-travel of 10 days from today (CC-1, CC-2): wei.justice files it, verifies the proofs
   * and gives the office's opinion, jiang.county approves, wei.justice records the report back today.
   */
  static final class CorrectionTravel extends Steps {

    static final String[] CALLS = {"1 start", "2 office lists tasks", "3 office verifies proofs",
        "4 office lists tasks", "5 office gives opinion", "6 county lists tasks", "7 county approves",
        "8 office lists tasks", "9 office records report"};

    CorrectionTravel(String baseUrl, LeavePath rest, Supplier<LocalDate> today) {
      super(baseUrl, rest, today);
    }

    @Override
    public String name() {
      return "correction";
    }

    @Override
    public String title() {
      return "correction travel, 10 days: proofs, the office's opinion, the county approves, report back (9 REST calls per case)";
    }

    @Override
    public String[] calls() {
      return CALLS;
    }

    @Override
    public void runCase(int who, int n, Map<String, List<Long>> latencies) throws Exception {
      String office = "wei.justice";
      String county = "jiang.county";
      String pi = start(latencies, CALLS[0], office, "correction-travel", StartForms.travel(today.get(), 10))
          .get("id").asText();
      complete(latencies, CALLS[2], office, onlyTask(latencies, CALLS[1], office, pi, "verifyProofs"),
          Map.of("committeeCertificate", true, "employerCertificate", true));
      complete(latencies, CALLS[4], office, onlyTask(latencies, CALLS[3], office, pi, "approveTravel"),
          Map.of("approved", true, "comment", "表现良好，同意外出，报县司法局审批"));
      complete(latencies, CALLS[6], county, onlyTask(latencies, CALLS[5], county, pi, "approveTravel"),
          Map.of("approved", true, "comment", "同意"));
      complete(latencies, CALLS[8], office, onlyTask(latencies, CALLS[7], office, pi, "reportReturn"),
          Map.of("reportedOn", today.get().toString(), "reportNote", "本人到所报到"));
    }
  }
}
