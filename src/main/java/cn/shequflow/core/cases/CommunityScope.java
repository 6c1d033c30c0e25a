package cn.shequflow.core.cases;

import cn.shequflow.core.approval.ApprovalChain;
import cn.shequflow.core.inbox.CcMapper;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.RoleAssignment;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who sees what, decided in one place for every ledger and register endpoint: the family declares
 * which roles see every community and which see their own ({@link CaseFamily}); administrators see
 * everything; a single case is also visible to its applicant and to the people on its approval chain.
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
  private final IdentityService identity;
  private final ApprovalChain approvals;
  private final CcMapper copies;

  public CommunityScope(Organisation organisation, IdentityService identity, ApprovalChain approvals, CcMapper copies) {
    this.organisation = organisation;
    this.identity = identity;
    this.approvals = approvals;
    this.copies = copies;
  }

  public Scope of(String userId, CaseFamily family) {
    if (isAdmin(userId)) {
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
   * Whether the user may see one case: applicant, in scope, on its approval chain, or someone the
   * case was copied to (抄送, issue 10).
   */
  public boolean canSee(String userId, CaseRecord record, CaseFamily family) {
    return canSeeWithoutCopy(userId, record, family) || copies.copiedTo(record.businessKey(), userId) > 0;
  }

  /** {@link #canSee} without copies: who may see the case in his own right (whom it may be copied to). */
  public boolean canSeeWithoutCopy(String userId, CaseRecord record, CaseFamily family) {
    return userId.equals(record.applicantId())
        || of(userId, family).covers(record.communityId())
        || approvals.involves(record.businessKey(), userId);
  }

  /**
   * Families whose cases carry personal data of people under community correction (社区矫正): their
   * own viewers see them, community staff and grid workers never.
   */
  static final Set<String> CONFIDENTIAL_FAMILIES = Set.of("correction-travel", "correction-residence-change");

  /**
   * The one rule of whom a task's holder may bring into a case, which lets that person see it: a
   * copy (抄送) and an added signer (加签). For a confidential family only people who may see the
   * case in their own right ({@link #canSeeWithoutCopy}); otherwise anyone the operation's own rule
   * allows (people of the case's street).
   */
  public boolean mayBringIn(String userId, CaseRecord record, CaseFamily family) {
    return !CONFIDENTIAL_FAMILIES.contains(family.key()) || canSeeWithoutCopy(userId, record, family);
  }

  private boolean isAdmin(String userId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
  }
}
