package cn.shequflow.core.files;

import cn.shequflow.core.audit.AuditAction;
import cn.shequflow.core.audit.AuditLog;
import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.inbox.ProductRights;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.privacy.PersonalData;
import cn.shequflow.core.privacy.RevealLog;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The files of a case (issue 19): who may add one, what is accepted, what is recorded, who may read.
 *
 * <ul>
 *   <li><b>Who adds</b> ({@link #actingOn}): the filer (applicant) while his case is at its start (its
 *       first status, no decision yet in this round) or back with him (an open task of the case
 *       assigned to him, e.g. 修改或撤回), and the holder of an open task of the case, on that task (its
 *       assignee, or a candidate of an unclaimed one, as for completing it). Nobody else: 403. Who may
 *       not see the case gets 404, as for the case itself.</li>
 *   <li><b>What</b>: at most {@code shequ.files.max-size} (413) and {@code max-per-case} files; the type
 *       from the content ({@link ContentCheck}), images re-encoded; the name cleaned ({@link FileNames});
 *       the location, if any, as its own fields.</li>
 *   <li><b>Recorded</b>: the row, the bytes, the timeline entry {@code file-added} and the audit entry,
 *       in one transaction; a refusal writes none of them (only the refusal's audit entry).</li>
 *   <li><b>Who reads</b>: exactly those who may see the case ({@link CommunityScope#visibleCase});
 *       every download of a file with personal data is recorded as a reveal ({@link #personal}).</li>
 * </ul>
 */
@Service
public class CaseFiles {

  public static final String FILE_ADDED = "file-added";

  /** A file as the people who may see the case list it. */
  public record FileView(long id, String name, String kind, String kindLabel, String contentType, long size,
      String uploadedBy, String uploadedByName, LocalDateTime uploadedAt, String taskId, String taskName,
      BigDecimal latitude, BigDecimal longitude, String downloadUrl, String thumbnailUrl) {}

  /** What a download answers. */
  public record Download(String name, String contentType, byte[] content, boolean inline) {}

  private final CaseFileRepository files;
  private final FileStore store;
  private final FileSettings settings;
  private final ContentCheck check;
  private final CommunityScope scope;
  private final Cases cases;
  private final TaskService tasks;
  private final ProductRights product;
  private final Organisation organisation;
  private final AuditLog audit;
  private final RevealLog reveals;
  private final JdbcTemplate jdbc;

  public CaseFiles(CaseFileRepository files, FileStore store, FileSettings settings, ContentCheck check,
      CommunityScope scope, Cases cases, TaskService tasks, ProductRights product, Organisation organisation,
      AuditLog audit, RevealLog reveals, JdbcTemplate jdbc) {
    this.files = files;
    this.store = store;
    this.settings = settings;
    this.check = check;
    this.scope = scope;
    this.cases = cases;
    this.tasks = tasks;
    this.product = product;
    this.organisation = organisation;
    this.audit = audit;
    this.reveals = reveals;
    this.jdbc = jdbc;
  }

  /** An upload as the controller received it. */
  public record Upload(String fileName, long size, byte[] content, String taskId, String kind, String latitude,
      String longitude) {}

  /** Adds a file to the case, or refuses having written nothing. */
  @Transactional
  public FileView add(String userId, String businessKey, Upload upload) {
    CaseRecord c = scope.visibleCase(userId, businessKey);
    Task task = actingOn(userId, c, blankToNull(upload.taskId()));
    FileKind kind = FileKind.parse(upload.kind());
    BigDecimal latitude = coordinate("latitude", upload.latitude(), 90);
    BigDecimal longitude = coordinate("longitude", upload.longitude(), 180);
    if (latitude != null && longitude == null) {
      throw new InvalidInputException("longitude", "填写位置时经度和纬度都要填写");
    }
    if (longitude != null && latitude == null) {
      throw new InvalidInputException("latitude", "填写位置时经度和纬度都要填写");
    }
    long max = settings.getMaxSize().toBytes();
    if (upload.size() > max || upload.content() != null && upload.content().length > max) {
      throw new FileTooLargeException("file", "文件过大：每个附件最大 " + megabytes(max));
    }
    if (upload.content() == null) {
      throw new InvalidInputException("file", "请选择要上传的文件");
    }
    // One upload at a time per case (the count limit holds under concurrent uploads).
    jdbc.queryForList("select business_key from biz_case where business_key = ? for update", String.class,
        c.businessKey());
    if (files.count(c.businessKey()) >= settings.getMaxPerCase()) {
      throw new InvalidInputException("file", "每个事项最多 " + settings.getMaxPerCase() + " 个附件，已达上限");
    }
    ContentCheck.Checked checked = check.check(upload.content(), settings.getMaxPixels());
    String name = FileNames.clean(upload.fileName(), checked.contentType());

    String key = FileStore.newKey();
    String thumbnailKey = checked.image() ? FileStore.newKey() : null;
    store.put(key, checked.content());
    if (thumbnailKey != null) {
      store.put(thumbnailKey, checked.thumbnail());
    }
    String taskName = task == null ? null : Texts.fit(task.getName(), 200);
    CaseFile row = new CaseFile(null, c.businessKey(), task == null ? null : task.getId(), taskName, kind.code, name,
        checked.contentType(), checked.content().length, sha256(checked.content()), store.name(), key, thumbnailKey,
        latitude, longitude, userId, Texts.fit(organisation.displayName(userId), 100), Clock.now().withNano(0));
    long id = files.insert(row);
    cases.event(c.businessKey(), userId, FILE_ADDED, taskName, null, kind.label + "：" + name);
    audit.record(AuditAction.FILE_ADDED, userId, "files:" + id, c.businessKey(), kind.label + "：" + name);
    return view(files.find(id));
  }

  /** The files of a case the user may see (404 otherwise), oldest first. */
  public List<FileView> list(String userId, String businessKey) {
    CaseRecord c = scope.visibleCase(userId, businessKey);
    return files.ofCase(c.businessKey()).stream().map(CaseFiles::view).toList();
  }

  /** A file (or its thumbnail) for someone who may see its case; 404 alike for a missing file and a hidden one. */
  @Transactional
  public Download open(String userId, long id, boolean thumbnail) {
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    CaseFile f = files.find(id);
    CaseRecord c = f == null ? null : cases.get(f.businessKey());
    if (c == null || !scope.canSee(userId, c, cases.familyOf(c))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该附件，或无权查看");
    }
    if (thumbnail && f.thumbnailKey() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "该附件不是图片，没有缩略图");
    }
    byte[] content = store.get(thumbnail ? f.thumbnailKey() : f.storageKey());
    if (personal(c, f.kind())) {
      reveals.recordFile(userId, c.businessKey(), f.id(), FileKind.labelOf(f.kind()) + "：" + f.fileName());
    }
    boolean image = thumbnail || f.thumbnailKey() != null;
    return new Download(f.fileName(), thumbnail ? ContentCheck.JPEG : f.contentType(), content, image);
  }

  /**
   * Whether a file carries personal data, so that every download is recorded like a whole identity
   * number shown: every file of a family whose cases hold identity numbers (residents moving and
   * their address certificates, community correction: {@link PersonalData#holdsIdentityNumbers}),
   * and a medical certificate (health data) in any family.
   */
  static boolean personal(CaseRecord c, String kind) {
    return PersonalData.holdsIdentityNumbers(c.family()) || FileKind.MEDICAL_CERTIFICATE.code.equals(kind);
  }

  /**
   * The task the user adds a file on ({@code null}: as the filer at the start), or the refusal: a
   * closed case takes no file; a named task must be an open task of this case that the user holds;
   * without one, the filer at the start, or with a task of the case assigned to him, may add.
   */
  Task actingOn(String userId, CaseRecord c, String taskId) {
    if (c.closedAt() != null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "事项已办结，不能再添加附件");
    }
    if (taskId != null) {
      Task task = product.run(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
      if (task == null || c.processInstanceId() == null || !c.processInstanceId().equals(task.getProcessInstanceId())) {
        throw new InvalidInputException("taskId", "不是本事项正在办理的任务：" + taskId);
      }
      if (!holds(userId, task)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有该任务的办理人可以在任务中添加附件");
      }
      return task;
    }
    if (userId.equals(c.applicantId())) {
      if (atStart(c)) {
        return null;
      }
      List<Task> own = c.processInstanceId() == null ? List.of() : product.run(() -> tasks.createTaskQuery()
          .processInstanceId(c.processInstanceId()).taskAssignee(userId).orderByTaskCreateTime().asc().list());
      if (!own.isEmpty()) {
        return own.get(0);
      }
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN,
        "只有申请人（提交后尚未审批时，或退回修改时）和本事项待办任务的办理人（在该任务中）可以添加附件");
  }

  /** The assignee, or for an unclaimed task one of its candidates (who may complete it). */
  private boolean holds(String userId, Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(userId);
    }
    return product.run(() -> tasks.createTaskQuery().taskId(task.getId()).taskCandidateUser(userId).count() > 0);
  }

  /** The case is at its start: its first status, and nobody has decided on it in this round. */
  private boolean atStart(CaseRecord c) {
    CaseFamily family = cases.familyOf(c);
    if (!family.initialStatus().equals(c.status())) {
      return false;
    }
    Long decided = jdbc.queryForObject("select count(*) from approval_step where business_key = ? and submission = ? "
        + "and decided_at is not null", Long.class, c.businessKey(), c.submission());
    return decided == null || decided == 0;
  }

  static FileView view(CaseFile f) {
    String url = "/api/files/" + f.id();
    return new FileView(f.id(), f.fileName(), f.kind(), FileKind.labelOf(f.kind()), f.contentType(), f.sizeBytes(),
        f.uploadedBy(), f.uploadedByName(), f.uploadedAt(), f.taskId(), f.taskName(), f.latitude(), f.longitude(),
        url, f.thumbnailKey() == null ? null : url + "/thumbnail");
  }

  private static BigDecimal coordinate(String field, String value, int limit) {
    if (value == null || value.isBlank()) {
      return null;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "取值无效：" + value);
    }
    if (number.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
      throw new InvalidInputException(field, "取值超出范围（-" + limit + " 至 " + limit + "）：" + value);
    }
    return number.setScale(6, RoundingMode.HALF_UP);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
