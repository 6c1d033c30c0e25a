package cn.shequflow.core.files;

import cn.shequflow.core.audit.AuditAction;
import cn.shequflow.core.audit.AuditLog;
import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.duties.SeparationOfDuties;
import cn.shequflow.core.guard.TaskHandOnGuard;
import cn.shequflow.core.inbox.ProductRights;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.privacy.PersonalData;
import cn.shequflow.core.privacy.RevealLog;
import cn.shequflow.core.process.CaseConflictException;
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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
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
 *       the location, if any, as its own fields: as sent, or else, for an on-site photo, from its EXIF
 *       GPS data.</li>
 *   <li><b>Recorded</b>: the row, the bytes, the timeline entry {@code file-added} and the audit entry,
 *       in one transaction; a refusal writes none of them (only the refusal's audit entry).</li>
 *   <li><b>Who reads</b>: exactly those who may see the case ({@link CommunityScope#visibleCase});
 *       an identity document ({@link FileKind#identityDocument}) only those who read whole identity
 *       numbers ({@link PersonalData#mayReadWhole}), the others see it listed as restricted and get 403.
 *       Every download of a file with personal data is recorded as a reveal ({@link #personal}); its
 *       thumbnail once per person, file and day.</li>
 *   <li><b>Who deletes</b> ({@link #delete}): the uploader, while the case is open and no task of it
 *       was completed since the file was added (no decision relied on it). A soft delete, on the
 *       timeline and the audit log.</li>
 * </ul>
 */
@Service
public class CaseFiles {

  public static final String FILE_ADDED = CaseActions.FILE_ADDED;
  public static final String FILE_DELETED = CaseActions.FILE_DELETED;

  /**
   * A file as the people who may see the case list it; {@code restricted}: an identity document the
   * user may not download (no URLs then).
   */
  public record FileView(long id, String name, String kind, String kindLabel, String contentType, long size,
      String uploadedBy, String uploadedByName, LocalDateTime uploadedAt, String taskId, String taskName,
      BigDecimal latitude, BigDecimal longitude, String downloadUrl, String thumbnailUrl, boolean restricted) {}

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
  private final PersonalData personalData;
  private final TaskHandOnGuard handOn;
  private final SeparationOfDuties duties;
  private final HistoryService history;
  private final TransactionTemplate transactions;

  public CaseFiles(CaseFileRepository files, FileStore store, FileSettings settings, ContentCheck check,
      CommunityScope scope, Cases cases, TaskService tasks, ProductRights product, Organisation organisation,
      AuditLog audit, RevealLog reveals, JdbcTemplate jdbc, PersonalData personalData, TaskHandOnGuard handOn,
      SeparationOfDuties duties, HistoryService history, PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.personalData = personalData;
    this.handOn = handOn;
    this.duties = duties;
    this.history = history;
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

  /** The person, the case and the fields of an upload, checked. */
  private record Accepted(CaseRecord c, Task task, FileKind kind, BigDecimal latitude, BigDecimal longitude) {}

  /**
   * Adds a file to the case, or refuses having written nothing. In three steps: who, where and what
   * are checked first (so nobody makes the server decode an image he may not add); then the content
   * ({@link ContentCheck}: an image decoded and re-encoded, few at a time), outside any transaction, so
   * neither a database connection nor the case's row is held while it waits or decodes; then, in one
   * transaction with the case's row locked, everything is checked again and written.
   */
  public FileView add(String userId, String businessKey, Upload upload) {
    transactions.executeWithoutResult(s -> accept(userId, businessKey, upload));
    ContentCheck.Checked checked = check.check(upload.content());
    return transactions.execute(s -> write(userId, businessKey, upload, checked));
  }

  private FileView write(String userId, String businessKey, Upload upload, ContentCheck.Checked checked) {
    Accepted a = accept(userId, businessKey, upload);
    CaseRecord c = a.c();
    Task task = a.task();
    FileKind kind = a.kind();
    // One upload at a time per case (the count limit holds under concurrent uploads).
    jdbc.queryForList("select business_key from biz_case where business_key = ? for update", String.class,
        c.businessKey());
    checkCount(c);
    String name = FileNames.clean(upload.fileName(), checked.contentType());

    String key = FileStore.newKey();
    String thumbnailKey = checked.image() ? FileStore.newKey() : null;
    store.put(key, checked.content());
    if (thumbnailKey != null) {
      store.put(thumbnailKey, checked.thumbnail());
    }
    String taskName = task == null ? null : Texts.fit(task.getName(), 200);
    // The location sent wins; without one, an on-site photo keeps where its EXIF says it was taken
    // (other kinds do not: a certificate photographed at home need not tell where home is).
    BigDecimal latitude = a.latitude();
    BigDecimal longitude = a.longitude();
    if (latitude == null && kind == FileKind.PHOTO && checked.location() != null) {
      latitude = checked.location().latitude();
      longitude = checked.location().longitude();
    }
    CaseFile row = new CaseFile(null, c.businessKey(), task == null ? null : task.getId(), taskName, kind.code, name,
        checked.contentType(), checked.content().length, sha256(checked.content()), store.name(), key, thumbnailKey,
        latitude, longitude, userId, Texts.fit(organisation.displayName(userId), 100),
        Clock.now().withNano(0), null, null);
    long id = files.insert(row);
    cases.event(c.businessKey(), userId, FILE_ADDED, taskName, null, kind.label + "：" + name);
    audit.record(AuditAction.FILE_ADDED, userId, "files:" + id, c.businessKey(), kind.label + "：" + name);
    return view(files.find(id), !mayOpen(userId, c, kind.code));
  }

  /** Who adds, to which case, on which task, of what kind and where: the refusal, or what was accepted. */
  private Accepted accept(String userId, String businessKey, Upload upload) {
    CaseRecord c = scope.visibleCase(userId, businessKey);
    Task task = actingOn(userId, c, blankToNull(upload.taskId()));
    FileKind kind = FileKind.parse(upload.kind());
    if (kind.identityDocument && !PersonalData.holdsIdentityNumbers(c.family())) {
      throw new InvalidInputException("kind", kind.label + "只能附在登记身份证号码的事项（居民迁入迁出、社区矫正）中："
          + "本事项没有人可以查看完整的身份证件信息");
    }
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
    checkCount(c);
    return new Accepted(c, task, kind, latitude, longitude);
  }

  private void checkCount(CaseRecord c) {
    if (files.count(c.businessKey()) >= settings.getMaxPerCase()) {
      throw new InvalidInputException("file", "每个事项最多 " + settings.getMaxPerCase() + " 个附件，已达上限");
    }
  }

  /** The files of a case the user may see (404 otherwise), oldest first; deleted files are not listed. */
  public List<FileView> list(String userId, String businessKey) {
    CaseRecord c = scope.visibleCase(userId, businessKey);
    return files.ofCase(c.businessKey()).stream().map(f -> view(f, !mayOpen(userId, c, f.kind()))).toList();
  }

  /**
   * Whether the user may download a file of this kind of a case he sees: anyone who sees the case,
   * except for an identity document, which only those who read whole identity numbers of the case's
   * people may ({@link PersonalData#mayReadWhole}, the one policy of {@code PersonalData.WHOLE}).
   */
  boolean mayOpen(String userId, CaseRecord c, String kind) {
    if (!FileKind.isIdentityDocument(kind)) {
      return true;
    }
    String unit;
    try {
      unit = cases.unitOf(c);
    } catch (IllegalStateException e) {
      return false;
    }
    return personalData.mayReadWhole(userId, c.family(), unit);
  }

  /** A file (or its thumbnail) for someone who may see its case; 404 alike for a missing file and a hidden one. */
  @Transactional
  public Download open(String userId, long id, boolean thumbnail) {
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    CaseFile f = visibleFile(userId, id);
    CaseRecord c = cases.get(f.businessKey());
    if (!mayOpen(userId, c, f.kind())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "该附件是" + FileKind.labelOf(f.kind())
          + "，含完整的身份证件信息：只有可以查看完整身份证号码的人员（如本社区主任、街道社会事务办）可以下载");
    }
    if (thumbnail && f.thumbnailKey() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "该附件不是图片，没有缩略图");
    }
    byte[] content = store.get(thumbnail ? f.thumbnailKey() : f.storageKey());
    // Every download of the file is recorded; a thumbnail once per person, file and day (docs/audit.md:
    // who saw personal data is known, without an entry for every list shown).
    if (personal(c, f.kind()) && !(thumbnail && reveals.fileRecordedOn(userId, f.id(), Clock.today()))) {
      reveals.recordFile(userId, c.businessKey(), f.id(), FileKind.labelOf(f.kind()) + "：" + f.fileName()
          + (thumbnail ? "（缩略图）" : ""));
    }
    boolean image = thumbnail || f.thumbnailKey() != null;
    return new Download(f.fileName(), thumbnail ? ContentCheck.JPEG : f.contentType(), content, image);
  }

  /** A file that is not deleted, of a case the user may see; 404 alike for a missing file and a hidden one. */
  private CaseFile visibleFile(String userId, long id) {
    CaseFile f = files.find(id);
    CaseRecord c = f == null || f.deleted() ? null : cases.get(f.businessKey());
    if (c == null || !scope.canSee(userId, c, cases.familyOf(c))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该附件，或无权查看");
    }
    return f;
  }

  /**
   * Deletes a file (soft delete: the row stays, the bytes until the nightly {@link CaseFileRetention};
   * nobody lists or downloads it), or refuses
   * having written nothing: only its uploader (403), only while the case is open (403) and only while
   * no decision relied on it, i.e. no task of the case was completed since it was added (409). Who
   * may not see the case gets 404. Recorded on the timeline ({@code file-deleted}) and the audit log.
   */
  @Transactional
  public void delete(String userId, long id) {
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    CaseFile f = visibleFile(userId, id);
    CaseRecord c = cases.get(f.businessKey());
    if (!userId.equals(f.uploadedBy())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有上传人可以删除自己上传的附件");
    }
    if (c.closedAt() != null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "事项已办结，附件不能删除");
    }
    // The case row serialises deletions with uploads (and the count limit).
    jdbc.queryForList("select business_key from biz_case where business_key = ? for update", String.class,
        c.businessKey());
    if (reliedOn(c, f)) {
      throw new CaseConflictException("该附件上传后本事项已有人办理（审批），办理时可能已依据该附件，不能删除；"
          + "如有错误，请上传更正的附件并在意见中说明");
    }
    if (!files.markDeleted(f.id(), userId, Clock.now().withNano(0))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有该附件，或无权查看");
    }
    String what = FileKind.labelOf(f.kind()) + "：" + f.fileName();
    cases.event(c.businessKey(), userId, FILE_DELETED, f.taskName(), null, what);
    audit.record(AuditAction.FILE_DELETED, userId, "files:" + f.id(), c.businessKey(), what);
  }

  /**
   * Whether a decision may have relied on the file: a task of the case was completed at or after the
   * second it was added (the engine's history; the same second counts, so no race lets it through).
   */
  private boolean reliedOn(CaseRecord c, CaseFile f) {
    if (c.processInstanceId() == null) {
      return false;
    }
    java.util.Date since = Clock.toDate(f.uploadedAt().minusSeconds(1));
    return product.run(() -> history.createHistoricTaskInstanceQuery().processInstanceId(c.processInstanceId())
        .finished().finishedAfter(since).count() > 0);
  }

  /**
   * Whether a file carries personal data, so that every download is recorded like a whole identity
   * number shown: every file of a family whose cases hold identity numbers (residents moving and
   * their address certificates, community correction: {@link PersonalData#holdsIdentityNumbers}),
   * and a medical certificate (health data) in any family.
   */
  static boolean personal(CaseRecord c, String kind) {
    return PersonalData.holdsIdentityNumbers(c.family()) || FileKind.MEDICAL_CERTIFICATE.code.equals(kind)
        || FileKind.isIdentityDocument(kind);
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
      if (!duties.mayHold(userId, c, task.getProcessDefinitionId().split(":")[0], task.getTaskDefinitionKey())) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "回避：申请人不能在办理本事项的“" + task.getName()
            + "”任务中添加附件");
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

  /**
   * The assignee, or for an unclaimed task someone who may claim it under the platform's one rule
   * ({@link TaskHandOnGuard#mayReceive}: a candidate by his post, not a party to the case (回避) and
   * one the case may take in (ORG-5)).
   */
  private boolean holds(String userId, Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(userId);
    }
    return product.run(() -> handOn.mayReceive(userId, task, handOn.candidates(task.getId())));
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

  static FileView view(CaseFile f, boolean restricted) {
    String url = restricted ? null : "/api/files/" + f.id();
    return new FileView(f.id(), f.fileName(), f.kind(), FileKind.labelOf(f.kind()), f.contentType(), f.sizeBytes(),
        f.uploadedBy(), f.uploadedByName(), f.uploadedAt(), f.taskId(), f.taskName(), f.latitude(), f.longitude(),
        url, f.thumbnailKey() == null || restricted ? null : url + "/thumbnail", restricted);
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
