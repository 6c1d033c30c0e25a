package cn.shequflow.core.contract;

import cn.shequflow.core.process.Inputs;
import cn.shequflow.core.process.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a start form or user task accepts, read from its Camunda Form: the keys, and for each its
 * type, whether it is read-only, required, and its limits (min, max, minLength, maxLength, options).
 * The form is the single declaration; rules a form cannot express live in the family's Java beside
 * it. {@link #accept} is applied to every submission on every route (see {@link ContractGuard}).
 */
public final class FormContract {

  /** Longest text the engine stores in one variable (ACT_RU_VARIABLE.TEXT_ is varchar(4000)). */
  public static final int MAX_TEXT = 4000;

  public record Field(String key, String type, String subtype, boolean readonly, boolean required, BigDecimal min,
      BigDecimal max, Integer minLength, Integer maxLength, Set<String> options, String label,
      Map<String, String> optionLabels) {

    /** What the form shows for a stored value: an option's label, else the value itself. */
    public String display(String value) {
      return optionLabels == null ? value : optionLabels.getOrDefault(value, value);
    }

    boolean isDate() {
      return "datetime".equals(type) && !"datetime".equals(subtype) && !"time".equals(subtype);
    }
  }

  /** A task or start event without a form accepts nothing. */
  public static final FormContract NONE = new FormContract("(none)", Map.of());

  private final String formId;
  private final Map<String, Field> fields;

  FormContract(String formId, Map<String, Field> fields) {
    this.formId = formId;
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public static FormContract parse(JsonNode form) {
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return new FormContract(form.path("id").asText(), fields);
  }

  private static void collect(JsonNode components, Map<String, Field> into) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collect(c.get("components"), into);
      }
      String key = c.path("key").asText(null);
      if (key == null || key.isBlank()) {
        continue;
      }
      JsonNode v = c.path("validate");
      Set<String> options = null;
      Map<String, String> optionLabels = null;
      if (c.has("values")) {
        options = new LinkedHashSet<>();
        optionLabels = new LinkedHashMap<>();
        for (JsonNode o : c.get("values")) {
          options.add(o.path("value").asText());
          optionLabels.put(o.path("value").asText(), o.path("label").asText(o.path("value").asText()));
        }
      }
      String label = c.path("label").asText(c.path("dateLabel").asText(key));
      into.put(key, new Field(key, c.path("type").asText(), c.path("subtype").asText(null),
          c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
          v.path("required").asBoolean(false),
          v.has("min") ? new BigDecimal(v.get("min").asText()) : null,
          v.has("max") ? new BigDecimal(v.get("max").asText()) : null,
          v.has("minLength") ? v.get("minLength").asInt() : null,
          v.has("maxLength") ? v.get("maxLength").asInt() : null,
          options == null ? null : Set.copyOf(options), label,
          optionLabels == null ? null : Collections.unmodifiableMap(optionLabels)));
    }
  }

  public String formId() {
    return formId;
  }

  public Map<String, Field> fields() {
    return fields;
  }

  /** The keys a person may write. */
  public Set<String> inputs() {
    Set<String> keys = new LinkedHashSet<>();
    fields.values().stream().filter(f -> !f.readonly()).forEach(f -> keys.add(f.key()));
    return keys;
  }

  /**
   * Checks a submission and returns what may be written: the writable fields, each of the declared
   * type and within its limits. Read-only fields (Tasklist sends them back) are dropped. Anything
   * the form does not declare is refused, naming the variable.
   */
  public VariableMap accept(Map<String, ?> submitted) {
    return accept(submitted, key -> null);
  }

  /**
   * As {@link #accept(Map)}, for a task whose form opens filled with the case's current values: a
   * required field that is not submitted is satisfied by its current value ({@code current}).
   */
  public VariableMap accept(Map<String, ?> submitted, java.util.function.Function<String, Object> current) {
    VariableMap accepted = Variables.createVariables();
    if (submitted == null) {
      submitted = Map.of();
    }
    for (String name : submitted.keySet()) {
      Field field = fields.get(name);
      if (field == null) {
        throw new InvalidInputException(abbreviate(name), "表单中没有“" + abbreviate(name) + "”这一项，不能提交");
      }
      if (field.readonly()) {
        continue;
      }
      TypedValue typed = submitted instanceof VariableMap map ? map.getValueTyped(name)
          : Variables.untypedValue(submitted.get(name));
      Object value = check(field, typed);
      accepted.putValueTyped(name, value == null ? Variables.untypedNullValue() : typedOf(typed, value));
    }
    for (Field field : fields.values()) {
      if (!field.required() || field.readonly()) {
        continue; // no current value to read (issue 21: each is a look-up in the engine)
      }
      boolean given = accepted.containsKey(field.key());
      Object value = given ? accepted.get(field.key()) : current.apply(field.key());
      if (isBlank(value)) {
        throw new InvalidInputException(field.key(), field.label() + "不能为空");
      }
    }
    return accepted;
  }

  private static TypedValue typedOf(TypedValue submitted, Object value) {
    return submitted != null && submitted.getType() != null ? submitted : Variables.untypedValue(value);
  }

  private static Object check(Field f, TypedValue typed) {
    if (typed != null && typed.getType() != null && !typed.getType().isPrimitiveValueType()) {
      // Objects, JSON, XML, files: never read (a serialized object is not even deserialized).
      throw new InvalidInputException(f.key(), f.label() + "的类型不对：只接受文本、数字、日期或是/否");
    }
    Object value = typed == null ? null : typed.getValue();
    if (value == null) {
      return null;
    }
    switch (f.type()) {
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          throw new InvalidInputException(f.key(), f.label() + "必须是布尔值 true/false");
        }
      }
      case "number" -> {
        if (!(value instanceof Number n)) {
          throw new InvalidInputException(f.key(), f.label() + "必须是数字");
        }
        if (n instanceof Double d && (d.isNaN() || d.isInfinite()) || n instanceof Float x && (x.isNaN() || x.isInfinite())) {
          throw new InvalidInputException(f.key(), f.label() + "必须是有限的数字");
        }
        BigDecimal number = new BigDecimal(n.toString());
        if (f.min() != null && number.compareTo(f.min()) < 0) {
          throw new InvalidInputException(f.key(), f.label() + "不能小于 " + f.min().toPlainString());
        }
        if (f.max() != null && number.compareTo(f.max()) > 0) {
          throw new InvalidInputException(f.key(), f.label() + "不能大于 " + f.max().toPlainString());
        }
      }
      default -> checkText(f, value);
    }
    return value;
  }

  private static void checkText(Field f, Object value) {
    if (!(value instanceof String text)) {
      throw new InvalidInputException(f.key(), f.label() + "必须是文本");
    }
    // Counted as the database stores it: UTF-16 units, so an emoji counts twice (H2 and form-js alike).
    int limit = f.maxLength() == null ? MAX_TEXT : Math.min(f.maxLength(), MAX_TEXT);
    if (text.length() > limit) {
      throw new InvalidInputException(f.key(), f.label() + "不能超过 " + limit + " 个字符（表情符号按 2 个计）");
    }
    if (f.minLength() != null && !text.isBlank() && text.strip().length() < f.minLength()) {
      throw new InvalidInputException(f.key(), f.label() + "至少 " + f.minLength() + " 个字");
    }
    if (f.options() != null && !text.isEmpty() && !f.options().contains(text)) {
      throw new InvalidInputException(f.key(), f.label() + "取值无效：" + abbreviate(text) + "，可选值为 "
          + String.join(" | ", f.options()));
    }
    if (f.isDate() && !text.isBlank()) {
      Inputs.parseDate(f.key(), f.label(), text.strip());
    }
  }

  private static boolean isBlank(Object value) {
    return value == null || value instanceof String s && s.isBlank();
  }

  private static String abbreviate(String text) {
    return cn.shequflow.core.process.Texts.fit(text, 65);
  }
}
