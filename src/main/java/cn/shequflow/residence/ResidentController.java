package cn.shequflow.residence;

import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.organisation.RoleAssignment;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resident register over HTTP:
 * {@code GET /api/residents?name=&idNumber=&address=&residentType=&status=&communityId=&page=&size=}.
 * Who sees which communities is the platform's {@link CommunityScope} for the resident-move family
 * (a community's people their own community, the street roles every community). Identity numbers
 * are shown whole only to those who need them: the street roles, administrators and the director of
 * the resident's community; everyone else reads {@code 360403********0012}. Searching by identity
 * number is exact.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "台账与登记簿")
@RestController
@RequestMapping("/api/residents")
public class ResidentController {

  public record Item(Resident resident, String residentTypeLabel, String statusLabel, String sexLabel) {}

  public record Page(int page, int size, long total, List<Item> items) {}

  private static final Set<Role> FULL_NUMBER_STREET_ROLES = Set.of(Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE,
      Role.SOCIAL_AFFAIRS, Role.STREET_DEPARTMENT);

  private final ResidentMapper mapper;
  private final CommunityScope scope;
  private final CaseFamilies families;
  private final CurrentUser currentUser;
  private final Organisation organisation;
  private final IdentityService identity;

  public ResidentController(ResidentMapper mapper, CommunityScope scope, CaseFamilies families,
      CurrentUser currentUser, Organisation organisation, IdentityService identity) {
    this.mapper = mapper;
    this.scope = scope;
    this.families = families;
    this.currentUser = currentUser;
    this.organisation = organisation;
    this.identity = identity;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "居民登记簿（身份证号按统一的个人信息规则显示）")
  @GetMapping
  public Page search(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) String address,
      @RequestParam(required = false) String residentType,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String communityId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    CaseFamily family = families.byKey(ResidenceFamily.KEY);
    String userId = currentUser.id();
    List<String> communities = scope.forListing(userId, family, blankToNull(communityId));
    Paging paging = new Paging(page, size);
    String type = blankToNull(residentType);
    if (type != null && ResidentMoveValidator.RESIDENT_TYPES.stream().noneMatch(type::equals)) {
      throw new InvalidInputException("residentType", "人口类型应为 registered（户籍人口）或 migrant（流动人口）");
    }
    String st = blankToNull(status);
    if (st != null && !st.equals(Resident.REGISTERED) && !st.equals(Resident.MOVED_OUT)) {
      throw new InvalidInputException("status", "状态应为 registered（在册）或 moved-out（已迁出）");
    }
    String id = blankToNull(idNumber);
    if (id != null) {
      id = id.toUpperCase();
      if (id.length() > 18) {
        throw new InvalidInputException("idNumber", "身份证号不能超过 18 位");
      }
    }
    // Searched with LIKE: what a clerk types is matched literally, % and _ included.
    String n = likeLiteral(limited(name, "name", 50));
    String a = likeLiteral(limited(address, "address", 200));
    long total = mapper.count(communities, n, id, a, type, st);
    FullNumbers full = fullNumbers(userId);
    List<Item> items = mapper.page(communities, n, id, a, type, st, size, paging.offset()).stream()
        .map(r -> new Item(full.covers(r.communityId()) ? r : r.masked(), ResidentType.of(r.residentType()).label(),
            Resident.REGISTERED.equals(r.status()) ? "在册" : "已迁出", "male".equals(r.sex()) ? "男" : "女"))
        .toList();
    return new Page(page, size, total, items);
  }

  /** Whose identity numbers the user reads in full: all, or those of the communities he directs. */
  private record FullNumbers(boolean all, Set<String> communities) {
    boolean covers(String communityId) {
      return all || communities.contains(communityId);
    }
  }

  private FullNumbers fullNumbers(String userId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0) {
      return new FullNumbers(true, Set.of());
    }
    List<RoleAssignment> roles = organisation.roles(userId);
    if (roles.stream().anyMatch(r -> FULL_NUMBER_STREET_ROLES.contains(r.role()))) {
      return new FullNumbers(true, Set.of());
    }
    return new FullNumbers(false, Set.copyOf(roles.stream().filter(r -> r.role() == Role.DIRECTOR)
        .map(RoleAssignment::unitId).toList()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String limited(String value, String field, int max) {
    String v = blankToNull(value);
    if (v != null && v.length() > max) {
      throw new InvalidInputException(field, "查询条件不能超过 " + max + " 个字符");
    }
    return v;
  }

  /** Escapes LIKE wildcards with '!' (the mapper's ESCAPE character), so they match themselves. */
  static String likeLiteral(String text) {
    return text == null ? null : text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
