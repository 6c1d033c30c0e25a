package cn.shequflow.core.privacy;

import cn.shequflow.core.audit.AuditAction;
import cn.shequflow.core.audit.AuditLog;
import cn.shequflow.core.audit.AuditQuery;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.organisation.Organisation;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The record of every whole identity number shown: who, when, on which surface, for which case or
 * resident. Its one source of truth is the tamper-evident audit log: each reveal is an entry
 * {@code reveal} ({@link AuditLog#reveal}) written in the caller's transaction, with the surface and
 * resident as its target ({@code residents:42}, {@code certificates:42}, {@code sheet}) and the
 * surface's label as its detail; administrators read them at {@code GET /api/privacy/reveals}.
 */
@Component
public class RevealLog {

  public record Reveal(Long id, LocalDateTime revealedAt, String userId, String userName, String surface,
      String businessKey, Long residentId) {}

  public record Page(long total, List<Reveal> items) {}

  private static final Pattern RESIDENT = Pattern.compile("(?:^|[: ])(?:resident )?(\\d+)$");

  private final AuditLog audit;
  private final AuditQuery query;
  private final Organisation organisation;

  public RevealLog(AuditLog audit, AuditQuery query, Organisation organisation) {
    this.audit = audit;
    this.query = query;
    this.organisation = organisation;
  }

  /** Records that {@code userId} was shown a whole identity number on {@code surface}. */
  public void record(String userId, PersonalData.Surface surface, String businessKey, Long residentId) {
    audit.reveal(userId, surface.code() + (residentId == null ? "" : ":" + residentId), businessKey, surface.label());
  }

  /**
   * Records that {@code userId} downloaded file {@code fileId} of a case with personal data (target
   * {@code files:<id>}, detail the file's kind and name), like a whole number shown.
   */
  public void recordFile(String userId, String businessKey, long fileId, String what) {
    audit.reveal(userId, PersonalData.Surface.FILES.code() + ":" + fileId, businessKey,
        PersonalData.Surface.FILES.label() + " " + what);
  }

  /**
   * Whether {@code userId} has a reveal of file {@code fileId} recorded on {@code day} (a day of the
   * audit chain, China Standard Time): a thumbnail is recorded once per person, file and day.
   */
  public boolean fileRecordedOn(String userId, long fileId, java.time.LocalDate day) {
    return query.countReveals(userId, PersonalData.Surface.FILES.code() + ":" + fileId, day) > 0;
  }

  /** The reveals, newest first. */
  public Page page(Paging paging) {
    AuditQuery.Page entries = query.page(new AuditQuery.Filter(null, AuditAction.REVEAL.code, null, null, null), paging);
    return new Page(entries.total(), entries.items().stream().map(this::reveal).toList());
  }

  private Reveal reveal(AuditQuery.Item e) {
    String target = e.target() == null ? "" : e.target();
    String surface = Arrays.stream(PersonalData.Surface.values())
        .filter(s -> target.startsWith(s.code()) || s.label().equals(e.detail())).map(PersonalData.Surface::code)
        .findFirst().orElse(target);
    Matcher resident = RESIDENT.matcher(target);
    boolean file = target.startsWith(PersonalData.Surface.FILES.code() + ":");
    return new Reveal(e.id(), e.at(), e.actorId(), organisation.displayName(e.actorId()), surface, e.businessKey(),
        !file && resident.find() ? Long.valueOf(resident.group(1)) : null);
  }
}
