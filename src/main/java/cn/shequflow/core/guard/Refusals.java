package cn.shequflow.core.guard;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.AuthorizationException;

/** Helpers for guards: refusals that the REST API reports as 403, and reading a command's fields. */
public final class Refusals {

  private Refusals() {}

  /** 403 with a message in Chinese (REST: {@code {"type":"AuthorizationException","message":...}}). */
  public static AuthorizationException forbidden(String message) {
    return new AuthorizationException(message);
  }

  /**
   * Reads a field of an engine command. Commands carry their arguments in protected fields; the
   * guard tests fail loudly when an engine upgrade renames one.
   */
  @SuppressWarnings("unchecked")
  public static <T> T field(Object target, String name) {
    Field field = find(target.getClass(), name);
    try {
      return (T) field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + name + " of " + target.getClass().getName(), e);
    }
  }

  /** Replaces a field of an engine command (used to hand on a cleaned copy of its variables). */
  public static void setField(Object target, String name, Object value) {
    Field field = find(target.getClass(), name);
    try {
      field.set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot write " + name + " of " + target.getClass().getName(), e);
    }
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    throw new IllegalStateException("Engine command " + type.getName() + " has no field " + name
        + ": the engine changed, update the guard");
  }
}
