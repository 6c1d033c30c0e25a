package cn.shequflow.residence;

import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.export.Column;
import cn.shequflow.core.export.Exports;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.privacy.PersonalData;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * RM-5, the register of address certificates (居住证明登记簿): every certificate issued in the
 * communities the person may see, newest first, over HTTP:
 * {@code GET /api/address-certificates?communityId=&name=&certificateNo=&from=&until=&page=&size=};
 * with {@code format=xlsx} the whole selection as an Excel workbook ({@link Exports}). Who sees which
 * communities is the platform's {@link CommunityScope} for the resident-move family, as for the
 * resident register (ORG-5: a community's certificates stay with that community and the street roles
 * over it). The identity number on each stub follows the one policy, {@link PersonalData}: whole (and
 * recorded) for those it names, else masked.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "台账与登记簿")
@RestController
@RequestMapping("/api/address-certificates")
public class CertificateRegister {

  /** The register's filters, bound once for the list and its workbook. */
  public record Filter(
      @Parameter(description = "社区编号；不填为可查看的全部社区") String communityId,
      @Parameter(description = "居民姓名（包含即可）") String name,
      @Parameter(description = "证明编号，如 ZM-2026-000001") String certificateNo,
      @Parameter(description = "开具日期起（含），yyyy-MM-dd") String from,
      @Parameter(description = "开具日期止（含），yyyy-MM-dd") String until) {}

  /** A certificate's stub as the register lists it (the identity number as the policy shows it). */
  @Schema(name = "CertificateStub")
  public record Stub(String certificateNo, Long residentId, String communityId, String communityName,
      String personName, String idNumber, String address, String purpose, String documents, LocalDateTime issuedAt,
      String issuedBy, String issuedByName) {}

  @Schema(name = "CertificateRegisterItem")
  public record Item(Stub certificate, String documentsLabel) {}

  @Schema(name = "CertificateRegisterPage")
  public record Page(int page, int size, long total, List<Item> items) {}

  static final List<Column<Item>> COLUMNS = List.of(
      Column.of("证明编号", i -> i.certificate().certificateNo()),
      Column.of("姓名", i -> i.certificate().personName()),
      Column.of("身份证号", i -> i.certificate().idNumber()),
      Column.of("社区", i -> i.certificate().communityName()),
      Column.of("住址", i -> i.certificate().address()),
      Column.of("证明用途", i -> i.certificate().purpose()),
      Column.of("查验材料", Item::documentsLabel),
      Column.of("开具时间", i -> i.certificate().issuedAt()),
      Column.of("开具人", i -> i.certificate().issuedByName()));

  private final AddressCertificates.CertificateMapper certificates;
  private final CommunityScope scope;
  private final CaseFamilies families;
  private final CurrentUser currentUser;
  private final PersonalData personalData;
  private final Exports exports;

  public CertificateRegister(AddressCertificates.CertificateMapper certificates, CommunityScope scope,
      CaseFamilies families, CurrentUser currentUser, PersonalData personalData, Exports exports) {
    this.certificates = certificates;
    this.scope = scope;
    this.families = families;
    this.currentUser = currentUser;
    this.personalData = personalData;
    this.exports = exports;
  }

  @io.swagger.v3.oas.annotations.Operation(
      summary = "居住证明登记簿（身份证号按统一的个人信息规则显示；format=xlsx：整个筛选结果导出为 Excel）")
  @GetMapping
  public Page list(@ParameterObject @ModelAttribute Filter filter,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    String userId = currentUser.id();
    List<String> communities = scope.forListing(userId, families.byKey(ResidenceFamily.KEY), blank(filter.communityId()));
    String name = blank(filter.name());
    if (name != null && name.length() > 50) {
      throw new InvalidInputException("name", "查询条件不能超过 50 个字符");
    }
    String number = blank(filter.certificateNo());
    if (number != null && number.length() > 32) {
      throw new InvalidInputException("certificateNo", "证明编号不能超过 32 个字符");
    }
    LocalDate from = date("from", filter.from());
    LocalDate until = date("until", filter.until());
    if (from != null && until != null && until.isBefore(from)) {
      throw new InvalidInputException("until", "截止日期不能早于起始日期");
    }
    Paging paging = new Paging(page, size);
    String like = ResidentController.likeLiteral(name);
    LocalDateTime since = from == null ? null : from.atStartOfDay();
    LocalDateTime before = until == null ? null : until.plusDays(1).atStartOfDay();
    long total = certificates.count(communities, like, number, since, before);
    List<Item> items = certificates.page(communities, like, number, since, before, size, paging.offset()).stream()
        .map(c -> new Item(shown(userId, c), documentsLabel(c.documents())))
        .toList();
    return new Page(page, size, total, items);
  }

  @io.swagger.v3.oas.annotations.Hidden // documented with the list: ?format=xlsx
  @GetMapping(params = "format=xlsx")
  public ResponseEntity<byte[]> listWorkbook(@ModelAttribute Filter filter) {
    List<Item> rows = Exports.allPages(n -> list(filter, n, Paging.MAX_SIZE).items());
    return exports.send("居住证明登记簿", COLUMNS, rows, Exports.selection("社区", filter.communityId(),
        "姓名", filter.name(), "证明编号", filter.certificateNo(), "开具日期起", filter.from(), "开具日期止", filter.until()));
  }

  /** The stub as the user may read it: the identity number by the one policy (a whole one shown is recorded). */
  private Stub shown(String userId, Stub c) {
    String idNumber = personalData.reveal(userId, ResidenceFamily.KEY, c.communityId(), c.idNumber(),
        PersonalData.Surface.CERTIFICATES, c.certificateNo(), c.residentId());
    return new Stub(c.certificateNo(), c.residentId(), c.communityId(), c.communityName(), c.personName(), idNumber,
        c.address(), c.purpose(), c.documents(), c.issuedAt(), c.issuedBy(), c.issuedByName());
  }

  /** The documents checked, in Chinese: 居民身份证、房屋租赁合同. */
  static String documentsLabel(String documents) {
    if (documents == null || documents.isBlank()) {
      return "";
    }
    return Arrays.stream(documents.split(",")).map(d -> AddressCertificates.DOCUMENTS.getOrDefault(d, d))
        .collect(Collectors.joining("、"));
  }

  private static LocalDate date(String field, String value) {
    String v = blank(value);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "日期应为 yyyy-MM-dd，如 2026-12-01");
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
