package cn.shequflow.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestClient.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * shequ-security-filter-rules.json guards Cockpit's plugin API with ApplicationRequestAuthorizer,
 * which grants ANONYMOUS access when nobody is logged in (it is meant for the /app pages that must
 * show the login form). Without a login the plugin's queries run with no authorization check: every
 * community's cases, business keys, counts and incidents are listed, and filtering by variables
 * (reason, applicantName, communityName …) answers yes/no about their contents. Failed before the fix.
 */
class CockpitAnonymousAttackTest extends AttackSupport {

  private static final String PLUGIN = "/camunda/api/cockpit/plugin/base/default";

  @Test
  @DisplayName("Without a login Cockpit's plugin API lists no case and answers no variable query")
  void anonymousSeesNothing() {
    String businessKey = start("ma.staff").get("businessKey").asText();
    RestClient nobody = RestClient.anonymous(port);

    Response list = nobody.get(PLUGIN + "/process-instance?maxResults=1000");
    Response oracle = nobody.get(PLUGIN + "/process-instance/count?variables=applicantName_eq_%E9%A9%AC%E8%B6%85");
    Response stats = nobody.get(PLUGIN + "/process-definition/statistics");

    assertThat(list.status()).as(list.body()).isIn(401, 403);
    assertThat(list.body()).doesNotContain(businessKey);
    assertThat(oracle.status()).as(oracle.body()).isIn(401, 403);
    assertThat(stats.status()).as(stats.body()).isIn(401, 403);
  }
}
