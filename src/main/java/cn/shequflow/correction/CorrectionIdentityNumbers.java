package cn.shequflow.correction;

import cn.shequflow.core.privacy.IdentityNumbers;
import java.util.function.Function;

/**
 * The whole identity number of a correction case, kept in its register ({@code correction_travel},
 * {@code correction_residence_change}); its process variables hold the mask. One per family
 * ({@link CorrectionFamily}).
 */
final class CorrectionIdentityNumbers implements IdentityNumbers {

  private final String family;
  private final Function<String, String> lookup;

  CorrectionIdentityNumbers(String family, Function<String, String> lookup) {
    this.family = family;
    this.lookup = lookup;
  }

  @Override
  public String family() {
    return family;
  }

  @Override
  public String of(String businessKey) {
    return lookup.apply(businessKey);
  }
}
