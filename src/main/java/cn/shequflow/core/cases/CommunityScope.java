package cn.shequflow.core.cases;

import cn.shequflow.core.inbox.ProductRights;
import org.camunda.bpm.engine.TaskService;
import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.inbox.CcMapper;
import cn.shequflow.core.organisation.OrgUnit;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.RoleAssignment;
import cn.shequflow.core.organisation.UnitLevel;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import cn.shequflow.core.process.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who sees what, decided in one place for every ledger and register endpoint: the family declares
 * which roles see every community and which see their own ({@link CaseFamily}); administrators see
 * everything; a single case is also visible to its applicant and to the people brought into it (its
 * approval chain, copies, a task delegated to him) as far as ORG-5 lets them be brought in ({@link #broughtInAs}).
 */
@Service
public class CommunityScope {

  /** The communities a user may see: all of them, or the listed ones (possibly none). */
  public record Scope(boolean all, Set<String> communities) {

    public boolean covers(String communityId) {
      return all || (communityId != null && communities.contains(communityId));
    }

    public boolean isEmpty() {
      return !all && communities.isEmpty();
    }

    /**
     * The communities to list, narrowed to {@code requested}: {@code null} means every community.
     * Asking for a community outside the scope is 403.
     */
    public List<String> narrow(String requested) {
      if (requested != null && !covers(requested)) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看社区 " + requested + " 的数据");
      }
      if (requested != null) {
        return List.of(requested);
      }
      return all ? null : List.copyOf(communities);
    }
  }

  private final Organisation organisation;
  private final CurrentUser currentUser;
  private final ApprovalChain approvals;
  private final CcMapper copies;
  private final Cases cases;

  private final TaskService tasks;
  private final ProductRights product;

  public CommunityScope(Organisation organisation, CurrentUser currentUser, ApprovalChain approvals, CcMapper copies,
      Cases cases, TaskService tasks, ProductRights product) {
    this.tasks = tasks;
    this.product = product;
    this.cases = cases;
    this.organisation = organisation;
    this.currentUser = currentUser;
    this.approvals = approvals;
    this.copies = copies;
  }

  public Scope of(String userId, CaseFamily family) {
    if (currentUser.isAdministrator(userId)) {
      return new Scope(true, Set.of());
    }
    List<RoleAssignment> roles = organisation.roles(userId);
    if (roles.stream().anyMatch(r -> family.streetViewers().contains(r.role()))) {
      return new Scope(true, Set.of());
    }
    Set<String> own = new TreeSet<>();
    roles.stream().filter(r -> family.communityViewers().contains(r.role())).forEach(r -> own.add(r.unitId()));
    return new Scope(false, own);
  }

  /**
   * The communities a ledger or register listing of {@code family} shows the user, narrowed to
   * {@code requested}: {@code null} means every community. 401 without a user, 403 for someone who
   * sees no community of the family, or asks for one outside his scope.
   */
  public List<String> forListing(String userId, CaseFamily family, String requested) {
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    Scope scope = of(userId, family);
    if (scope.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "无权查看" + family.label() + "台账");
    }
    return scope.narrow(requested);
  }

  /**
   * What a ledger of {@code family} lists for a user: {@code communities} ({@code null}: every one)
   * and, when {@code applicantId} is set, only that person's own rows.
   */
  public record Listing(List<String> communities, String applicantId) {}

  /**
   * A ledger listing (issue 10, staff see their own ledger rows): with {@code mine}, or for someone
   * who sees no community of the family and names none, the user's own requests (in
   * {@code requested}, if named); otherwise {@link #forListing}.
   */
  public Listing forLedger(String userId, CaseFamily family, String requested, boolean mine) {
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    if (mine || requested == null && of(userId, family).isEmpty()) {
      return new Listing(requested == null ? null : List.of(requested), userId);
    }
    return new Listing(forListing(userId, family, requested), null);
  }

  /**
   * Whether the user may see one case: its applicant, someone whose scope covers it, and someone
   * brought into it — on its approval chain (a decision, a position of his own, a group on it) or
   * copied (抄送, issue 10) — as far as he may be brought into it ({@link #broughtInAs}). A copy or
   * a place on the chain that an earlier, laxer rule let through never widens what another
   * community's people read.
   */
  public boolean canSee(String userId, CaseRecord record, CaseFamily family) {
    if (userId.equals(record.applicantId()) || of(userId, family).covers(record.communityId())) {
      return true;
    }
    boolean broughtIn = approvals.involves(record.businessKey(), userId)
        || copies.copiedTo(record.businessKey(), userId) > 0
        || holdsOpenTask(userId, record);
    return broughtIn && mayBringIn(userId, record, family);
  }

  /** Whether the person is the assignee of an open task of the case (e.g. a task delegated to him, 委派). */
  private boolean holdsOpenTask(String userId, CaseRecord record) {
    return record.processInstanceId() != null && product.run(() -> tasks.createTaskQuery()
        .processInstanceId(record.processInstanceId()).taskAssignee(userId).count() > 0);
  }

  /**
   * ORG-5 for everyone brought into a case: the one rule of whom a copy (抄送), an added signer
   * (加签), a transfer (转办), a delegation (委派) or a hand-on over the engine may bring in, and of
   * whom a copy or a place on the chain lets see it. The role in which the person may take part, if
   * any: a community role the family lets see its cases or take part in them
   * ({@link CaseFamily#communityViewers}, {@link CaseFamily#participants}) held at the case's own
   * community, or a street or district role it allows ({@link CaseFamily#streetViewers},
   * {@link CaseFamily#participants}) held at the street or district the case belongs to. Another
   * community's people, in whatever role, never.
   */
  public Optional<RoleAssignment> broughtInAs(String userId, CaseRecord record, CaseFamily family) {
    String caseUnit = unitOf(record);
    if (userId == null || caseUnit == null) {
      return Optional.empty();
    }
    Set<String> above = unitAndAbove(caseUnit);
    for (RoleAssignment r : organisation.roles(userId)) {
      boolean community = r.role().level() == UnitLevel.COMMUNITY;
      boolean allowed = family.participants().contains(r.role())
          || (community ? family.communityViewers() : family.streetViewers()).contains(r.role());
      boolean ofTheCase = community ? r.unitId().equals(caseUnit) : above.contains(r.unitId());
      if (allowed && ofTheCase) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Whether the person may be brought into the case ({@link #broughtInAs}). */
  public boolean mayBringIn(String userId, CaseRecord record, CaseFamily family) {
    return broughtInAs(userId, record, family).isPresent();
  }

  /**
   * Why the person may not be brought into the case, for the refusal (the sentence ends with what he
   * may not do, e.g. "，不能抄送").
   */
  public String notBroughtIn(String userId, CaseRecord record, CaseFamily family) {
    String who = organisation.displayName(userId) + "（" + userId + "）";
    if (family.communityViewers().isEmpty() && family.participants().isEmpty()) {
      return who + "无权查看" + family.label() + "事项";
    }
    String community = record.communityName() != null ? record.communityName() : "本事项所在单位";
    return who + "不是" + community + "的人员，也不是" + family.label() + "事项可以请来的街道岗位";
  }

  /** The case's community, or the unit of an applicant acting in a street role; null if he holds it no more. */
  private String unitOf(CaseRecord record) {
    if (record.communityId() != null) {
      return record.communityId();
    }
    try {
      return cases.unitOf(record);
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** The unit and the units above it (its street, its district). */
  private Set<String> unitAndAbove(String unitId) {
    Set<String> units = new HashSet<>();
    Optional<OrgUnit> unit = organisation.unit(unitId);
    while (unit.isPresent() && units.add(unit.get().id())) {
      unit = unit.get().parentId() == null ? Optional.empty() : organisation.unit(unit.get().parentId());
    }
    return units;
  }

  /**
   * The case {@code userId} asks for, if he may see it: 401 without a login; an unknown case and one
   * the user may not see answer alike (404), so business keys cannot be probed.
   */
  public CaseRecord visibleCase(String userId, String businessKey) {
    if (userId == null) {
      throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.UNAUTHORIZED,
          "请先登录");
    }
    CaseRecord c = cases.get(businessKey);
    if (c == null || !canSee(userId, c, cases.familyOf(c))) {
      throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
          "没有编号为 " + businessKey + " 的事项，或无权查看");
    }
    return c;
  }
}
