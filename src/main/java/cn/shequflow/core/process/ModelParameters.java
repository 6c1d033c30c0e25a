package cn.shequflow.core.process;

import java.time.Period;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Policy values a model gives a service task as input parameters (limits an analyst edits in
 * Modeler, e.g. {@code reportBackWorkingDays = 1}). A missing or malformed parameter is a model
 * error, not user input.
 */
public final class ModelParameters {

  private ModelParameters() {}

  /** A whole number ≥ 0. */
  public static int nonNegativeInt(DelegateExecution execution, String name) {
    Object value = required(execution, name);
    int number;
    try {
      number = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Model error: input parameter " + name + " must be a whole number, not " + value);
    }
    if (number < 0) {
      throw new IllegalStateException("Model error: " + name + " must not be negative");
    }
    return number;
  }

  /** An ISO-8601 period such as {@code P1M} or {@code P30D}. */
  public static Period period(DelegateExecution execution, String name) {
    Object value = required(execution, name);
    try {
      Period period = Period.parse(value.toString().trim());
      if (period.isNegative()) {
        throw new IllegalStateException("Model error: " + name + " must not be negative");
      }
      return period;
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("Model error: input parameter " + name + " must be an ISO period (P1M), not " + value);
    }
  }

  private static Object required(DelegateExecution execution, String name) {
    Object value = execution.getVariableLocal(name);
    if (value == null) {
      throw new IllegalStateException("Model error: input parameter " + name + " is missing on "
          + execution.getCurrentActivityId());
    }
    return value;
  }
}
