package cn.shequflow.correction;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One change of residence: the case in the register joined with its own facts ({@code correction_residence_change}). */
public record ResidenceChangeEntry(
    String businessKey,
    String status,
    LocalDateTime submittedAt,
    String personName,
    String idNumber,
    String currentAddress,
    String newAddress,
    boolean newCountySame,
    LocalDate applicationDate,
    LocalDate plannedMoveDate,
    String receivingCounty,
    String receivingOpinion,
    String receivingNote,
    LocalDate consultedOn,
    LocalDateTime approvedAt,
    LocalDateTime handOverDue,
    boolean handOverOverdue,
    LocalDate handedOverOn,
    String handOverNote,
    LocalDateTime reportInDue,
    boolean reportInOverdue,
    LocalDate reportedInOn,
    String reportInNote,
    String registerOutcome) {

  /** The hand-over came after its deadline (or only once the overdue timer had fired). */
  public boolean handOverLate() {
    return handOverOverdue || handedOverOn != null && handedOverOn.isAfter(handOverDue.toLocalDate());
  }

  /** The report-in came after its deadline (or only once the overdue timer had fired). */
  public boolean reportInLate() {
    return reportInOverdue || reportedInOn != null && reportedInOn.isAfter(reportInDue.toLocalDate());
  }
}
