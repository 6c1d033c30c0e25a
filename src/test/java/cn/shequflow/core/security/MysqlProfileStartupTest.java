package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The README's "Without Docker" start: the mysql profile with only {@code SHEQU_ADMIN_PASSWORD}
 * set (no SHEQU_ADMIN_ID, no demo users) starts and creates the documented default administrator
 * {@code admin}. The database is the test's own H2; the real MySQL start is in {@code .ci/run}.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:shequ-mysql-startup;DB_CLOSE_DELAY=-1",
    "spring.datasource.username=sa",
    "spring.datasource.password=",
    "camunda.bpm.database.type=h2",
    "SHEQU_ADMIN_PASSWORD=Readme-Start-2026!"})
@ActiveProfiles({"test", "mysql"})
class MysqlProfileStartupTest {

  @Autowired IdentityService identity;

  @Test
  @DisplayName("SHEQU_ADMIN_PASSWORD alone creates the default administrator 'admin', with that password, and no demo users")
  void defaultAdministrator() {
    assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isEqualTo(1);
    assertThat(identity.checkPassword("admin", "Readme-Start-2026!")).isTrue();
    assertThat(identity.createUserQuery().userId("liu.staff").count()).isZero();
  }
}
