package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A remembered HTTP Basic login (issue 21, {@link CachedBasicAuthenticationProvider}) never outlives
 * a change: a new password, a removed membership or a deleted user take effect on the next call.
 */
class CachedLoginRestTest extends RestTestSupport {

  @Test
  @DisplayName("A new password, a removed membership and a deleted user take effect on the very next call")
  void changesTakeEffectAtOnce() {
    IdentityService identity = engine.getIdentityService();
    String first = "Probe-Pass-2026!";
    String second = "Probe-Pass-2027?";
    User user = identity.newUser("cache.probe");
    user.setFirstName("探");
    user.setLastName("测");
    user.setPassword(first);
    identity.saveUser(user);
    try {
      String groups = "/engine-rest/identity/groups?userId=cache.probe";
      assertThat(RestClient.as(port, "cache.probe", first).get(groups).status()).isEqualTo(200);
      assertThat(RestClient.as(port, "cache.probe", first).get(groups).status()).isEqualTo(200);

      User saved = identity.createUserQuery().userId("cache.probe").singleResult();
      saved.setPassword(second);
      identity.saveUser(saved);
      assertThat(RestClient.as(port, "cache.probe", first).get(groups).status()).isEqualTo(401);
      // That wrong password starts the engine's login delay (which a remembered login does not skip);
      // the administrator's unlock ends it.
      identity.unlockUser("cache.probe");
      assertThat(RestClient.as(port, "cache.probe", second).get(groups).status()).isEqualTo(200);

      // Membership: the authenticated groups decide what the caller may see.
      String group = "zaozhi-staff";
      identity.createMembership("cache.probe", group);
      String startable = "/engine-rest/process-definition?latest=true&startablePermissionCheck=true&startableInTasklist=true";
      assertThat(RestClient.as(port, "cache.probe", second).get(startable).body()).contains("\"key\":\"leave-request\"");
      identity.deleteMembership("cache.probe", group);
      assertThat(RestClient.as(port, "cache.probe", second).get(startable).body()).doesNotContain("leave-request");
    } finally {
      identity.deleteUser("cache.probe");
    }
    assertThat(RestClient.as(port, "cache.probe", second).get("/engine-rest/task").status()).isEqualTo(401);
  }
}
