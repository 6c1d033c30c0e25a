package cn.shequflow.residence;

import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.BusinessKeys;
import cn.shequflow.core.process.CaseConflictException;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.privacy.PersonalData;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * RM-5, address certificates (居住证明): issued by the community's staff or director, only for a
 * resident registered in that community, and only when the documents the office requires were
 * presented (identity card and household register for a registered resident; identity card and
 * residence permit or rental contract for a migrant). Each certificate is numbered
 * ({@code ZM-2026-000001}) and its stub kept in {@code address_certificate}, the register of what was
 * issued. Refusals say why (400 naming {@code documents}, 409 for a resident who has moved out). The
 * identity number on a certificate and its stub is shown by the one policy ({@link PersonalData}):
 * whole (and recorded) for the community's director, masked for its staff.
 *
 * <pre>
 *   POST /api/residents/{id}/certificates {"purpose": "…", "documents": ["id-card", "household-register"]}
 *   GET  /api/residents/{id}/certificates   the stubs of that resident's certificates
 * </pre>
 *
 * The register of every certificate a person may see is {@link CertificateRegister}
 * ({@code GET /api/address-certificates}).
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "台账与登记簿")
@RestController
@RequestMapping("/api/residents/{residentId}/certificates")
public class AddressCertificates {

  /** Documents a clerk can tick, with their Chinese names. */
  static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

  static {
    DOCUMENTS.put("id-card", "居民身份证");
    DOCUMENTS.put("household-register", "户口簿");
    DOCUMENTS.put("residence-permit", "居住证");
    DOCUMENTS.put("rental-contract", "房屋租赁合同");
  }

  /** Who may issue: the staff and the director of the resident's own community. */
  static final Set<Role> ISSUERS = Set.of(Role.STAFF, Role.DIRECTOR);

  public record Request(String purpose, List<String> documents) {}

  public record Certificate(String certificateNo, Long residentId, String communityId, String personName,
      String idNumber, String address, String purpose, String documents, LocalDateTime issuedAt, String issuedBy,
      String issuedByName) {}

  @Mapper
  public interface CertificateMapper {
    @Insert("insert into address_certificate (certificate_no, resident_id, community_id, person_name, id_number, "
        + "address, purpose, documents, issued_at, issued_by, issued_by_name) values (#{certificateNo}, "
        + "#{residentId}, #{communityId}, #{personName}, #{idNumber}, #{address}, #{purpose}, #{documents}, "
        + "#{issuedAt}, #{issuedBy}, #{issuedByName})")
    void insert(Certificate certificate);

    @Select("select certificate_no, resident_id, community_id, person_name, id_number, address, purpose, documents, "
        + "issued_at, issued_by, issued_by_name from address_certificate where resident_id = #{residentId} "
        + "order by issued_at, certificate_no")
    List<Certificate> ofResident(long residentId);

    /** The register's filter: communities ({@code null}: all), a name part (LIKE, escaped with '!'), issue times. */
    String REGISTER_WHERE = "<where>"
        + "<if test='communityIds != null'> a.community_id in "
        + "<foreach item='c' collection='communityIds' open='(' separator=',' close=')'>#{c}</foreach></if>"
        + "<if test='name != null'> and a.person_name like concat('%', #{name}, '%') escape '!'</if>"
        + "<if test='certificateNo != null'> and a.certificate_no = #{certificateNo}</if>"
        + "<if test='from != null'> and a.issued_at &gt;= #{from}</if>"
        + "<if test='until != null'> and a.issued_at &lt; #{until}</if></where>";

    @Select("<script>select a.certificate_no, a.resident_id, a.community_id, u.name as community_name, a.person_name, "
        + "a.id_number, a.address, a.purpose, a.documents, a.issued_at, a.issued_by, a.issued_by_name "
        + "from address_certificate a join org_unit u on u.id = a.community_id " + REGISTER_WHERE
        + " order by a.issued_at desc, a.certificate_no desc limit #{limit} offset #{offset}</script>")
    List<CertificateRegister.Stub> page(@Param("communityIds") List<String> communityIds, @Param("name") String name,
        @Param("certificateNo") String certificateNo, @Param("from") LocalDateTime from,
        @Param("until") LocalDateTime until, @Param("limit") int limit, @Param("offset") long offset);

    @Select("<script>select count(*) from address_certificate a " + REGISTER_WHERE + "</script>")
    long count(@Param("communityIds") List<String> communityIds, @Param("name") String name,
        @Param("certificateNo") String certificateNo, @Param("from") LocalDateTime from,
        @Param("until") LocalDateTime until);
  }

