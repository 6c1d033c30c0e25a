package cn.shequflow.leave;

import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.organisation.RoleAssignment;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The leave ledger (LV-6) over HTTP: {@code GET /api/leave/ledger?communityId=&status=&page=&size=}.
 * Street leaders and the social affairs office see every community; a director or liaison
 * leader sees his community only; nobody else sees the ledger.
 */
@RestController
@RequestMapping("/api/leave")
public class LeaveLedgerController {

  /** Street roles that oversee leave in all communities (LV-2, LV-3). */
  static final Set<Role> STREET_VIEWERS = Set.of(Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE, Role.SOCIAL_AFFAIRS);
  /** Roles that see the ledger of the community they hold the role at. */
  static final Set<Role> COMMUNITY_VIEWERS = Set.of(Role.DIRECTOR, Role.LIAISON_LEADER);

  public record Page<T>(int page, int size, long total, List<T> items) {}

  public record LedgerItem(LeaveEntry request, String leaveTypeLabel, String statusLabel,
      List<LeaveDecisionEntry> decisions) {}

  private final LeaveLedgerMapper ledger;
  private final Organisation organisation;
  private final CurrentUser currentUser;
  private final IdentityService identity;

  public LeaveLedgerController(LeaveLedgerMapper ledger, Organisation organisation, CurrentUser currentUser,
      IdentityService identity) {
    this.ledger = ledger;
    this.organisation = organisation;
    this.currentUser = currentUser;
    this.identity = identity;
  }

  @GetMapping("/ledger")
  public Page<LedgerItem> ledger(
      @RequestParam(required = false) String communityId,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    String userId = currentUser.id();
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    if (status != null) {
      try {
        LeaveStatus.of(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("status", "状态取值无效：" + status
            + "，可选值为 pending | approved | rejected | withdrawn | returned | late");
      }
    }
    if (page < 1) {
      throw new InvalidInputException("page", "页码从 1 开始");
    }
    if (size < 1 || size > 100) {
      throw new InvalidInputException("size", "每页条数应在 1 到 100 之间");
    }
    List<String> communities = visibleCommunities(userId, communityId);
    long total = ledger.count(communities, status);
    List<LedgerItem> items = ledger.page(communities, status, size, (page - 1) * size).stream()
        .map(e -> new LedgerItem(e, LeaveType.of(e.leaveType()).label(), statusLabel(e),
            ledger.decisions(e.businessKey())))
        .toList();
    return new Page<>(page, size, total, items);
  }

  /** LV-6: "late" is either still not reported back, or reported back late. */
  static String statusLabel(LeaveEntry e) {
    LeaveStatus status = LeaveStatus.of(e.status());
    if (status == LeaveStatus.LATE && e.returnedOn() == null) {
      return "逾期未销假";
    }
    return status.label();
  }

  /** The communities the user may see, narrowed to {@code requested}; {@code null} means all. */
  private List<String> visibleCommunities(String userId, String requested) {
    boolean admin = identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
    List<RoleAssignment> roles = organisation.roles(userId);
    if (admin || roles.stream().anyMatch(r -> STREET_VIEWERS.contains(r.role()))) {
      return requested == null ? null : List.of(requested);
    }
    List<String> own = roles.stream()
        .filter(r -> COMMUNITY_VIEWERS.contains(r.role()))
        .map(RoleAssignment::unitId)
        .distinct()
        .toList();
    if (own.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有居委会主任、蹲点领导和街道领导、社会事务办可以查看请假台账");
    }
    if (requested == null) {
      return own;
    }
    if (!own.contains(requested)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看社区 " + requested + " 的请假台账");
    }
    return List.of(requested);
  }
}
