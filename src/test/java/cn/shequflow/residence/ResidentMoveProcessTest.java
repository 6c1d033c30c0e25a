package cn.shequflow.residence;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.process.InvalidInputException;
import cn.shequflow.core.process.Notifications;
import cn.shequflow.support.ProcessTestSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code resident-move} (processes/residence/resident-move.bpmn), driven as the demo
 * users: he.grid (zaozhi's grid worker) files, liu.staff (zaozhi's staff) verifies. The clock stands
 * at Monday 23 November 2026, 09:00, unless a test moves it.
 */
class ResidentMoveProcessTest extends ProcessTestSupport {

  static final String KEY = "resident-move";

  @Autowired ResidentRegister register;
  @Autowired ResidentMapper mapper;
  @Autowired Cases cases;
  @Autowired Notifications notifications;
  @Autowired JdbcTemplate jdbc;

  static Map<String, Object> moveIn(String idNumber, String residentType, String movedOn) {
    Map<String, Object> v = new HashMap<>();
    v.put("moveType", "move-in");
    v.put("residentType", residentType);
    v.put("name", "王小明");
    v.put("idNumber", idNumber);
    v.put("phone", "13907920001");
    v.put("occupation", "个体经营");
    v.put("address", "浔阳区湓城街道造纸社区滨江路 18 号");
    v.put("building", "3 栋");
    v.put("movedOn", movedOn);
    return v;
  }

  static Map<String, Object> rental(Map<String, Object> v) {
    v.put("landlordName", "赵房东");
    v.put("landlordPhone", "0792-8221234");
    return v;
  }

  static Map<String, Object> moveOut(String idNumber, String movedOn) {
    Map<String, Object> v = new HashMap<>();
    v.put("moveType", "move-out");
    v.put("name", "王小明");
    v.put("idNumber", idNumber);
    v.put("address", "南昌市东湖区八一大道 1 号");
    v.put("movedOn", movedOn);
    return v;
  }

  static Map<String, Object> addressChange(String idNumber, String movedOn) {
    Map<String, Object> v = new HashMap<>();
    v.put("moveType", "address-change");
    v.put("name", "王小明");
    v.put("idNumber", idNumber);
    v.put("address", "浔阳区湓城街道造纸社区庾亮南路 6 号");
    v.put("room", "502");
    v.put("movedOn", movedOn);
    return v;
  }

  static Map<String, Object> decision(boolean approved, String comment) {
    Map<String, Object> v = new HashMap<>();
    v.put("approved", approved);
    v.put("comment", comment);
    return v;
  }

  private void verifyAs(String user, ProcessInstance pi) {
    Task t = onlyTaskFor(user, pi);
    assertThat(t).hasDefinitionKey("verifyResidentMove");
    completeAs(user, t, decision(true, "核实无误"));
  }

  /** A person moved in to zaozhi through the whole process; their register row. */
  private Resident movedIn(String idNumber) {
    ProcessInstance pi = startAs("he.grid", KEY, moveIn(idNumber, "registered", "2026-11-20"));
    verifyAs("liu.staff", pi);
    assertThat(pi).isEnded();
    return register.registered("zaozhi", idNumber);
  }



  @Nested
  @DisplayName("Every path (RM-1)")
  class Paths {

