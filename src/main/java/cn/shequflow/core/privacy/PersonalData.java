package cn.shequflow.core.privacy;

import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.organisation.UnitLevel;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The one policy for identity numbers (居民身份证号码, sensitive personal information under
 * 个人信息保护法): who reads a number whole, and what everyone else reads.
 *
 * <p><b>Who reads it whole</b> ({@link #WHOLE}): per family, the roles that work with the person's
 * record, held for the unit the person or case belongs to. Residents (the register, its certificates
 * and the {@code resident-move} cases): the director of the resident's own community, who answers for
 * the register, and the street's social affairs office (household and civil affairs) and street
 * department (综治办, which passes rentals on to the police). Community correction: the justice office
 * and the county justice bureau. Nobody else, in any family: not the grid workers who file, not the
 * staff who verify or issue certificates, not the liaison or street leaders who supervise, not the
 * administrators.
 *
 * <p><b>What the others read</b> ({@link #mask}): the region (first 6 characters) and the check digit,
 * {@code 360403***********X}: never the birth date (characters 7–14) nor the sequence and sex digit
 * (15–17). Wherever a number is masked, the birth date and sex a record derives from it are hidden too.
 *
 * <p>Every whole number shown is recorded ({@link RevealLog}); {@link #reveal} decides and records in
 * one call. Process variables never hold a whole number of a family listed in {@link #VARIABLES} (see
 * {@link PersonalDataHistory} and the families' register delegates), so the engine's routes (task and
 * form variables, history, Tasklist, Cockpit) show the mask to everyone.
 */
@Service
public class PersonalData {

  /** Who may read the whole number, by family: roles of the person's own community, and street or district roles over it. */
  public record Readers(Set<Role> roles) {}

  /** The policy table. A family not listed shows whole numbers to nobody. */
  static final Map<String, Readers> WHOLE = Map.of(
      "resident-move", new Readers(Set.of(Role.DIRECTOR, Role.SOCIAL_AFFAIRS, Role.STREET_DEPARTMENT)),
      "correction-travel", new Readers(Set.of(Role.JUSTICE_OFFICE, Role.COUNTY_JUSTICE)),
      "correction-residence-change", new Readers(Set.of(Role.JUSTICE_OFFICE, Role.COUNTY_JUSTICE)));

  /** Process variables that hold an identity number, by process key: kept masked in the engine, runtime and history. */
  public static final Map<String, Set<String>> VARIABLES = Map.of("resident-move", Set.of("idNumber"),
      "correction-travel", Set.of("idNumber"), "correction-residence-change", Set.of("idNumber"));

  /** Fields of forms and sheets that hold an identity number, in every family. */
  public static final Set<String> IDENTITY_FIELDS = Set.of("idNumber");

  /** Where a whole number was shown (the reveal record's {@code surface}). */
  public enum Surface {
    RESIDENTS("residents", "居民登记簿"),
    CERTIFICATES("certificates", "居住证明"),
    SHEET("sheet", "审批单"),
    /** A download of an attachment with personal data (issue 19): recorded whether or not it shows a number. */
    FILES("files", "附件");

    private final String code;
    private final String label;

    Surface(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }
  }

  private final Organisation organisation;
  private final RevealLog log;

  public PersonalData(Organisation organisation, RevealLog log) {
    this.organisation = organisation;
    this.log = log;
  }

  /**
   * Whether the family's cases hold identity numbers (and so personal data of residents or people
   * under correction): residents moving and their address certificates, community correction.
   */
  public static boolean holdsIdentityNumbers(String family) {
    return family != null && WHOLE.containsKey(family);
  }

  /** {@code 360403***********X}: region and check digit only. Empty and very short values are all stars. */
  public static String mask(String idNumber) {
    if (idNumber == null || idNumber.isEmpty() || isMasked(idNumber)) {
      return idNumber;
    }
    if (idNumber.length() < 10) {
      return "*".repeat(idNumber.length());
    }
    return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 1);
  }

  /**
   * 18 characters that may be an identity number, not part of a longer run of digits. Letters may touch
   * it: in a serialized Java object the string is followed by the next one's marker {@code t}.
   */
  private static final java.util.regex.Pattern WHOLE_NUMBER =
      java.util.regex.Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");

  /**
   * {@code text} with every valid identity number in it (GB 11643: province, existing birth date, check
   * digit; see {@link cn.shequflow.core.identity.ResidentIdNumber}) replaced by its {@link #mask}. Other
   * runs of digits (phone, invoice or account numbers) are left alone. The result has the same length.
   */
  public static String maskNumbersIn(String text) {
    if (text == null || text.length() < 18) {
      return text;
    }
    return WHOLE_NUMBER.matcher(text).replaceAll(m -> {
      String number = m.group();
      boolean valid = cn.shequflow.core.identity.ResidentIdNumber.problem(number.toUpperCase(), java.time.LocalDate.MAX)
          .isEmpty();
      return java.util.regex.Matcher.quoteReplacement(valid ? mask(number) : number);
    });
  }

  /** Whether a value is a masked number (as forms show it and send it back). */
  public static boolean isMasked(String value) {
    return value != null && value.indexOf('*') >= 0;
  }

  /**
   * Whether {@code userId} reads whole the numbers of {@code family}'s people belonging to {@code unitId}
   * (a community, or for a street's own case the street): he holds one of the family's reader roles at
   * that community, or at the street or district over it.
   */
  public boolean mayReadWhole(String userId, String family, String unitId) {
    Readers readers = WHOLE.get(family);
    if (userId == null || readers == null || unitId == null) {
      return false;
    }
    return organisation.roles(userId).stream().filter(r -> readers.roles().contains(r.role()))
        .anyMatch(r -> r.unitId().equals(over(r.role(), unitId)));
  }

  /** The unit at which {@code role} is held for {@code unitId}; null when there is none. */
  private String over(Role role, String unitId) {
    try {
      var unit = organisation.unit(unitId);
      if (unit.isEmpty() || role.level() == UnitLevel.COMMUNITY && unit.get().unitLevel() != UnitLevel.COMMUNITY) {
        return null;
      }
      return organisation.unitFor(role, unitId).id();
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /**
   * The number as {@code userId} may read it on {@code surface}: whole (and recorded) if the policy
   * lets him, else masked. {@code whole} may already be masked (then it stays so).
   */
  public String reveal(String userId, String family, String unitId, String whole, Surface surface, String businessKey,
      Long residentId) {
    if (whole == null || isMasked(whole)) {
      return whole;
    }
    if (!mayReadWhole(userId, family, unitId)) {
      return mask(whole);
    }
    log.record(userId, surface, businessKey, residentId);
    return whole;
  }
}
