package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.RestClient.Response;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every password a person sets meets the policy; the seeded demo passwords stay as they are. */
class PasswordPolicyTest extends RestTestSupport {

  static final String STRONG = "Shequ#2026-flow";

  @Autowired IdentityService identity;

  @AfterEach
  void restoreDemoPassword() {
    User liu = identity.createUserQuery().userId("liu.staff").singleResult();
    liu.setPassword("demo");
    PasswordRules.saveSeededUser(identity, liu);
    identity.unlockUser("liu.staff");
    if (identity.createUserQuery().userId("policy.test").count() > 0) {
      identity.deleteUser("policy.test");
    }
  }

  private Response credentials(String password) {
    return RestClient.as(port, "liu.staff").put("/engine-rest/user/liu.staff/credentials",
        Map.of("password", password, "authenticatedUserPassword", "demo"));
  }

  @Test
  @DisplayName("A weak new password is refused with 400 naming the rules in Chinese; a strong one is taken")
  void ownPassword() {
    Response weak = credentials("1");
    assertThat(weak.status()).as(weak.body()).isEqualTo(400);
    assertThat(weak.json().get("field").asText()).isEqualTo("password");
    assertThat(weak.json().get("message").asText()).contains("密码不符合要求", "至少 10 个字符", "大写字母");
    assertThat(RestClient.as(port, "liu.staff").get("/engine-rest/task/count").status())
        .as("the old password still works").isEqualTo(200);

    Response ownName = credentials("Liu.staff#2026");
    assertThat(ownName.status()).isEqualTo(400);
    assertThat(ownName.json().get("message").asText()).contains("不能包含用户名");

    Response strong = credentials(STRONG);
    assertThat(strong.status()).as(strong.body()).isEqualTo(204);
    assertThat(RestClient.as(port, "liu.staff", STRONG).get("/engine-rest/task/count").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("An administrator creating a user with a weak password gets 400 too, not a server error")
  void adminCreatesUser() {
    Map<String, Object> profile = Map.of("id", "policy.test", "firstName", "测试", "lastName", "");
    Response weak = RestClient.as(port, "admin").post("/engine-rest/user/create",
        Map.of("profile", profile, "credentials", Map.of("password", "123456")));
    assertThat(weak.status()).as(weak.body()).isEqualTo(400);
    assertThat(weak.json().get("message").asText()).contains("密码不符合要求");
    assertThat(identity.createUserQuery().userId("policy.test").count()).isZero();

    Response strong = RestClient.as(port, "admin").post("/engine-rest/user/create",
        Map.of("profile", profile, "credentials", Map.of("password", STRONG)));
    assertThat(strong.status()).as(strong.body()).isEqualTo(204);
  }

  @Test
  @DisplayName("The seeded demo users and admin keep their password demo, although it breaks the policy")
  void seedsSkipThePolicy() {
    assertThat(identity.checkPasswordAgainstPolicy("demo").isValid()).isFalse();
    assertThat(identity.checkPassword("zhang.director", "demo")).isTrue();
    assertThat(identity.checkPassword("admin", "demo")).isTrue();
  }
}