    @Test
    @DisplayName("RM-1, RM-3: he.grid files a move-in, liu.staff verifies: registered with sex and birth date from the ID; taiping sees nothing")
    void moveInPath() {
      String id = ResidentIds.next();
      ProcessInstance pi = startAs("he.grid", KEY, moveIn(id, "registered", "2026-11-20"));
      Assertions.assertThat(pi.getBusinessKey()).matches("RM-2026-\\d{6}");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("pending");
      Assertions.assertThat(caseOf(pi).subject()).isEqualTo("迁入：王小明（2026-11-20）");
      for (String outsider : List.of("gao.director", "ma.staff", "xu.grid", "he.grid")) {
        Assertions.assertThat(visibleTo(outsider, pi)).as(outsider).isEmpty();
      }
      Assertions.assertThat(visibleTo("chen.staff", pi)).hasSize(1);
      Assertions.assertThat(register.registered("zaozhi", id)).as("nothing written before verification").isNull();
      verifyAs("liu.staff", pi);
      assertThat(pi).isEnded().hasPassed("recordResidentMove", "moveRecorded").hasNotPassed("notifyCommunityPolice");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("recorded");
      Resident r = register.registered("zaozhi", id);
      Assertions.assertThat(r.status()).isEqualTo("registered");
      Assertions.assertThat(r.sex()).isEqualTo(Integer.parseInt(id.substring(16, 17)) % 2 == 1 ? "male" : "female");
      Assertions.assertThat(r.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
      Assertions.assertThat(r.arrivedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
      Assertions.assertThat(r.building()).isEqualTo("3 栋");
      Assertions.assertThat(r.late()).isFalse();
      Assertions.assertThat(register.history(r.id())).singleElement().satisfies(h -> {
        Assertions.assertThat(h.action()).isEqualTo("moved-in");
        Assertions.assertThat(h.changedBy()).isEqualTo("liu.staff");
        Assertions.assertThat(h.businessKey()).isEqualTo(pi.getBusinessKey());
      });
      Assertions.assertThat(mapper.findMove(pi.getBusinessKey()).residentId()).isEqualTo(r.id());
    }

    @Test
    @DisplayName("RM-1: move-out (核销): the resident is moved out with the departure date; the ID may move in again later")
    void moveOutPath() {
      String id = ResidentIds.next();
      Resident before = movedIn(id);
      ProcessInstance pi = startAs("lin.grid", KEY, moveOut(id, "2026-11-22"));
      verifyAs("chen.staff", pi);
      assertThat(pi).isEnded();
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("recorded");
      Resident after = register.find(before.id());
      Assertions.assertThat(after.status()).isEqualTo("moved-out");
      Assertions.assertThat(after.departedOn()).isEqualTo(LocalDate.of(2026, 11, 22));
      Assertions.assertThat(register.registered("zaozhi", id)).isNull();
      Assertions.assertThat(register.history(before.id())).extracting(ResidentHistoryEntry::action)
          .containsExactly("moved-in", "moved-out");
      Assertions.assertThat(register.history(before.id()).get(1).detail()).contains("南昌市");
      Resident again = movedIn(id);
      Assertions.assertThat(again.id()).isNotEqualTo(before.id());
    }

    @Test
    @DisplayName("RM-1: address change: the register row keeps the person, changes the address, and remembers the old one")
    void addressChangePath() {
      String id = ResidentIds.next();
      Resident before = movedIn(id);
      ProcessInstance pi = startAs("zhang.director", KEY, addressChange(id, "2026-11-23"));
      verifyAs("liu.staff", pi);
      assertThat(pi).isEnded();
      Resident after = register.find(before.id());
      Assertions.assertThat(after.address()).isEqualTo("浔阳区湓城街道造纸社区庾亮南路 6 号");
      Assertions.assertThat(after.room()).isEqualTo("502");
      Assertions.assertThat(after.phone()).as("kept from the register").isEqualTo("13907920001");
      Assertions.assertThat(after.status()).isEqualTo("registered");
      Assertions.assertThat(register.history(before.id())).last().satisfies(h -> {
        Assertions.assertThat(h.action()).isEqualTo("address-changed");
        Assertions.assertThat(h.detail()).contains("滨江路 18 号").contains("庾亮南路 6 号");
      });
    }

    @Test
    @DisplayName("RM-1: refusal returns to the filer, who revises and resubmits; a second round is verified")
    void refusalThenResubmit() {
      String id = ResidentIds.next();
      ProcessInstance pi = startAs("he.grid", KEY, moveIn(id, "migrant", "2026-11-20"));
      Task verify = onlyTaskFor("liu.staff", pi);
      Assertions.assertThatThrownBy(() -> completeAs("liu.staff", verify, decision(false, null)))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("comment");
      completeAs("liu.staff", verify, decision(false, "职业填写不清，请核对"));
      assertThat(pi).isWaitingAt("reviseResidentMove");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("rejected");
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("he.grid").contains("职业填写不清"));
      Map<String, Object> revised = moveIn(id, "migrant", "2026-11-20");
      revised.put("occupation", "快递员");
      revised.put("resubmit", true);
      completeAs("he.grid", onlyTaskFor("he.grid", pi), revised);
      Assertions.assertThat(caseOf(pi).submission()).isEqualTo(2);
      verifyAs("liu.staff", pi);
      assertThat(pi).isEnded();
      Assertions.assertThat(register.registered("zaozhi", id).occupation()).isEqualTo("快递员");
      Assertions.assertThat(actions(pi)).containsSubsequence("submitted", "reject", "rejected", "resubmitted", "pending",
          "approve", "recorded");
    }

    @Test
    @DisplayName("RM-1: refused, then withdrawn: nothing is written")
    void withdrawn() {
      String id = ResidentIds.next();
      ProcessInstance pi = startAs("he.grid", KEY, moveIn(id, "registered", "2026-11-20"));
      completeAs("liu.staff", onlyTaskFor("liu.staff", pi), decision(false, "本人已另行登记"));
      completeAs("he.grid", onlyTaskFor("he.grid", pi), Map.of("resubmit", false));
      assertThat(pi).isEnded().hasPassed("moveWithdrawn");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("withdrawn");
      Assertions.assertThat(register.registered("zaozhi", id)).isNull();
    }

    @Test
    @DisplayName("RM-1, 回避: a staff member does not verify his own filing (403, nothing written); a colleague does")
    void notOwnFiling() {
      String id = ResidentIds.next();
      ProcessInstance pi = startAs("liu.staff", KEY, moveIn(id, "registered", "2026-11-20"));
      Task t = onlyTaskFor("liu.staff", pi);
      Assertions.assertThatThrownBy(() -> completeAs("liu.staff", t, decision(true, "")))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("回避");
      assertThat(pi).isWaitingAt("verifyResidentMove");
      verifyAs("chen.staff", pi);
      assertThat(pi).isEnded();
    }
  }