  private final ResidentRegister register;
  private final ResidentMapper residents;
  private final CertificateMapper certificates;
  private final Organisation organisation;
  private final BusinessKeys numbers;
  private final CurrentUser currentUser;
  private final PersonalData personalData;

  public AddressCertificates(ResidentRegister register, ResidentMapper residents, CertificateMapper certificates,
      Organisation organisation, BusinessKeys numbers, CurrentUser currentUser, PersonalData personalData) {
    this.register = register;
    this.residents = residents;
    this.certificates = certificates;
    this.organisation = organisation;
    this.numbers = numbers;
    this.currentUser = currentUser;
    this.personalData = personalData;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "开具居住证明")
  @PostMapping
  @Transactional
  public Certificate issue(@PathVariable long residentId, @RequestBody(required = false) Request request) {
    String userId = currentUser.id();
    Resident resident = ofIssuer(residentId, userId);
    if (!Resident.REGISTERED.equals(resident.status())) {
      throw new CaseConflictException(resident.personName() + "已迁出，不能开具居住证明");
    }
    if (request == null) {
      throw new InvalidInputException("purpose", "请填写证明用途");
    }
    String purpose = request.purpose() == null ? "" : request.purpose().strip();
    if (purpose.isEmpty()) {
      throw new InvalidInputException("purpose", "请填写证明用途");
    }
    if (purpose.length() > 200) {
      throw new InvalidInputException("purpose", "证明用途不能超过 200 个字符");
    }
    List<String> given = request.documents() == null ? List.of() : request.documents();
    for (String d : given) {
      if (!DOCUMENTS.containsKey(d)) {
        throw new InvalidInputException("documents", "材料取值无效：" + d + "，可选值为 " + String.join(" | ", DOCUMENTS.keySet()));
      }
    }
    List<String> missing = missing(resident, given);
    if (!missing.isEmpty()) {
      throw new InvalidInputException("documents", "材料不全，不予开具居住证明：缺少" + String.join("、", missing));
    }
    Certificate certificate = new Certificate(numbers.next("ZM"), resident.id(), resident.communityId(),
        resident.personName(), resident.idNumber(), resident.address(), purpose,
        String.join(",", given.stream().distinct().toList()), Clock.now(), userId, organisation.displayName(userId));
    certificates.insert(certificate);
    residents.insertHistory(new ResidentHistoryEntry(null, resident.id(), null, "certificate", certificate.issuedAt(),
        userId, certificate.issuedByName(), "开具居住证明 " + certificate.certificateNo() + "，用途：" + purpose));
    return shown(userId, certificate);
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "该居民已开具的居住证明")
  @GetMapping
  public List<Certificate> stubs(@PathVariable long residentId) {
    String userId = currentUser.id();
    ofIssuer(residentId, userId);
    return certificates.ofResident(residentId).stream().map(c -> shown(userId, c)).toList();
  }

  /** The certificate as the user may read it: the identity number by the one policy (PersonalData). */
  private Certificate shown(String userId, Certificate c) {
    String idNumber = personalData.reveal(userId, ResidenceFamily.KEY, c.communityId(), c.idNumber(),
        PersonalData.Surface.CERTIFICATES, c.certificateNo(), c.residentId());
    return new Certificate(c.certificateNo(), c.residentId(), c.communityId(), c.personName(), idNumber, c.address(),
        c.purpose(), c.documents(), c.issuedAt(), c.issuedBy(), c.issuedByName());
  }

  /** RM-5: the documents the office requires for this resident's type, that were not presented. */
  static List<String> missing(Resident resident, List<String> given) {
    List<String> missing = new ArrayList<>();
    if (!given.contains("id-card")) {
      missing.add(DOCUMENTS.get("id-card"));
    }
    if (ResidentType.REGISTERED.code().equals(resident.residentType())) {
      if (!given.contains("household-register")) {
        missing.add(DOCUMENTS.get("household-register"));
      }
    } else if (!given.contains("residence-permit") && !given.contains("rental-contract")) {
      missing.add(DOCUMENTS.get("residence-permit") + "或" + DOCUMENTS.get("rental-contract"));
    }
    return missing;
  }

  /** The resident, if the user issues certificates for the resident's community (404 otherwise). */
  private Resident ofIssuer(long residentId, String userId) {
    if (userId == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    Resident resident = register.find(residentId);
    boolean issuer = resident != null && organisation.roles(userId).stream()
        .anyMatch(r -> ISSUERS.contains(r.role()) && r.unitId().equals(resident.communityId()));
    if (!issuer) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + residentId + " 的居民，或您无权为其开具证明");
    }
    return resident;
  }
}
