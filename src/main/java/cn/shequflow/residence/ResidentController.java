package cn.shequflow.residence;

import cn.shequflow.core.cases.LedgerChoices;
import cn.shequflow.core.export.Column;
import cn.shequflow.core.export.Exports;
import org.springframework.http.ResponseEntity;

import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.privacy.PersonalData;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resident register over HTTP:
 * {@code GET /api/residents?name=&idNumber=&address=&residentType=&status=&communityId=&page=&size=}.
 * Who sees which communities is the platform's {@link CommunityScope} for the resident-move family
 * (a community's people their own community, the street roles every community). Identity numbers
 * follow the one policy, {@link PersonalData}: whole (and recorded) for those it names, else
 * {@code 360403***********X} without sex and birth date. Searching by identity number is exact.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "台账与登记簿")
@RestController
@RequestMapping("/api/residents")
public class ResidentController implements LedgerChoices {

  public record Item(Resident resident, String residentTypeLabel, String statusLabel, String sexLabel) {}

  public record Page(int page, int size, long total, List<Item> items) {}

  /** A resident's status in the register, as a clerk reads it. */
  static final java.util.Map<String, String> STATUSES = statuses();

  private static java.util.Map<String, String> statuses() {
    java.util.Map<String, String> statuses = new java.util.LinkedHashMap<>();
    statuses.put(Resident.REGISTERED, "在册");
    statuses.put(Resident.MOVED_OUT, "已迁出");
    return java.util.Collections.unmodifiableMap(statuses);
  }

  private final ResidentMapper mapper;
  private final CommunityScope scope;
  private final CaseFamilies families;
  private final CurrentUser currentUser;
  private final PersonalData personalData;
  private final Exports exports;

  /** The rows as the JSON gives them: identity numbers, sex and birth date as the one policy shows them. */
  static final List<Column<Item>> COLUMNS = List.of(
      Column.of("姓名", i -> i.resident().personName()),
      Column.of("身份证号", i -> i.resident().idNumber()),
      Column.of("性别", Item::sexLabel),
      Column.of("出生日期", i -> i.resident().birthDate()),
      Column.of("社区", i -> i.resident().communityName()),
      Column.of("住址", i -> i.resident().address()),
      Column.of("人口类型", Item::residentTypeLabel),
      Column.of("租住", i -> i.resident().renting()),
      Column.of("迁入日期", i -> i.resident().arrivedOn()),
      Column.of("迁出日期", i -> i.resident().departedOn()),
      Column.of("状态", Item::statusLabel));

  public ResidentController(ResidentMapper mapper, CommunityScope scope, CaseFamilies families,
      CurrentUser currentUser, PersonalData personalData, Exports exports) {
    this.exports = exports;
    this.mapper = mapper;
    this.scope = scope;
    this.families = families;
    this.currentUser = currentUser;
    this.personalData = personalData;
  }
  @Override
  public String ledger() {
    return "residents";
  }

  @Override
  public java.util.Map<String, java.util.List<Choice>> choices() {
    java.util.Map<String, String> types = new java.util.LinkedHashMap<>();
    for (ResidentType t : ResidentType.values()) {
      types.put(t.code(), t.label());
    }
    return java.util.Map.of("residentType", LedgerChoices.of(types), "status", LedgerChoices.of(STATUSES));
  }


  @io.swagger.v3.oas.annotations.Operation(summary = "居民登记簿（身份证号按统一的个人信息规则显示；format=xlsx：整个筛选结果导出为 Excel）")
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
    List<Item> items = mapper.page(communities, n, id, a, type, st, size, paging.offset()).stream()
        .map(r -> shown(userId, r))
        .map(r -> new Item(r, ResidentType.of(r.residentType()).label(),
            STATUSES.getOrDefault(r.status(), r.status()), r.isMasked() ? null : sexLabel(r.sex())))
        .toList();
    return new Page(page, size, total, items);
  }

  /** The row as the user may read it (PersonalData); a whole number shown is recorded. */
  private Resident shown(String userId, Resident r) {
    String idNumber = personalData.reveal(userId, ResidenceFamily.KEY, r.communityId(), r.idNumber(),
        PersonalData.Surface.RESIDENTS, null, r.id());
    return PersonalData.isMasked(idNumber) ? r.masked() : r;
  }

  private static String sexLabel(String sex) {
    return sex == null ? null : "male".equals(sex) ? "男" : "女";
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

  @io.swagger.v3.oas.annotations.Hidden // documented with the list: ?format=xlsx
  @GetMapping(params = "format=xlsx")
  public ResponseEntity<byte[]> searchWorkbook(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) String address,
      @RequestParam(required = false) String residentType,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String communityId) {
    List<Item> rows = Exports.allPages(
        n -> search(name, idNumber, address, residentType, status, communityId, n, Paging.MAX_SIZE).items());
    // The selection is recorded without the identity number searched for (the audit log keeps no whole number).
    return exports.send("居民登记簿", COLUMNS, rows, Exports.selection("社区", communityId, "姓名", name,
        "身份证号", idNumber == null || idNumber.isBlank() ? null : "（已指定）", "人口类型", residentType, "状态", status));
  }
}
