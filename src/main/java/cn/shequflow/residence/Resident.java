package cn.shequflow.residence;

import cn.shequflow.core.privacy.PersonalData;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One row of the resident register: a person's stay in a community (table {@code resident}). */
public record Resident(
    Long id,
    String communityId,
    String communityName,
    String personName,
    String sex,
    LocalDate birthDate,
    String idNumber,
    String phone,
    String occupation,
    String address,
    String building,
    String unitNo,
    String room,
    String residentType,
    boolean renting,
    String landlordName,
    String landlordPhone,
    LocalDate arrivedOn,
    LocalDate departedOn,
    String status,
    boolean late,
    String lateNote,
    LocalDateTime createdAt,
    LocalDateTime updatedAt) {

  public static final String REGISTERED = "registered";
  public static final String MOVED_OUT = "moved-out";

  /**
   * The same row as someone reads it who may not read the identity number whole
   * ({@link PersonalData}): the number masked, and the sex and birth date derived from it hidden.
   */
  public Resident masked() {
    return new Resident(id, communityId, communityName, personName, null, null, PersonalData.mask(idNumber), phone,
        occupation, address, building, unitNo, room, residentType, renting, landlordName, landlordPhone, arrivedOn,
        departedOn, status, late, lateNote, createdAt, updatedAt);
  }

  /** Whether this row is the masked one. */
  public boolean isMasked() {
    return PersonalData.isMasked(idNumber);
  }
}