  @Nested
  @DisplayName("Late registration (RM-2)")
  class Late {

    @ParameterizedTest(name = "migrant arrived {0}, recorded 23 Nov 09:00 → late {1}")
    @CsvSource({"2026-10-23, false", "2026-10-22, true"})
    @DisplayName("RM-2: a migrant is registered within one month of arrival; later is accepted but flagged late")
    void migrantWithinAMonth(String arrived, boolean late) {
      String id = ResidentIds.next();
      ProcessInstance pi = startAs("he.grid", KEY, moveIn(id, "migrant", arrived));
      verifyAs("liu.staff", pi);
      Resident r = register.registered("zaozhi", id);
      Assertions.assertThat(r.late()).isEqualTo(late);
      Assertions.assertThat(mapper.findMove(pi.getBusinessKey()).late()).isEqualTo(late);
      Assertions.assertThat(caseOf(pi).status()).isEqualTo(late ? "recorded-late" : "recorded");
      Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .variableName(RecordResidentMove.LATE_VARIABLE).count()).as("the flag Cockpit shows").isEqualTo(late ? 1 : 0);
      if (late) {
        Assertions.assertThat(r.lateNote()).contains("1 个月").contains("2026-11-22 23:59");
        Assertions.assertThat(actions(pi)).contains("late-flag", "recorded-late");
        Assertions.assertThat(cases.familyOf(caseOf(pi)).statusLabel("recorded-late")).isEqualTo("已登记（逾期登记）");
      } else {
        Assertions.assertThat(actions(pi)).doesNotContain("late-flag");
      }
    }

