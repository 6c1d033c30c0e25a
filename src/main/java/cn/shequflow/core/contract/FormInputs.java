package cn.shequflow.core.contract;

import java.util.Map;
import java.util.Set;

/**
 * What a family's Java reads from each of its forms (form id → variable names). Declared once per
 * family beside its code; a test proves every form of the process declares exactly these inputs, so
 * a form never offers a field the process ignores and the process never needs one no form has.
 */
public record FormInputs(String processKey, Map<String, Set<String>> byForm) {

  public FormInputs {
    byForm = Map.copyOf(byForm);
  }
}
