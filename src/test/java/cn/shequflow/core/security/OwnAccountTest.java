package cn.shequflow.core.security;

import cn.shequflow.support.WebappSession;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient;
import cn.shequflow.support.RestTestSupport;
import cn.shequflow.support.RestClient.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Names come from the organisation: people below admin change their own password and nothing else. */
class OwnAccountTest extends RestTestSupport {

  @Autowired IdentityService identity;

  @BeforeEach
  void tenant() {
    if (identity.createTenantQuery().tenantId("t-own").count() == 0) {
      identity.saveTenant(identity.newTenant("t-own"));
    }
  }

  @AfterEach
  void cleanUp() {
    identity.deleteTenant("t-own");
  }

  private RestClient liu() {
    return RestClient.as(port, "liu.staff");
  }

  private static Map<String, Object> profile(String firstName, String email) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", "liu.staff");
    p.put("firstName", firstName);
    p.put("lastName", "");
    p.put("email", email);
    return p;
  }

  @Test
  @DisplayName("Renaming oneself or changing one's email: 403 on /engine-rest and in Tasklist; the name stays")
  void noRename() {
    Response rename = liu().put("/engine-rest/user/liu.staff/profile", profile("刘大洋", null));
    assertThat(rename.status()).as(rename.body()).isEqualTo(403);
    assertThat(rename.json().get("message").asText()).contains("组织机构");
    assertThat(liu().put("/engine-rest/user/liu.staff/profile", profile("刘洋", "liu@example.cn")).status())
        .isEqualTo(403);

    WebappSession tasklist = WebappSession.login(port, "liu.staff", "tasklist");
    Response viaTasklist = tasklist.put("/camunda/api/engine/engine/default/user/liu.staff/profile",
        "{\"id\":\"liu.staff\",\"firstName\":\"刘大洋\",\"lastName\":\"\",\"email\":null}");
    assertThat(viaTasklist.status()).as(viaTasklist.body()).isEqualTo(403);

    User stored = identity.createUserQuery().userId("liu.staff").singleResult();
    assertThat(stored.getFirstName()).isEqualTo("刘洋");
    assertThat(stored.getEmail()).isNull();

    assertThat(liu().put("/engine-rest/user/liu.staff/profile", profile("刘洋", null)).status())
        .as("saving the profile unchanged is harmless").isEqualTo(204);
  }

  @Test
  @DisplayName("Deleting oneself: 403, and the account is still there")
  void noSelfDelete() {
    Response delete = liu().delete("/engine-rest/user/liu.staff");
    assertThat(delete.status()).as(delete.body()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("liu.staff").count()).isEqualTo(1);
    assertThat(liu().get("/engine-rest/task/count").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("Users, groups, memberships, tenants and authorizations: refused to staff by the engine's authorization")
  void identityChangesRefused() {
    RestClient liu = liu();
    assertThat(liu.post("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "evil", "firstName", "e", "lastName", "v"),
        "credentials", Map.of("password", "Shequ#2026-flow"))).status()).isEqualTo(403);
    assertThat(liu.put("/engine-rest/user/chen.staff/profile",
        Map.of("id", "chen.staff", "firstName", "x", "lastName", "y")).status()).isIn(403, 404);
    assertThat(liu.put("/engine-rest/user/chen.staff/credentials",
        Map.of("password", "Shequ#2026-flow", "authenticatedUserPassword", "demo")).status()).isIn(403, 404);
    assertThat(liu.delete("/engine-rest/user/chen.staff").status()).isEqualTo(403);

    assertThat(liu.post("/engine-rest/group/create", Map.of("id", "evil", "name", "x", "type", "x")).status())
        .isEqualTo(403);
    assertThat(liu.put("/engine-rest/group/zaozhi-director",
        Map.of("id", "zaozhi-director", "name", "改名", "type", "shequ-role")).status()).isIn(403, 404);
    assertThat(liu.delete("/engine-rest/group/zaozhi-director").status()).isEqualTo(403);
    assertThat(liu.put("/engine-rest/group/zaozhi-director/members/liu.staff", Map.of()).status()).isEqualTo(403);
    assertThat(liu.delete("/engine-rest/group/zaozhi-staff/members/liu.staff").status()).isEqualTo(403);
    assertThat(liu.delete("/engine-rest/group/zaozhi-director/members/zhang.director").status()).isEqualTo(403);

    assertThat(liu.post("/engine-rest/tenant/create", Map.of("id", "evil", "name", "x")).status()).isEqualTo(403);
    assertThat(liu.put("/engine-rest/tenant/t-own", Map.of("id", "t-own", "name", "y")).status()).isIn(403, 404);
    assertThat(liu.delete("/engine-rest/tenant/t-own").status()).isEqualTo(403);
    assertThat(liu.put("/engine-rest/tenant/t-own/user-members/liu.staff", Map.of()).status()).isEqualTo(403);
    assertThat(liu.put("/engine-rest/tenant/t-own/group-members/zaozhi-staff", Map.of()).status()).isEqualTo(403);

    assertThat(liu.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", new String[] {"ALL"},
        "userId", "liu.staff", "resourceType", 8, "resourceId", "*")).status()).isEqualTo(403);

    assertThat(identity.createUserQuery().userId("evil").count()).isZero();
    assertThat(identity.createGroupQuery().groupId("evil").count()).isZero();
    assertThat(identity.createGroupQuery().groupId("zaozhi-director").singleResult().getName()).isEqualTo("造纸社区居委会主任");
    assertThat(identity.createUserQuery().memberOfGroup("zaozhi-director").list())
        .extracting(User::getId).containsExactly("zhang.director");
    assertThat(identity.createUserQuery().memberOfGroup("zaozhi-staff").userId("liu.staff").count()).isEqualTo(1);
    assertThat(identity.createTenantQuery().tenantId("t-own").singleResult().getName()).isNull();
    assertThat(identity.createUserQuery().memberOfTenant("t-own").count()).isZero();
  }
}
