package cn.shequflow.residence;

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

  /** The same row with the identity number masked (first 6 and last 4 characters shown). */
  public Resident masked() {
    return new Resident(id, communityId, communityName, personName, sex, birthDate, mask(idNumber), phone, occupation,
        address, building, unitNo, room, residentType, renting, landlordName, landlordPhone, arrivedOn, departedOn,
        status, late, lateNote, createdAt, updatedAt);
  }

  /** {@code 360403********0012}. */
  public static String mask(String idNumber) {
    if (idNumber == null || idNumber.length() < 10) {
      return idNumber;
    }
    return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
  }
}