    @ParameterizedTest(name = "moved {0}, recorded {1} → late {2}")
    @CsvSource({
        "2026-11-16, 2026-11-23T17:30, false",
        "2026-11-13, 2026-11-23T09:00, true",
        "2026-09-30, 2026-10-13T17:00, false",
        "2026-09-30, 2026-10-14T09:00, true"})
    @DisplayName("RM-2, CAL-1: a registered resident's move-in is recorded within 5 working days (30 Sep: through National Day and the make-up Saturday 10 Oct, due 13 Oct 17:30)")
    void changeWithinFiveWorkingDays(String movedOn, String recordedAt, boolean late) {
      String id = ResidentIds.next();
      setClock(LocalDate.parse(movedOn).atTime(18, 0));
      ProcessInstance pi = startAs("he.grid", KEY, moveIn(id, "registered", movedOn));
      setClock(LocalDateTime.parse(recordedAt));
      verifyAs("liu.staff", pi);
      Assertions.assertThat(register.registered("zaozhi", id).late()).isEqualTo(late);
      Assertions.assertThat(caseOf(pi).status()).isEqualTo(late ? "recorded-late" : "recorded");
    }

    @Test
    @DisplayName("RM-2: a move-out recorded after 5 working days is flagged late on the register row and the case")
    void lateMoveOut() {
      String id = ResidentIds.next();
      Resident r = movedIn(id);
      setClock(LocalDateTime.of(2026, 12, 7, 9, 0));
      ProcessInstance pi = startAs("he.grid", KEY, moveOut(id, "2026-11-27"));
      verifyAs("liu.staff", pi);
      Resident after = register.find(r.id());
      Assertions.assertThat(after.late()).isTrue();
      Assertions.assertThat(after.lateNote()).contains("5 个工作日").contains("2026-12-04 17:30");
      Assertions.assertThat(caseOf(pi).status()).isEqualTo("recorded-late");
    }
  }

  @Nested
  @DisplayName("Rental housing (RM-4)")
  class Rental {

