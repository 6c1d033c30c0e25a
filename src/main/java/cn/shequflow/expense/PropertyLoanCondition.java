package cn.shequflow.expense;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state the lent property came back in ({@code condition} of the return form). Damaged or lost
 * property is noted on the case's timeline under its own action: the person responsible
 * compensates (EX-9).
 */
public enum PropertyLoanCondition {
  INTACT("intact", "完好", null),
  DAMAGED("damaged", "损坏", "property-damaged"),
  LOST("lost", "遗失", "property-lost");

  public static final Set<String> CODES = Arrays.stream(values()).map(PropertyLoanCondition::code)
      .collect(Collectors.toUnmodifiableSet());

  private final String code;
  private final String label;
  private final String timelineAction;

  PropertyLoanCondition(String code, String label, String timelineAction) {
    this.code = code;
    this.label = label;
    this.timelineAction = timelineAction;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The timeline action that notes a damage or loss ({@code CaseActions}); none when intact. */
  public String timelineAction() {
    return timelineAction;
  }

  public boolean needsCompensation() {
    return this != INTACT;
  }

  public static PropertyLoanCondition of(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown return condition " + code));
  }
}
