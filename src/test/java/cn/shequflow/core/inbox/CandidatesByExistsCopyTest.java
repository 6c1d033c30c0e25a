package cn.shequflow.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: the product's copy of the engine's task criteria ({@code criteriaWithCandidatesByExists}
 * in {@code TaskQueryAuthorization.xml}) is the engine's {@code selectTaskByQueryCriteriaSql} of the
 * engine on the class path with exactly the documented changes (no identity-link join, the candidate
 * criteria inside EXISTS). An engine upgrade that changes the criteria fails here until the copy is
 * made again.
 */
class CandidatesByExistsCopyTest {

  @Test
  @DisplayName("Issue 21: the copied task criteria are the engine's, but for the candidate criteria asked as EXISTS")
  void copyIsTheEnginesCriteriaWithTheCandidatesAsExists() throws IOException {
    // The engine's own mapping file, found by the engine's package (the Operaton variant's too).
    String mapping = org.camunda.bpm.engine.impl.ProcessEngineImpl.class.getPackageName().replace('.', '/')
        + "/mapping/entity/Task.xml";
    String engines = sql(read(mapping), "selectTaskByQueryCriteriaSql");
    String ours = sql(read(TaskQueryAuthorization.MAPPER), "criteriaWithCandidatesByExists");

    String expected = engines
        // The identity links are not joined.
        .replaceFirst("(?s)\\s*<if test=\"query != null &amp;&amp; \\(query.candidateUser[^\"]*\">\\s*"
            + "<bind name=\"I_JOIN\" value=\"true\" />\\s*</if>", "")
        .replaceFirst("(?s)\\s*<if test=\"I_JOIN\">.*?</if>", "")
        // The candidate criteria are asked of the task's links.
        .replaceFirst(Pattern.quote("and I.TYPE_ = 'candidate'"),
            "and EXISTS (select 1 from \\${prefix}ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate'")
        .replaceFirst("(?s)(<if test=\"query.withCandidateUsers\">\\s*and I.USER_ID_ is not null\\s*</if>)(\\s*</trim>)",
            "$1 )$2");
    assertThat(expected).isNotEqualTo(engines);
    assertThat(normalized(ours)).isEqualTo(normalized(expected));
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = CandidatesByExistsCopyTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The body of {@code <sql id="id">} (without its own tags). */
  private static String sql(String xml, String id) {
    String open = "<sql id=\"" + id + "\">";
    int start = xml.indexOf(open);
    assertThat(start).as(id).isNotNegative();
    int end = xml.indexOf("</sql>", start);
    return xml.substring(start + open.length(), end);
  }

  private static String normalized(String sql) {
    return sql.replaceAll("\\s+", " ").trim();
  }
}
