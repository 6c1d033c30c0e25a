package cn.shequflow.core.cases;

import cn.shequflow.core.calendar.Deadlines;
import cn.shequflow.core.process.CurrentUser;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case as the people who may see it read it: {@code GET /api/cases/{businessKey}} (with its named
 * deadlines, each marked {@code provisional} when counted in a year without a holiday file) and its
 * timeline {@code GET /api/cases/{businessKey}/timeline} (oldest first, CONTRACTS.md).
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "事项")
@RestController
@RequestMapping("/api/cases")
public class CaseController {

  public record CaseView(String businessKey, String family, String familyLabel, String applicantId,
      String applicantName, String communityId, String communityName, String subject, String status,
      String statusLabel, int submission, LocalDateTime createdAt, LocalDateTime updatedAt, LocalDateTime closedAt,
      List<Deadlines.Deadline> deadlines) {}

  public record TimelineEntry(LocalDateTime at, String userId, String userName, String action, String actionLabel,
      String taskName, Boolean approved, String comment) {}

  private final Cases cases;
  private final CommunityScope scope;
  private final CurrentUser currentUser;
  private final Deadlines deadlines;

  public CaseController(Cases cases, CommunityScope scope, CurrentUser currentUser, Deadlines deadlines) {
    this.cases = cases;
    this.scope = scope;
    this.currentUser = currentUser;
    this.deadlines = deadlines;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "事项详情，含各项期限（暂定期限注明）")
  @GetMapping("/{businessKey}")
  public CaseView get(@PathVariable String businessKey) {
    CaseRecord c = visible(businessKey);
    CaseFamily family = cases.familyOf(c);
    return new CaseView(c.businessKey(), c.family(), family.label(), c.applicantId(), c.applicantName(),
        c.communityId(), c.communityName(), c.subject(), c.status(), family.statusLabel(c.status()), c.submission(),
        c.createdAt(), c.updatedAt(), c.closedAt(), deadlines.of(c.businessKey(), c.createdAt()));
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "审批记录（时间线），按时间先后")
  @GetMapping("/{businessKey}/timeline")
  public List<TimelineEntry> timeline(@PathVariable String businessKey) {
    CaseRecord c = visible(businessKey);
    CaseFamily family = cases.familyOf(c);
    return cases.timeline(businessKey).stream()
        .map(e -> new TimelineEntry(e.occurredAt(), e.userId(), e.userName(), e.action(),
            CaseActions.label(e.action(), family), e.taskName(), e.approved(), e.comment()))
        .toList();
  }

  private CaseRecord visible(String businessKey) {
    return scope.visibleCase(currentUser.id(), businessKey);
  }
}
