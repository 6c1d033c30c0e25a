package cn.shequflow.correction;

import java.time.LocalDate;

/**
 * The seam to the resident register (居民登记, RM-1 "人走核销"), which does not exist yet. When a
 * change of residence is completed by the person's report-in at the new residence, the register is
 * asked to move the person out: an implementation that finds the identity number among the residents
 * of one of our communities records the move-out (or an address change, when the new address is in
 * one of our communities too) and answers {@link Outcome#MOVED_OUT}; a person it does not know is
 * {@link Outcome#NOT_REGISTERED}. Until the register exists, the default bean
 * ({@link CorrectionFamily#noResidentRegister}) answers {@link Outcome#NO_REGISTER} and changes nothing;
 * the register's own bean of this type replaces it. Called inside the process step's transaction:
 * a failure rolls the report-in back.
 */
public interface ResidentRegisterLink {

  enum Outcome {
    MOVED_OUT("moved-out"),
    NOT_REGISTERED("not-registered"),
    NO_REGISTER("no-register");

    private final String code;

    Outcome(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** A person under correction who has moved to {@code toAddress} (reported in there on {@code movedOn}). */
  record MoveOut(String businessKey, String idNumber, String personName, String fromAddress, String toAddress,
      boolean sameCounty, LocalDate movedOn) {}

  Outcome moveOut(MoveOut moveOut);
}
