package cn.shequflow.correction;

import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.contract.FormInputs;
import cn.shequflow.core.organisation.Role;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Community correction (社区矫正) on the platform: two families, travel approval (外出审批,
 * CC-1, CC-2, CC-5) and change of residence (居住地变更, CC-3, CC-4). The justice office files the
 * applications on the person's behalf, so it is the only starter; it acts in a street role and the
 * cases have no community. The personal data of people under correction is seen by the justice
 * office, the county justice bureau and the principal leader only: no community viewers at all, so
 * community staff and grid workers never see these cases, not even of their own community. The
 * identity number is kept whole in the family's registers only ({@link CorrectionIdentityNumbers});
 * the process variables hold its mask, and the justice office and the county bureau read it whole
 * on the 审批单 (core.privacy.PersonalData), recorded.
 */
@Configuration
public class CorrectionFamily {

  public static final String TRAVEL_KEY = "correction-travel";
  public static final String TRAVEL_PROCESS_KEY = "correction-travel";
  public static final String RESIDENCE_KEY = "correction-residence-change";
  public static final String RESIDENCE_PROCESS_KEY = "correction-residence-change";

  static final Set<Role> STARTERS = Set.of(Role.JUSTICE_OFFICE);
  static final Set<Role> VIEWERS = Set.of(Role.JUSTICE_OFFICE, Role.COUNTY_JUSTICE, Role.PRINCIPAL_LEADER);
  /** Nobody beyond the viewers is brought into a case (抄送, 加签, 转办, 委派): not even the person's own community. */
  static final Set<Role> PARTICIPANTS = Set.of();

  private static final Logger LOG = LoggerFactory.getLogger(CorrectionFamily.class);

  @Bean
  CaseFamily correctionTravelCaseFamily() {
    Map<String, String> statuses = new LinkedHashMap<>();
    Arrays.stream(TravelStatus.values()).forEach(s -> statuses.put(s.code(), s.label()));
    return new CaseFamily(TRAVEL_KEY, TRAVEL_PROCESS_KEY, "CT", "社区矫正人员外出审批", STARTERS, VIEWERS, Set.of(),
        statuses,
        Set.of(TravelStatus.REJECTED.code(), TravelStatus.REPORTED.code(), TravelStatus.REPORTED_LATE.code()),
        PARTICIPANTS);
  }

  @Bean
  CaseFamily correctionResidenceCaseFamily() {
    Map<String, String> statuses = new LinkedHashMap<>();
    Arrays.stream(ResidenceChangeStatus.values()).forEach(s -> statuses.put(s.code(), s.label()));
    return new CaseFamily(RESIDENCE_KEY, RESIDENCE_PROCESS_KEY, "CR", "社区矫正人员居住地变更", STARTERS, VIEWERS,
        Set.of(), statuses, Set.of(ResidenceChangeStatus.REJECTED.code(), ResidenceChangeStatus.COMPLETED.code(),
            ResidenceChangeStatus.COMPLETED_LATE.code()), PARTICIPANTS);
  }

  @Bean
  FormInputs correctionTravelFormInputs() {
    return new FormInputs(TRAVEL_PROCESS_KEY, CorrectionVariables.TRAVEL_FORM_INPUTS);
  }

  @Bean
  FormInputs correctionResidenceFormInputs() {
    return new FormInputs(RESIDENCE_PROCESS_KEY, CorrectionVariables.RESIDENCE_FORM_INPUTS);
  }

  @Bean
  CorrectionIdentityNumbers correctionTravelIdentityNumbers(TravelRegister register) {
    return new CorrectionIdentityNumbers(TRAVEL_KEY, key -> {
      TravelEntry entry = register.find(key);
      return entry == null ? null : entry.idNumber();
    });
  }

  @Bean
  CorrectionIdentityNumbers correctionResidenceIdentityNumbers(ResidenceChangeRegister register) {
    return new CorrectionIdentityNumbers(RESIDENCE_KEY, key -> {
      ResidenceChangeEntry entry = register.find(key);
      return entry == null ? null : entry.idNumber();
    });
  }

  /**
   * Until the resident register exists there is nothing to move out: this default says so. The
   * register's own {@link ResidentRegisterLink} bean replaces it.
   */
  @Bean
  @ConditionalOnMissingBean(ResidentRegisterLink.class)
  ResidentRegisterLink noResidentRegister() {
    return moveOut -> {
      LOG.info("No resident register yet: {} ({}) is not moved out", moveOut.businessKey(), moveOut.movedOn());
      return ResidentRegisterLink.Outcome.NO_REGISTER;
    };
  }
}
