package cn.shequflow.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Part;
import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19, attachments over HTTP as the demo users: who may add a file to a case (the filer at
 * start, the holder of an open task on it), who may list and download it (exactly those who see the
 * case), what is accepted (the type from the content, images re-encoded, names cleaned, limits), what
 * a download answers, what is recorded, and the policy of required attachments (sick leave over 2
 * days needs a certificate, a voucher its invoice). Stored in the database (the embedded default).
 */
@org.springframework.test.context.TestPropertySource(properties = "shequ.files.required-attachments=true")
class CaseFilesRestTest extends RestTestSupport {

  @Autowired JdbcTemplate jdbc;

  // ---- fixtures ----

  /** A small PNG with a text chunk (metadata that must not survive the upload). */
  static byte[] png(int width, int height, String secret) {
    try {
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      for (int x = 0; x < width; x++) {
        for (int y = 0; y < height; y++) {
          image.setRGB(x, y, (x * 7 + y * 13) & 0xFFFFFF);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      byte[] plain = out.toByteArray();
      if (secret == null) {
        return plain;
      }
      // Insert a tEXt chunk right before IEND (the last 12 bytes).
      byte[] data = ("Comment\0" + secret).getBytes(StandardCharsets.ISO_8859_1);
      ByteArrayOutputStream chunk = new ByteArrayOutputStream();
      chunk.write(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
          (byte) data.length});
      byte[] typeAndData = new byte[4 + data.length];
      System.arraycopy("tEXt".getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
      System.arraycopy(data, 0, typeAndData, 4, data.length);
      chunk.write(typeAndData);
      CRC32 crc = new CRC32();
      crc.update(typeAndData);
      long c = crc.getValue();
      chunk.write(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.write(plain, 0, plain.length - 12);
      all.write(chunk.toByteArray());
      all.write(plain, plain.length - 12, 12);
      return all.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  private Response upload(String user, String key, String name, String contentType, byte[] content, String... fields) {
    List<Part> parts = new ArrayList<>();
    parts.add(Part.file("file", name, contentType, content));
    for (int i = 0; i < fields.length; i += 2) {
      parts.add(Part.text(fields[i], fields[i + 1]));
    }
    return as(user).postMultipart("/api/cases/" + key + "/files", parts.toArray(Part[]::new));
  }

  private JsonNode uploaded(String user, String key, String name, String contentType, byte[] content, String... fields) {
    Response r = upload(user, key, name, contentType, content, fields);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private List<JsonNode> files(String user, String key) {
    Response r = as(user).get("/api/cases/" + key + "/files");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.json().forEach(list::add);
    return list;
  }

  private List<String> timelineActions(String user, String key) {
    List<String> actions = new ArrayList<>();
    as(user).get("/api/cases/" + key + "/timeline").json().forEach(e -> actions.add(e.get("action").asText()));
    return actions;
  }

  private long rows(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private long reveals(String key) {
    return jdbc.queryForObject("select count(*) from audit_entry where action = 'reveal' and target like 'files:%' "
        + "and business_key = ?", Long.class, key);
  }

  private long auditedAdditions(String key) {
    return jdbc.queryForObject("select count(*) from audit_entry where action = 'file-added' and business_key = ?",
        Long.class, key);
  }

  private static Map<String, Object> sickLeave(double days) {
    Map<String, Object> v = leave(days);
    v.put("leaveType", "sick");
    v.put("reason", "发烧住院");
    return v;
  }

  /** The refusal left nothing: no file row, no stored bytes, no timeline entry. */
  private void assertNothingWritten(String key, long fileRows, long blobRows, int timeline) {
    assertThat(rows("case_file")).isEqualTo(fileRows);
    assertThat(rows("file_blob")).isEqualTo(blobRows);
    assertThat(timelineActions("liu.staff", key)).hasSize(timeline);
  }

  // ---- tests ----

  @Test
  @DisplayName("The printable 审批单 lists the case's attachments by kind and name, escaped; a case without files has no such part")
  void sheetListsAttachments() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    assertThat(as("liu.staff").get("/api/cases/" + key + "/sheet").body()).doesNotContain("<h2>附件</h2>");
    uploaded("liu.staff", key, "单据 A&B.png", "image/png", png(40, 30, "x"), "kind", "invoice");
    String sheet = as("liu.staff").get("/api/cases/" + key + "/sheet").body();
    assertThat(sheet).contains("<h2>附件</h2>", "<td>发票</td>", "<td>单据 A&amp;B.png</td>", "<td>刘洋</td>")
        .doesNotContain("A&B");
  }

  @Test
  @DisplayName("The filer adds a photo at start: listed, on the timeline and audit log, re-encoded without its metadata, with a thumbnail")
  void filerAddsPhotoAtStart() throws IOException {
    JsonNode pi = start("liu.staff", leave(1));
    String key = pi.get("businessKey").asText();
    JsonNode file = uploaded("liu.staff", key, "现场照片.png", "image/png", png(640, 480, "GPS 29.7,116.0 secret"),
        "kind", "photo", "latitude", "29.712345", "longitude", "116.001234");
    assertThat(file.get("name").asText()).isEqualTo("现场照片.png");
    assertThat(file.get("contentType").asText()).isEqualTo("image/png");

    List<JsonNode> list = files("liu.staff", key);
    assertThat(list).hasSize(1);
    JsonNode f = list.get(0);
    long id = f.get("id").asLong();
    assertThat(f.get("kind").asText()).isEqualTo("photo");
    assertThat(f.get("kindLabel").asText()).isEqualTo("现场照片");
    assertThat(f.get("uploadedBy").asText()).isEqualTo("liu.staff");
    assertThat(f.get("uploadedByName").asText()).isEqualTo("刘洋");
    assertThat(f.get("uploadedAt").isNull()).isFalse();
    assertThat(f.get("taskId").isNull()).isTrue();
    assertThat(f.get("latitude").decimalValue()).isEqualByComparingTo("29.712345");
    assertThat(f.get("longitude").decimalValue()).isEqualByComparingTo("116.001234");
    assertThat(f.get("size").asLong()).isPositive();
    assertThat(f.get("downloadUrl").asText()).isEqualTo("/api/files/" + id);
    assertThat(f.get("thumbnailUrl").asText()).isEqualTo("/api/files/" + id + "/thumbnail");

    assertThat(timelineActions("liu.staff", key)).contains("file-added");
    JsonNode entry = null;
    for (JsonNode e : as("liu.staff").get("/api/cases/" + key + "/timeline").json()) {
      if (e.get("action").asText().equals("file-added")) {
        entry = e;
      }
    }
    assertThat(entry.get("actionLabel").asText()).isEqualTo("上传附件");
    assertThat(entry.get("comment").asText()).contains("现场照片.png");
    assertThat(auditedAdditions(key)).isEqualTo(1);

    HttpResponse<byte[]> download = as("liu.staff").download("/api/files/" + id);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("inline").contains("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png");
    assertThat(new String(download.body(), StandardCharsets.ISO_8859_1)).doesNotContain("secret", "tEXt");
    BufferedImage again = ImageIO.read(new ByteArrayInputStream(download.body()));
    assertThat(again.getWidth()).isEqualTo(640);
    assertThat(again.getHeight()).isEqualTo(480);

    HttpResponse<byte[]> thumb = as("zhang.director").download("/api/files/" + id + "/thumbnail");
    assertThat(thumb.statusCode()).isEqualTo(200);
    assertThat(thumb.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/jpeg");
    BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb.body()));
    assertThat(Math.max(small.getWidth(), small.getHeight())).isLessThanOrEqualTo(320);
    // A leave photo is no personal data of a resident or a person under correction: no reveal recorded.
    assertThat(reveals(key)).isZero();
  }

  @Test
  @DisplayName("ORG-5: who may not see the case gets 404 for the list, the file, its thumbnail and an upload; nothing is written")
  void outsidersSeeNothing() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    long id = uploaded("liu.staff", key, "a.png", "image/png", png(20, 20, null)).get("id").asLong();
    long fileRows = rows("case_file");
    long blobRows = rows("file_blob");
    int timeline = timelineActions("liu.staff", key).size();
    for (String outsider : List.of("gao.director", "ma.staff", "xu.grid")) {
      assertThat(as(outsider).get("/api/cases/" + key + "/files").status()).as(outsider).isEqualTo(404);
      assertThat(as(outsider).download("/api/files/" + id).statusCode()).as(outsider).isEqualTo(404);
      assertThat(as(outsider).download("/api/files/" + id + "/thumbnail").statusCode()).as(outsider).isEqualTo(404);
      Response r = upload(outsider, key, "b.png", "image/png", png(20, 20, null));
      assertThat(r.status()).as(outsider).isEqualTo(404);
    }
    assertThat(as("gao.director").download("/api/files/999999").statusCode()).isEqualTo(404);
    assertThat(RestClient.anonymous(port).get("/api/cases/" + key + "/files").status()).isEqualTo(401);
    assertNothingWritten(key, fileRows, blobRows, timeline);
  }

  @Test
  @DisplayName("Someone who sees the case but acts on nothing may read its files, not add one (403 in Chinese, nothing written)")
  void viewersMayNotAdd() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    long fileRows = rows("case_file");
    long blobRows = rows("file_blob");
    int timeline = timelineActions("liu.staff", key).size();
    // wang.principal sees every community's leave; he holds no task of this case.
    assertThat(files("wang.principal", key)).isEmpty();
    Response r = upload("wang.principal", key, "b.png", "image/png", png(20, 20, null));
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(r.json().get("message").asText()).contains("只有申请人", "办理人");
    assertNothingWritten(key, fileRows, blobRows, timeline);
    assertThat(auditedAdditions(key)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'refused' and target like ?",
        Long.class, "POST /api/cases/" + key + "/files")).isEqualTo(1);
  }

  @Test
  @DisplayName("The holder of an open task adds on that task; a task of another case names taskId; the filer after a decision may not add without a task")
  void taskHolders() {
    // A director's 3-day leave: li.leader consents (step 1), then wang.principal approves (step 2).
    JsonNode pi = start("zhang.director", leave(3));
    String key = pi.get("businessKey").asText();
    String other = start("liu.staff", leave(1)).get("businessKey").asText();
    String consent = onlyTaskId("li.leader", pi.get("id").asText());

    JsonNode file = uploaded("li.leader", key, "意见附件.pdf", "application/pdf", PDF, "taskId", consent);
    assertThat(file.get("taskId").asText()).isEqualTo(consent);
    assertThat(files("zhang.director", key).get(0).get("taskName").asText()).isNotBlank();

    Response wrongCase = upload("li.leader", other, "x.pdf", "application/pdf", PDF, "taskId", consent);
    // li.leader sees every community's leave, so the case answers; the task is not one of it.
    assertField(wrongCase, "taskId");
    Response notHis = upload("zhang.director", key, "x.pdf", "application/pdf", PDF, "taskId", consent);
    assertThat(notHis.status()).as(notHis.body()).isEqualTo(403);

    Response ok = as("li.leader").post("/engine-rest/task/" + consent + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    // The case is no longer at its start (a decision in this round): the filer may not add by himself.
    Response late = upload("zhang.director", key, "y.pdf", "application/pdf", PDF);
    assertThat(late.status()).as(late.body()).isEqualTo(403);
    // The next holder may.
    String approve = onlyTaskId("wang.principal", pi.get("id").asText());
    uploaded("wang.principal", key, "z.pdf", "application/pdf", PDF, "taskId", approve);
    assertThat(files("zhang.director", key)).hasSize(2);
  }

  @Test
  @DisplayName("The type comes from the content, never the name: HTML or a fake image is refused; PDFs download as attachments with an RFC 5987 name")
  void typeFromContent() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    long fileRows = rows("case_file");
    long blobRows = rows("file_blob");
    int timeline = timelineActions("liu.staff", key).size();
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    Response r = upload("liu.staff", key, "photo.png", "image/png", html);
    assertField(r, "file");
    assertThat(r.json().get("message").asText()).contains("不支持");
    byte[] fakePng = new byte[200];
    System.arraycopy(png(10, 10, null), 0, fakePng, 0, 16);
    assertField(upload("liu.staff", key, "broken.png", "image/png", fakePng), "file");
    byte[] exe = new byte[100];
    exe[0] = 'M';
    exe[1] = 'Z';
    assertField(upload("liu.staff", key, "证明.pdf", "application/pdf", exe), "file");
    assertField(upload("liu.staff", key, "empty.pdf", "application/pdf", new byte[0]), "file");
    assertField(upload("liu.staff", key, "a.png", "image/png", png(10, 10, null), "kind", "virus"), "kind");
    assertField(upload("liu.staff", key, "a.png", "image/png", png(10, 10, null), "latitude", "91", "longitude", "1"),
        "latitude");
    assertField(upload("liu.staff", key, "a.png", "image/png", png(10, 10, null), "latitude", "30"), "longitude");
    assertField(as("liu.staff").postMultipart("/api/cases/" + key + "/files", Part.text("kind", "photo")), "file");
    // A name the container cannot read (a NUL in the part's header) is refused as the file's.
    assertField(upload("liu.staff", key, "a\u0000.png", "image/png", png(10, 10, null)), "file");
    assertNothingWritten(key, fileRows, blobRows, timeline);

    // The name says PNG, the content is a PDF: stored and served as a PDF, as an attachment.
    JsonNode file = uploaded("liu.staff", key, "../../病假 证明\u202E.png", "image/png", PDF);
    assertThat(file.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(file.get("name").asText()).isEqualTo("病假 证明.png.pdf");
    HttpResponse<byte[]> download = as("liu.staff").download("/api/files/" + file.get("id").asLong());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
        .contains("filename*=UTF-8''%E7%97%85%E5%81%87%20%E8%AF%81%E6%98%8E.png.pdf");
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(as("liu.staff").download("/api/files/" + file.get("id").asLong() + "/thumbnail").statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("Size and count limits: over 10 MB is 413 naming file; the 21st file of a case is refused")
  void limits() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, big, 0, PDF.length);
    Response r = upload("liu.staff", key, "big.pdf", "application/pdf", big);
    assertThat(r.status()).as(r.body()).isEqualTo(413);
    assertThat(r.json().get("field").asText()).isEqualTo("file");
    assertThat(r.json().get("message").asText()).contains("10 MB");
    for (int i = 0; i < 20; i++) {
      uploaded("liu.staff", key, "p" + i + ".pdf", "application/pdf", PDF);
    }
    Response over = upload("liu.staff", key, "p21.pdf", "application/pdf", PDF);
    assertField(over, "file");
    assertThat(over.json().get("message").asText()).contains("20");
    assertThat(files("liu.staff", key)).hasSize(20);
  }

  @Test
  @DisplayName("Every download of a file of a case with personal data (resident move) is recorded like a reveal; listing is not")
  void personalDataDownloadsRecorded() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("moveType", "move-in");
    v.put("residentType", "migrant");
    v.put("name", "王小明");
    v.put("idNumber", cn.shequflow.residence.ResidentIds.next());
    v.put("phone", "13907920001");
    v.put("occupation", "个体经营");
    v.put("address", "浔阳区湓城街道造纸社区滨江路 18 号");
    v.put("building", "3 栋");
    v.put("movedOn", cn.shequflow.core.process.Clock.today().toString());
    Response started = as("he.grid").post("/engine-rest/process-definition/key/resident-move/start",
        RestClient.variables(v));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String key = started.json().get("businessKey").asText();
    long id = uploaded("he.grid", key, "户口本.png", "image/png", png(30, 30, null), "kind", "proof").get("id").asLong();
    long before = reveals(key);
    assertThat(files("he.grid", key)).hasSize(1);
    assertThat(reveals(key)).isEqualTo(before);
    assertThat(as("he.grid").download("/api/files/" + id).statusCode()).isEqualTo(200);
    assertThat(reveals(key)).isEqualTo(before + 1);
    // docs/audit.md: a thumbnail is recorded once per person, file and day, not on every view (no flood).
    assertThat(as("he.grid").download("/api/files/" + id + "/thumbnail").statusCode()).isEqualTo(200);
    assertThat(as("he.grid").download("/api/files/" + id + "/thumbnail").statusCode()).isEqualTo(200);
    assertThat(reveals(key)).isEqualTo(before + 1);
    assertThat(as("zhang.director").download("/api/files/" + id + "/thumbnail").statusCode()).isEqualTo(200);
    assertThat(as("zhang.director").download("/api/files/" + id + "/thumbnail").statusCode()).isEqualTo(200);
    assertThat(reveals(key)).isEqualTo(before + 2);
    // Every download of the whole file is recorded.
    assertThat(as("he.grid").download("/api/files/" + id).statusCode()).isEqualTo(200);
    assertThat(reveals(key)).isEqualTo(before + 3);
    JsonNode page = as("admin").get("/api/privacy/reveals").json();
    JsonNode newest = page.get("items").get(0);
    assertThat(newest.get("surface").asText()).isEqualTo("files");
    assertThat(newest.get("businessKey").asText()).isEqualTo(key);
    assertThat(newest.get("userId").asText()).isEqualTo("he.grid");
    assertThat(newest.get("residentId").isNull()).isTrue();
  }

  @Test
  @DisplayName("Policy: sick leave over 2 days is approved only with a 病假证明 (refused in Chinese, nothing changes); 2 days need none")
  void sickLeaveNeedsCertificate() {
    JsonNode pi = start("liu.staff", sickLeave(3));
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("wang.principal", pi.get("id").asText());
    int timeline = timelineActions("liu.staff", key).size();
    Response refused = as("wang.principal").post("/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertField(refused, "attachments");
    assertThat(refused.json().get("message").asText()).contains("病假证明");
    assertThat(onlyTaskId("wang.principal", pi.get("id").asText())).isEqualTo(task);
    assertThat(timelineActions("liu.staff", key)).hasSize(timeline);
    // A photo of something else is not a certificate.
    uploaded("liu.staff", key, "x.png", "image/png", png(10, 10, null), "kind", "photo");
    assertField(as("wang.principal").post("/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意"))), "attachments");

    long certificate = uploaded("liu.staff", key, "病假证明.pdf", "application/pdf", PDF, "kind", "medical-certificate")
        .get("id").asLong();
    // A medical certificate is health data: its download is recorded like a reveal.
    assertThat(as("wang.principal").download("/api/files/" + certificate).statusCode()).isEqualTo(200);
    assertThat(reveals(key)).isEqualTo(1);
    Response ok = as("wang.principal").post("/engine-rest/task/" + task + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);

    // Two days of sick leave need no certificate.
    JsonNode two = start("liu.staff", sickLeave(2));
    String t2 = onlyTaskId("qian.social", two.get("id").asText());
    Response ok2 = as("qian.social").post("/engine-rest/task/" + t2 + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(ok2.status()).as(ok2.body()).isEqualTo(204);
  }

  @Test
  @DisplayName("Policy: a voucher (报账) is booked only with an invoice attached on the case; the bookkeeper adds it on his task")
  void voucherNeedsInvoice() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("amount", 300);
    v.put("category", "office");
    v.put("purpose", "办公用品（" + System.nanoTime() + "）");
    v.put("handler", "陈静");
    v.put("witness", "刘洋" + System.nanoTime());
    Response started = as("chen.staff").post("/engine-rest/process-definition/key/expense-approval/start",
        RestClient.variables(v));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pi = started.json().get("id").asText();
    String key = started.json().get("businessKey").asText();
    Response approved = as("zhang.director").post("/engine-rest/task/" + onlyTaskId("zhang.director", pi) + "/complete",
        RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    String voucher = onlyTaskId("huang.bookkeeper", pi);
    Map<String, Object> booking = Map.of("voucherType", "invoice", "invoiceNumber", "No." + System.nanoTime(),
        "paidAmount", 300, "paidOn", cn.shequflow.core.process.Clock.today().toString());
    Response refused = as("huang.bookkeeper").post("/engine-rest/task/" + voucher + "/complete",
        RestClient.variables(booking));
    assertField(refused, "attachments");
    assertThat(refused.json().get("message").asText()).contains("发票");
    assertThat(onlyTaskId("huang.bookkeeper", pi)).isEqualTo(voucher);

    uploaded("huang.bookkeeper", key, "发票.png", "image/png", png(60, 40, null), "kind", "invoice", "taskId", voucher);
    Response ok = as("huang.bookkeeper").post("/engine-rest/task/" + voucher + "/complete",
        RestClient.variables(booking));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    assertThat(as("chen.staff").get("/api/cases/" + key).json().get("status").asText()).isEqualTo("booked");
  }

  // ---- hardening (review of issue 19) ----

  @Autowired org.camunda.bpm.engine.TaskService taskService;

  private long audited(String action, String key) {
    return jdbc.queryForObject("select count(*) from audit_entry where action = ? and business_key = ?", Long.class,
        action, key);
  }

  @Test
  @DisplayName("A 50-megapixel image (header only) is refused before the case is locked, 400 naming file; nothing written")
  void hugeImageRefusedFromItsHeader() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    long fileRows = rows("case_file");
    long blobRows = rows("file_blob");
    int timeline = timelineActions("liu.staff", key).size();
    Response r = upload("liu.staff", key, "大图.png", "image/png", ContentCheckTest.pngHeaderOnly(10_000, 5_000));
    assertField(r, "file");
    assertThat(r.json().get("message").asText()).contains("像素");
    assertNothingWritten(key, fileRows, blobRows, timeline);
    assertThat(auditedAdditions(key)).isZero();
  }

  @Test
  @DisplayName("A portrait phone photo (EXIF orientation 6) is stored upright")
  void exifOrientationAppliedOnUpload() throws IOException {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    long id = uploaded("liu.staff", key, "竖拍.jpg", "image/jpeg", ContentCheckTest.jpegWithOrientation(6),
        "kind", "photo").get("id").asLong();
    BufferedImage stored = ImageIO.read(new ByteArrayInputStream(as("liu.staff").download("/api/files/" + id).body()));
    assertThat(stored.getWidth()).isEqualTo(20);
    assertThat(stored.getHeight()).isEqualTo(40);
  }

  @Test
  @DisplayName("Bad ids, unknown files, lost bytes, a missing part or a request that is no upload: 4xx naming the field, never a 500")
  void badInputIsNever500() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    long id = uploaded("liu.staff", key, "a.png", "image/png", png(20, 20, null)).get("id").asLong();
    Response notANumber = as("liu.staff").get("/api/files/abc");
    assertField(notANumber, "id");
    assertField(as("liu.staff").get("/api/files/99999999999999999999999"), "id");
    assertThat(as("liu.staff").get("/api/files/-1").status()).isEqualTo(404);
    assertThat(as("liu.staff").get("/api/cases/" + key + "x/files").status()).isEqualTo(404);
    assertThat(as("liu.staff").postMultipart("/api/cases/NO-SUCH-CASE/files",
        Part.file("file", "a.png", "image/png", png(5, 5, null))).status()).isEqualTo(404);
    // A missing part names file (400); so does a body that is not multipart at all.
    assertField(as("liu.staff").postMultipart("/api/cases/" + key + "/files", Part.text("kind", "photo")), "file");
    assertField(as("liu.staff").postJson("/api/cases/" + key + "/files", "{\"file\":\"x\"}"), "file");
    // The store lost the bytes (a file-system store restored without them): 404, not 500.
    String thumbnailKey = jdbc.queryForObject("select thumbnail_key from case_file where id = ?", String.class, id);
    jdbc.update("delete from file_blob where storage_key = ?", thumbnailKey);
    Response lost = as("liu.staff").get("/api/files/" + id + "/thumbnail");
    assertThat(lost.status()).as(lost.body()).isEqualTo(404);
    assertThat(lost.json().get("message").asText()).contains("附件");
    // As an admin deleting a file: unknown id is 404.
    assertThat(as("liu.staff").delete("/api/files/999999").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("An on-site photo without a location sent keeps where its EXIF GPS says it was taken (nothing else of the EXIF); a location sent wins; other kinds keep none")
  void exifLocationOfPhotos() {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    byte[] photo = ContentCheckTest.jpegWithGps(29.712345, 116.001234, false, (char) 0);
    JsonNode fromExif = uploaded("liu.staff", key, "现场.jpg", "image/jpeg", photo, "kind", "photo");
    assertThat(fromExif.get("latitude").decimalValue()).isEqualByComparingTo("29.712345");
    assertThat(fromExif.get("longitude").decimalValue()).isEqualByComparingTo("116.001234");
    HttpResponse<byte[]> kept = as("liu.staff").download("/api/files/" + fromExif.get("id").asLong());
    assertThat(ContentCheck.location(kept.body())).isNull();
    assertThat(new String(kept.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");

    JsonNode typed = uploaded("liu.staff", key, "现场2.jpg", "image/jpeg", photo, "kind", "photo",
        "latitude", "30.1", "longitude", "117.2");
    assertThat(typed.get("latitude").decimalValue()).isEqualByComparingTo("30.1");
    assertThat(typed.get("longitude").decimalValue()).isEqualByComparingTo("117.2");

    JsonNode other = uploaded("liu.staff", key, "证明.jpg", "image/jpeg", photo, "kind", "other");
    assertThat(other.get("latitude").isNull()).isTrue();
    assertThat(other.get("longitude").isNull()).isTrue();
  }

  @Test
  @DisplayName("A CMYK JPEG (print, some scanners) is accepted and kept as an RGB JPEG with a thumbnail")
  void cmykJpegConverted() throws IOException {
    String key = start("liu.staff", leave(1)).get("businessKey").asText();
    JsonNode file = uploaded("liu.staff", key, "扫描件.jpg", "image/jpeg",
        ContentCheckTest.adobeCmykJpeg(40, 30, new int[] {255, 0, 0, 0}));
    assertThat(file.get("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(file.get("thumbnailUrl").isNull()).isFalse();
    HttpResponse<byte[]> download = as("liu.staff").download("/api/files/" + file.get("id").asLong());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(ContentCheck.jpegComponents(download.body())).isEqualTo(3);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(download.body()));
    assertThat(image.getWidth()).isEqualTo(40);
    assertThat(image.getRGB(20, 15) >> 16 & 0xFF).as("cyan has no red").isLessThan(60);
  }

  @Test
  @DisplayName("回避 (SoD-1): the filer, even as a candidate of an unclaimed deciding task of his own case, may not add a file on it")
  void holdsFollowsTheClaimRules() {
    JsonNode pi = start("liu.staff", leave(1));
    String key = pi.get("businessKey").asText();
    String task = onlyTaskId("zhang.director", pi.get("id").asText());
    // A laxer grant of old (or a hand-made candidate link) makes the filer a candidate of the approval.
    taskService.addCandidateUser(task, "liu.staff");
    long fileRows = rows("case_file");
    int timeline = timelineActions("liu.staff", key).size();
    Response r = upload("liu.staff", key, "a.pdf", "application/pdf", PDF, "taskId", task);
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(rows("case_file")).isEqualTo(fileRows);
    assertThat(timelineActions("liu.staff", key)).hasSize(timeline);
    // The director, a candidate by his post, may.
    uploaded("zhang.director", key, "b.pdf", "application/pdf", PDF, "taskId", task);
  }

  private String residentMove(String user) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("moveType", "move-in");
    v.put("residentType", "migrant");
    v.put("name", "李小红");
    v.put("idNumber", cn.shequflow.residence.ResidentIds.next());
    v.put("phone", "13907920002");
    v.put("occupation", "个体经营");
    v.put("address", "浔阳区湓城街道造纸社区滨江路 20 号");
    v.put("building", "2 栋");
    v.put("movedOn", cn.shequflow.core.process.Clock.today().toString());
    Response started = as(user).post("/engine-rest/process-definition/key/resident-move/start", RestClient.variables(v));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().get("businessKey").asText();
  }

  @Test
  @DisplayName("An identity card photo (kind id-card) is downloadable only by who may read whole identity numbers (PersonalData.WHOLE); others get 403 and see it restricted")
  void personalKindsFollowThePrivacyPolicy() {
    String key = residentMove("he.grid");
    long id = uploaded("he.grid", key, "身份证.png", "image/png", png(30, 20, null), "kind", "id-card").get("id").asLong();
    long household = uploaded("he.grid", key, "户口簿.pdf", "application/pdf", PDF, "kind", "household-register")
        .get("id").asLong();
    long before = reveals(key);
    // he.grid files the move but reads no whole identity number (grid workers are no readers).
    JsonNode listed = files("he.grid", key).get(0);
    assertThat(listed.get("restricted").asBoolean()).isTrue();
    assertThat(listed.get("downloadUrl").isNull()).isTrue();
    assertThat(listed.get("thumbnailUrl").isNull()).isTrue();
    Response refused = as("he.grid").get("/api/files/" + id);
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("身份证件");
    assertThat(as("he.grid").get("/api/files/" + id + "/thumbnail").status()).isEqualTo(403);
    assertThat(as("he.grid").get("/api/files/" + household).status()).isEqualTo(403);
    assertThat(reveals(key)).isEqualTo(before);
    // The community's director reads whole numbers of its residents: he downloads it, recorded.
    assertThat(files("zhang.director", key).get(0).get("restricted").asBoolean()).isFalse();
    assertThat(as("zhang.director").download("/api/files/" + id).statusCode()).isEqualTo(200);
    assertThat(reveals(key)).isEqualTo(before + 1);
    // A family whose cases hold no identity numbers has nobody to read such a file: refused, naming kind.
    String leave = start("liu.staff", leave(1)).get("businessKey").asText();
    assertField(upload("liu.staff", leave, "身份证.png", "image/png", png(10, 10, null), "kind", "id-card"), "kind");
  }

  @Test
  @DisplayName("The uploader deletes his own file while the case is open and no decision relied on it: soft delete on the timeline and audit log; refusals change nothing")
  void uploaderDeletesOwnFile() {
    JsonNode pi = start("liu.staff", leave(1));
    String key = pi.get("businessKey").asText();
    long id = uploaded("liu.staff", key, "错传.png", "image/png", png(20, 20, null)).get("id").asLong();
    long kept = uploaded("liu.staff", key, "证明.pdf", "application/pdf", PDF).get("id").asLong();

    // Someone else (even one who sees the case and holds its task) may not delete it: 403, nothing written.
    int timeline = timelineActions("liu.staff", key).size();
    Response notHis = as("zhang.director").delete("/api/files/" + id);
    assertThat(notHis.status()).as(notHis.body()).isEqualTo(403);
    assertThat(files("liu.staff", key)).hasSize(2);
    assertThat(timelineActions("liu.staff", key)).hasSize(timeline);
    assertThat(audited("file-deleted", key)).isZero();
    // An outsider gets 404, as for the file itself.
    assertThat(as("gao.director").delete("/api/files/" + id).status()).isEqualTo(404);

    Response deleted = as("liu.staff").delete("/api/files/" + id);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    assertThat(files("liu.staff", key)).extracting(f -> f.get("id").asLong()).containsExactly(kept);
    assertThat(timelineActions("liu.staff", key)).hasSize(timeline + 1).contains("file-deleted");
    assertThat(audited("file-deleted", key)).isEqualTo(1);
    assertThat(as("liu.staff").download("/api/files/" + id).statusCode()).isEqualTo(404);
    assertThat(as("liu.staff").delete("/api/files/" + id).status()).isEqualTo(404);

    // Once a decision has been given on the case, the file it had before it stays: 409, nothing written.
    Response ok = as("zhang.director").post("/engine-rest/task/" + onlyTaskId("zhang.director", pi.get("id").asText())
        + "/complete", RestClient.variables(Map.of("approved", true, "comment", "同意")));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    timeline = timelineActions("liu.staff", key).size();
    Response relied = as("liu.staff").delete("/api/files/" + kept);
    assertThat(relied.status()).as(relied.body()).isIn(403, 409);
    assertThat(relied.json().get("message").asText()).isNotBlank();
    assertThat(files("liu.staff", key)).hasSize(1);
    assertThat(timelineActions("liu.staff", key)).hasSize(timeline);
    assertThat(audited("file-deleted", key)).isEqualTo(1);
  }
}
