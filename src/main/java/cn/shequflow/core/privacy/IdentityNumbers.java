package cn.shequflow.core.privacy;

/**
 * Where a family keeps the whole identity number of a case, since its process variables hold only the
 * mask ({@link PersonalData#VARIABLES}). Surfaces that show a case (the 审批单) ask it for those the
 * policy lets read the number whole.
 */
public interface IdentityNumbers {

  /** The family this source answers for (its case family key). */
  String family();

  /** The whole identity number of the case, or {@code null} if it has none. */
  String of(String businessKey);
}