    @Test
    @DisplayName("RM-4: a tenant's move-in notifies the community police officer through zaozhi's director; 通知社区民警 on the timeline")
    void rentalNotice() {
      String id = ResidentIds.next();
      ProcessInstance pi = startAs("he.grid", KEY, rental(moveIn(id, "migrant", "2026-11-20")));
      verifyAs("liu.staff", pi);
      assertThat(pi).isEnded().hasPassed("notifyCommunityPolice");
      Resident r = register.registered("zaozhi", id);
      Assertions.assertThat(r.renting()).isTrue();
      Assertions.assertThat(r.landlordName()).isEqualTo("赵房东");
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.recipientId() + n.message()).startsWith("zhang.director")
              .contains("社区民警").contains("赵房东").contains("王小明"));
      Assertions.assertThat(actions(pi)).contains("police-notified");
      Assertions.assertThat(mapper.findMove(pi.getBusinessKey()).policeNotified()).isTrue();
      Assertions.assertThat(notifications.forBusinessKey(pi.getBusinessKey()))
          .noneSatisfy(n -> Assertions.assertThat(n.recipientId()).isEqualTo("gao.director"));
    }

    @Test
    @DisplayName("RM-4: a tenant moving out is reported too, with the landlord from the register")
    void rentalMoveOut() {
      String id = ResidentIds.next();
      ProcessInstance in = startAs("he.grid", KEY, rental(moveIn(id, "migrant", "2026-11-20")));
      verifyAs("liu.staff", in);
      ProcessInstance out = startAs("he.grid", KEY, moveOut(id, "2026-11-23"));
      verifyAs("liu.staff", out);
      assertThat(out).hasPassed("notifyCommunityPolice");
      Assertions.assertThat(notifications.forBusinessKey(out.getBusinessKey()))
          .anySatisfy(n -> Assertions.assertThat(n.message()).contains("租户迁出").contains("赵房东"));
    }
  }

  @Nested
  @DisplayName("Refused at start and when recording (RM-1)")
  class Refusals {

    private void refusedAtStart(Map<String, Object> request, String field, String message) {
      long instances = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
      Integer rows = jdbc.queryForObject("select count(*) from resident_move", Integer.class);
      Assertions.assertThatThrownBy(() -> startAs("he.grid", KEY, request))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining(message)
          .extracting("field").isEqualTo(field);
      Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instances);
      Assertions.assertThat(jdbc.queryForObject("select count(*) from resident_move", Integer.class)).isEqualTo(rows);
    }

    @Test
    @DisplayName("RM-1: a move-in of an ID already registered in the community is refused at start naming idNumber")
    void duplicateMoveIn() {
      String id = ResidentIds.next();
      movedIn(id);
      refusedAtStart(moveIn(id, "registered", "2026-11-21"), "idNumber", "已在本社区登记");
    }

    @Test
    @DisplayName("RM-1: the same ID may be registered in another community (taiping) at the same time")
    void otherCommunity() {
      String id = ResidentIds.next();
      movedIn(id);
      ProcessInstance pi = startAs("xu.grid", KEY, moveIn(id, "migrant", "2026-11-21"));
      verifyAs("ma.staff", pi);
      Assertions.assertThat(register.registered("taiping", id)).isNotNull();
      Assertions.assertThat(register.registeredAnywhere(id)).hasSize(2);
    }

    @Test
    @DisplayName("RM-1: a move-out or address change of a person not registered in the community is refused at start naming idNumber")
    void unknownPerson() {
      String id = ResidentIds.next();
      refusedAtStart(moveOut(id, "2026-11-21"), "idNumber", "不是本社区的在册居民");
      refusedAtStart(addressChange(id, "2026-11-21"), "idNumber", "不是本社区的在册居民");
      movedIn(id);
      Assertions.assertThatThrownBy(() -> startAs("xu.grid", KEY, moveOut(id, "2026-11-21")))
          .as("registered in zaozhi, not in taiping").isInstanceOf(InvalidInputException.class)
          .extracting("field").isEqualTo("idNumber");
    }

    @Test
    @DisplayName("RM-1: a move-out under another name than the register's is refused naming name")
    void wrongName() {
      String id = ResidentIds.next();
      movedIn(id);
      Map<String, Object> v = moveOut(id, "2026-11-21");
      v.put("name", "王晓明");
      refusedAtStart(v, "name", "姓名与登记簿不符");
    }

    @Test
    @DisplayName("RM-1 race: two move-ins of the same ID both pass the start; the second verification is refused naming idNumber and stays open; it is then returned and withdrawn")
    void raceOnRecording() {
      String id = ResidentIds.next();
      ProcessInstance first = startAs("he.grid", KEY, moveIn(id, "registered", "2026-11-20"));
      ProcessInstance second = startAs("lin.grid", KEY, moveIn(id, "registered", "2026-11-20"));
      verifyAs("liu.staff", first);
      Task t = onlyTaskFor("chen.staff", second);
      Assertions.assertThatThrownBy(() -> completeAs("chen.staff", t, decision(true, "")))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能重复迁入")
          .extracting("field").isEqualTo("idNumber");
      assertThat(second).isWaitingAt("verifyResidentMove");
      Assertions.assertThat(caseOf(second).status()).isEqualTo("pending");
      Assertions.assertThat(register.registeredAnywhere(id)).hasSize(1);
      completeAs("chen.staff", onlyTaskFor("chen.staff", second), decision(false, "已由他人登记"));
      completeAs("lin.grid", onlyTaskFor("lin.grid", second), Map.of("resubmit", false));
      assertThat(second).isEnded();
    }

    @Test
    @DisplayName("RM-1 race, last guard: the unique index refuses a second registered row of the same ID in a community")
    void uniqueIndex() {
      String id = ResidentIds.next();
      movedIn(id);
      Assertions.assertThatThrownBy(() -> jdbc.update("insert into resident (community_id, person_name, sex, birth_date, "
              + "id_number, registered_id_number, address, resident_type, renting, arrived_on, status, late, created_at, "
              + "updated_at) values ('zaozhi', '王小明', 'male', date '1990-01-01', ?, ?, '某地', 'registered', false, "
              + "date '2026-11-20', 'registered', false, current_timestamp, current_timestamp)", id, id))
          .isInstanceOf(DuplicateKeyException.class);
      NewResident again = new NewResident();
      again.communityId = "zaozhi";
      again.personName = "王小明";
      again.idNumber = id;
      again.address = "某地";
      again.residentType = "registered";
      again.arrivedOn = LocalDate.of(2026, 11, 20);
      Assertions.assertThatThrownBy(() -> register.moveIn(again, null, "liu.staff"))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("idNumber");
    }

    @Test
    @DisplayName("RM-1: a move-out recorded after the person was moved out meanwhile is refused naming idNumber")
    void moveOutRace() {
      String id = ResidentIds.next();
      movedIn(id);
      ProcessInstance a = startAs("he.grid", KEY, moveOut(id, "2026-11-22"));
      ProcessInstance b = startAs("lin.grid", KEY, moveOut(id, "2026-11-22"));
      verifyAs("liu.staff", a);
      Task t = onlyTaskFor("chen.staff", b);
      Assertions.assertThatThrownBy(() -> completeAs("chen.staff", t, decision(true, "")))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("idNumber");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "idNumber      | WRONG_CHECK",
        "idNumber      | 36040319900101001",
        "idNumber      | 360403199002300011",
        "idNumber      | NULL",
        "moveType      | move-away",
        "residentType  | NULL",
        "residentType  | tourist",
        "name          | NULL",
        "phone         | NULL",
        "phone         | 123",
        "occupation    | NULL",
        "address       | NULL",
        "movedOn       | 2026-11-24",
        "movedOn       | 1989-12-31",
        "movedOn       | yesterday",
        "landlordPhone | 0792-8221234",
        "room          | 这是一个超过二十个字符的房间号码这是一个超过二十个字符的",
        "requestNo     | RM-2026-999999X"})
    @DisplayName("Bad input at start is refused naming the field (wrong check digit, 17 characters, impossible date, unknown values, future date, landlord phone without name, undeclared variable); nothing is left")
    void badInput(String field, String value) {
      Map<String, Object> v = moveIn(ResidentIds.next(), "migrant", "2026-11-20");
      if (value == null) {
        v.remove(field);
      } else if (value.equals("WRONG_CHECK")) {
        v.put(field, ResidentIds.wrongCheckDigit((String) v.get("idNumber")));
      } else {
        v.put(field, value);
      }
      String expected = field.equals("landlordPhone") ? "landlordName" : field;
      long instances = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
      Assertions.assertThatThrownBy(() -> startAs("he.grid", KEY, v))
          .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(expected);
      Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instances);
    }

    @Test
    @DisplayName("The ID validator through the process: wrong check digit and 17 characters say why")
    void idMessages() {
      String valid = ResidentIds.next();
      Assertions.assertThatThrownBy(() -> startAs("he.grid", KEY, moveIn(ResidentIds.wrongCheckDigit(valid), "migrant", "2026-11-20")))
          .hasMessageContaining("校验位错误");
      Assertions.assertThatThrownBy(() -> startAs("he.grid", KEY, moveIn(valid.substring(0, 17), "migrant", "2026-11-20")))
          .hasMessageContaining("应为 18 位");
      ProcessInstance pi = startAs("he.grid", KEY, moveIn(valid.substring(0, 17) + Character.toLowerCase(valid.charAt(17)),
          "migrant", "2026-11-20"));
      Assertions.assertThat(mapper.findMove(pi.getBusinessKey()).idNumber()).isEqualTo(valid);
    }

    @Test
    @DisplayName("Starters: a community's staff, grid workers and director; not its bookkeeper-only people or the street")
    void starters() {
      Assertions.assertThatThrownBy(() -> startAs("qian.social", KEY, moveIn(ResidentIds.next(), "migrant", "2026-11-20")))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }
  }
}
