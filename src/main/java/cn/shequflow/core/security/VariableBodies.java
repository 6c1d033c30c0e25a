package cn.shequflow.core.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Variables in a request body to the engine APIs (/engine-rest and Tasklist's /camunda/api/engine)
 * must each be an object such as {@code {"value": 1}}, with a type that is not an empty text.
 * Camunda's REST layer fails with a server error on a bare {@code null} or an empty type and with a
 * Java class name on a bare value; {@link EngineRequestChecks} refuses them with 400 naming the
 * variable, before anything runs.
 */
final class VariableBodies {

  private VariableBodies() {}

  /**
   * "field\0reason" for the first variable of a body that is not an object or has an empty type, or
   * null.
   */
  static String check(JsonNode root, String path) {
    if (root == null || !root.isObject()) {
      return null;
    }
    boolean oneVariable = path.matches(".*/(?:variables|localVariables)/[^/]+");
    String emptyType = emptyType(root, oneVariable ? lastSegment(path) : null, oneVariable ? 0 : 1);
    if (emptyType != null) {
      return emptyType + '\u0000' + "类型（type）不能为空字符串：请不写 type，或写 String、Integer、Boolean 等";
    }
    for (String container : new String[] {"variables", "modifications", "processVariables", "localVariables"}) {
      JsonNode vars = root.get(container);
      if (vars != null && vars.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getValue().isObject()) {
            return e.getKey() + '\u0000' + "取值格式不对，应为 {\"value\": …}，且不能为 null";
          }
        }
      }
    }
    return null;
  }

  /**
   * The name of a variable, at any depth, whose {@code type} is an empty text (Camunda's REST layer
   * fails on it with a server error); {@code name} is the key the object stands under (for a body
   * that is one variable, the last path segment: PUT .../variables/{name}).
   */
  static String emptyType(JsonNode node, String name, int depth) {
    if (depth > 20) {
      return null;
    }
    if (node.isObject()) {
      JsonNode type = node.get("type");
      if (type != null && type.isTextual() && type.asText().isEmpty()
          && name != null && (node.has("value") || node.has("valueInfo") || depth == 0)) {
        return name;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String inner = emptyType(e.getValue(), e.getKey(), depth + 1);
        if (inner != null) {
          return inner;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        String inner = emptyType(item, name, depth + 1);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static String lastSegment(String path) {
    String decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    return decoded.substring(decoded.lastIndexOf('/') + 1);
  }
}
