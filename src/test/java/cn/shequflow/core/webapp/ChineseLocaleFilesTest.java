package cn.shequflow.core.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10: Tasklist, Cockpit, Admin and the welcome page in Simplified Chinese. The English
 * locale files come from the Camunda webapp jar on the classpath; our {@code locales/zh.json} of
 * each app (src/main/resources/META-INF/resources/webjars/camunda/app/&lt;app&gt;/locales) must
 * carry every one of their keys, non-empty, with the same {@code {{placeholders}}}, and be Chinese.
 */
class ChineseLocaleFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");
  private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

  /** Labels that are the same in Chinese: product names, file types, field codes. */
  private static final Set<String> SAME_IN_CHINESE = Set.of(
      "labels.AUTHORIZATION_OPTIMIZE", "labels.PLGN_REP_CSV", "labels.PLGN_REP_JSON",
      "labels.PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER", "labels.GROUPS_GROUP_ID",
      "labels.TENANTS_TENANT_ID", "labels.CAM_WIDGET_VARIABLES_TABLE_NULL", "labels.CAM_WIDGET_VARIABLE_NULL",
      "labels.PLGN_MOD_OUT_OF");
  /** English labels that Chinese writes the same way. */
  private static final Pattern SAME_TEXT = Pattern.compile("ID\\*?|CSV|JSON");

  private static JsonNode read(String path) throws IOException {
    URL url = ChineseLocaleFilesTest.class.getClassLoader().getResource(path);
    assertThat(url).as(path + " on the classpath").isNotNull();
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(prefix, node);
    }
  }

  private static Map<String, JsonNode> flat(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    flatten("", node, out);
    return out;
  }

  private static List<String> placeholders(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    // Cockpit also uses a bare {} for a count.
    for (int i = text.indexOf("{}"); i >= 0; i = text.indexOf("{}", i + 2)) {
      names.add("{}");
    }
    Collections.sort(names);
    return names;
  }

  @ParameterizedTest(name = "{0}: every English key is in zh.json, non-empty, same placeholders, Chinese")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseCoversEveryEnglishKey(String app) throws IOException {
    String dir = "META-INF/resources/webjars/camunda/app/" + app + "/locales/";
    Map<String, JsonNode> en = flat(read(dir + "en.json"));
    Map<String, JsonNode> zh = flat(read(dir + "zh.json"));
    assertThat(en).as("English keys of " + app).hasSizeGreaterThan(100);

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : en.entrySet()) {
      String key = entry.getKey();
      JsonNode english = entry.getValue();
      JsonNode chinese = zh.get(key);
      if (chinese == null) {
        problems.add("missing " + key);
      } else if (english.isTextual() != chinese.isTextual() || english.isNumber() != chinese.isNumber()) {
        problems.add("wrong type " + key);
      } else if (chinese.isTextual()) {
        String text = chinese.asText();
        if (text.isBlank() && !english.asText().isBlank()) {
          problems.add("empty " + key);
        } else if (!placeholders(english.asText()).equals(placeholders(text))) {
          problems.add("placeholders differ " + key + ": " + placeholders(english.asText()) + " vs " + placeholders(text));
        } else if (key.startsWith("labels.") && LATIN_WORD.matcher(english.asText()).find()
            && !CHINESE.matcher(text).find() && !SAME_IN_CHINESE.contains(key)
            && !SAME_TEXT.matcher(english.asText().trim()).matches()) {
          problems.add("not Chinese " + key + " = " + text);
        }
      }
    }
    for (String key : zh.keySet()) {
      if (!en.containsKey(key)) {
        problems.add("unknown key " + key);
      }
    }
    assertThat(problems).as(app + "/locales/zh.json").isEmpty();
  }

  @ParameterizedTest(name = "{0}: our own name, not the vendor's")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void productName(String app) throws IOException {
    JsonNode labels = read("META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json").get("labels");
    assertThat(labels.get("APP_VENDOR").asText()).isEqualTo("社区流程");
    assertThat(labels.get("FIRST_LOGIN_HEADING").asText()).contains("社区流程");
  }
}
