package cn.shequflow.core.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shequflow.core.StartupData;
import cn.shequflow.support.ProcessTestSupport;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ORG-1..ORG-5: the demo organisation, its routing answers, and its mirror in Camunda. */
class OrganisationTest extends ProcessTestSupport {

  @Autowired Organisation organisation;
  @Autowired StartupData startupData;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired OrganisationMapper mapper;
  @Autowired IdentitySync identitySync;

  @Test
  @DisplayName("ORG-2/ORG-4: the role a person acts in for a family, and its community; a director acts as director")
  void membership() {
    Set<Role> community = Set.of(Role.DIRECTOR, Role.STAFF, Role.BOOKKEEPER, Role.GRID_WORKER);
    assertThat(organisation.membership("zhang.director", community).orElseThrow())
        .satisfies(m -> {
          assertThat(m.community().id()).isEqualTo("zaozhi");
          assertThat(m.role()).isEqualTo(Role.DIRECTOR);
        });
    assertThat(organisation.membership("huang.bookkeeper", community).orElseThrow().role())
        .isIn(Role.STAFF, Role.BOOKKEEPER);
    assertThat(organisation.membership("xu.grid", community).orElseThrow().community().id()).isEqualTo("taiping");
    assertThat(organisation.membership("wang.principal", community)).isEmpty();
    assertThat(organisation.membership("wei.justice", Set.of(Role.JUSTICE_OFFICE)).orElseThrow())
        .satisfies(m -> assertThat(m.community()).as("a street role has no community").isNull());
  }

  @Test
  @DisplayName("ORG-1/ORG-5: roles resolve to the group of the community, its street or its district")
  void candidateGroups() {
    assertThat(organisation.candidateGroup("DIRECTOR", "zaozhi")).isEqualTo("zaozhi-director");
    assertThat(organisation.candidateGroup("DIRECTOR", "taiping")).isEqualTo("taiping-director");
    assertThat(organisation.candidateGroup("LIAISON_LEADER", "taiping")).isEqualTo("taiping-liaison");
    assertThat(organisation.candidateGroup("SOCIAL_AFFAIRS", "zaozhi")).isEqualTo("pencheng-social");
    assertThat(organisation.candidateGroup("DISTRICT_SUPERVISION", "zaozhi")).isEqualTo("xunyang-supervision");
    assertThat(organisation.holders(Role.LIAISON_LEADER, "zaozhi")).containsExactly("zhou.liaison");
    assertThatThrownBy(() -> organisation.candidateGroup("BOOKKEEPER", "taiping"))
        .as("nobody holds the role: no task for nobody").hasMessageContaining("太平社区");
    assertThatThrownBy(() -> organisation.candidateGroup("MAYOR", "zaozhi")).hasMessageContaining("MAYOR");
  }

  @Test
  @DisplayName("Start-up data is idempotent: running it again creates nothing twice and fails on nothing")
  void startupIsIdempotent() {
    long users = identityService.createUserQuery().count();
    long groups = identityService.createGroupQuery().count();
    long members = identityService.createUserQuery().memberOfGroup("shequ-users").count();
    long auths = authorizations.createAuthorizationQuery().count();
    long filterCount = filters.createFilterQuery().count();
    long people = mapper.allPeople().size();
    long roles = mapper.allRoles().size();

    startupData.load();
    startupData.load();

    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().memberOfGroup("shequ-users").count()).isEqualTo(members).isEqualTo(18);
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(auths);
    assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
    assertThat(mapper.allPeople()).hasSize((int) people).hasSize(18);
    assertThat(mapper.allRoles()).hasSize((int) roles);
    assertThat(identityService.checkPassword("liu.staff", "demo")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("A membership the organisation no longer assigns is removed from the role group")
  void staleMembershipRemoved() {
    identityService.createMembership("ma.staff", "zaozhi-director");
    identitySync.sync(null);
    assertThat(identityService.createUserQuery().memberOfGroup("zaozhi-director").list())
        .extracting(u -> u.getId()).containsExactly("zhang.director");
  }
}
