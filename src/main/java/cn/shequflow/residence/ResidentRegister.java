package cn.shequflow.residence;

import cn.shequflow.core.identity.ResidentIdNumber;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.Clock;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.privacy.PersonalData;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The resident register of the communities (RM-1, RM-3): who lives where, written only when a
 * resident-move case is recorded (or a correction case moves someone out), each change with its
 * history row. A person is registered at most once per community at a time: the unique index on
 * (community, registered identity number) refuses a second row even when two move-ins race past
 * the checks (400 naming {@code idNumber}).
 */
@Service
public class ResidentRegister {

  public static final String MOVED_IN = "moved-in";
  public static final String MOVED_OUT = "moved-out";
  public static final String ADDRESS_CHANGED = "address-changed";

  private final ResidentMapper mapper;
  private final Organisation organisation;

  public ResidentRegister(ResidentMapper mapper, Organisation organisation) {
    this.mapper = mapper;
    this.organisation = organisation;
  }

  public Resident registered(String communityId, String idNumber) {
    return mapper.findRegistered(communityId, idNumber);
  }

  public List<Resident> registeredAnywhere(String idNumber) {
    return mapper.findRegisteredAnywhere(idNumber);
  }

  public Resident find(long id) {
    return mapper.find(id);
  }

  public List<ResidentHistoryEntry> history(long residentId) {
    return mapper.history(residentId);
  }

  /** "male" or "female", from the 17th character of a valid identity number (GB 11643: odd for men). */
  public static String sexOf(String idNumber) {
    return (idNumber.charAt(16) - '0') % 2 == 1 ? "male" : "female";
  }

  /** Writes a new resident; sex and birth date come from the identity number. */
  public long moveIn(NewResident resident, String businessKey, String userId) {
    resident.sex = sexOf(resident.idNumber);
    resident.birthDate = ResidentIdNumber.birthDate(resident.idNumber);
    resident.at = Clock.now();
    try {
      mapper.insertResident(resident);
    } catch (DuplicateKeyException e) {
      throw alreadyRegistered(resident.idNumber);
    }
    history(resident.id, businessKey, MOVED_IN, userId, "迁入登记：" + resident.personName + "，"
        + ResidentType.of(resident.residentType).label() + "，" + resident.arrivedOn + " 迁入 " + resident.address
        + (resident.renting ? "（租住，房东 " + resident.landlordName + "）" : "")
        + (resident.late ? "；" + resident.lateNote : ""));
    return resident.id;
  }

  /** Moves a registered resident out; refused (400 naming idNumber) when no longer registered. */
  public void moveOut(Resident resident, LocalDate departedOn, boolean late, String lateNote, String businessKey,
      String userId, String detail) {
    if (mapper.moveOut(resident.id(), departedOn, late, lateNote, Clock.now()) != 1) {
      throw notRegistered(resident.idNumber());
    }
    history(resident.id(), businessKey, MOVED_OUT, userId, detail + (late ? "；" + lateNote : ""));
  }

  public void changeAddress(Resident resident, NewResident change, String businessKey, String userId) {
    change.at = Clock.now();
    if (mapper.changeAddress(resident.id(), change) != 1) {
      throw notRegistered(resident.idNumber());
    }
    history(resident.id(), businessKey, ADDRESS_CHANGED, userId, "地址变更：自 " + resident.address() + " 迁至 "
        + change.address + "（" + change.arrivedOn + "）" + (change.renting ? "，租住，房东 " + change.landlordName : "")
        + (change.late ? "；" + change.lateNote : ""));
  }

  private void history(long residentId, String businessKey, String action, String userId, String detail) {
    String text = detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
    mapper.insertHistory(new ResidentHistoryEntry(null, residentId, businessKey, action, Clock.now(), userId,
        organisation.displayName(userId), text));
  }

  static InvalidInputException alreadyRegistered(String idNumber) {
    return new InvalidInputException(ResidentMoveVariables.ID_NUMBER, "身份证号 " + PersonalData.mask(idNumber)
        + " 已在本社区登记为在册居民，不能重复迁入登记（人来登记、人走核销）");
  }

  static InvalidInputException notRegistered(String idNumber) {
    return new InvalidInputException(ResidentMoveVariables.ID_NUMBER, "身份证号 " + PersonalData.mask(idNumber)
        + " 不是本社区的在册居民，不能办理迁出或地址变更（可能已被迁出）");
  }
}
