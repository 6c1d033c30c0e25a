package cn.shequflow.residence;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A resident-move request (table {@code resident_move}) beside its case in the register. */
public record ResidentMoveEntry(
    String businessKey,
    String communityId,
    String moveType,
    String residentType,
    String personName,
    String idNumber,
    String phone,
    String occupation,
    String address,
    String building,
    String unitNo,
    String room,
    LocalDate movedOn,
    boolean renting,
    String landlordName,
    String landlordPhone,
    Long residentId,
    LocalDateTime recordedAt,
    String recordedBy,
    boolean late,
    String lateNote,
    boolean policeNotified) {}
