package cn.shequflow.correction;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One travel application: the case in the register joined with its own facts ({@code correction_travel}). */
public record TravelEntry(
    String businessKey,
    String status,
    LocalDateTime submittedAt,
    String personName,
    String idNumber,
    String destination,
    LocalDate startDate,
    LocalDate endDate,
    int days,
    String reason,
    boolean restrictedPlace,
    Boolean committeeCertificate,
    Boolean employerCertificate,
    String proofNote,
    String proofsCheckedBy,
    LocalDateTime proofsCheckedAt,
    LocalDateTime approvedAt,
    LocalDateTime reportDue,
    boolean reportMissed,
    LocalDate reportedOn,
    String reportNote) {

  /** CC-2: both written proofs were checked and are present. */
  public boolean proofsComplete() {
    return Boolean.TRUE.equals(committeeCertificate) && Boolean.TRUE.equals(employerCertificate);
  }

  /** The proofs that are missing, in Chinese (empty when complete or not yet checked). */
  public String missingProofs() {
    StringBuilder missing = new StringBuilder();
    if (!Boolean.TRUE.equals(committeeCertificate)) {
      missing.append("村（居）委会证明");
    }
    if (!Boolean.TRUE.equals(employerCertificate)) {
      missing.append(missing.isEmpty() ? "" : "、").append("单位证明");
    }
    return missing.toString();
  }
}
