package cn.shequflow.residence;

import cn.shequflow.core.cases.CaseRecord;
import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.Notifications;
import cn.shequflow.core.privacy.PersonalData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code notifyCommunityPolice} (RM-4: grid workers help the community police officer
 * register rental housing). The community police officer (社区民警) is not a user of the product, so
 * the notice goes to the community's director, who passes it on, and the timeline records
 * 通知社区民警 with the tenant, the address and the landlord. The notice and the timeline are read by
 * many, so they carry the masked identity number ({@link PersonalData}); the director reads it whole in
 * the register.
 */
@Component("notifyCommunityPolice")
public class NotifyCommunityPolice implements JavaDelegate {

  static final String ACTION = "police-notified";

  private final ResidentMapper mapper;
  private final Cases cases;
  private final Organisation organisation;
  private final Notifications notifications;
  private final CurrentUser currentUser;

  public NotifyCommunityPolice(ResidentMapper mapper, Cases cases, Organisation organisation,
      Notifications notifications, CurrentUser currentUser) {
    this.mapper = mapper;
    this.cases = cases;
    this.organisation = organisation;
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRecord record = cases.of(execution);
    ResidentMoveEntry move = mapper.findMove(record.businessKey());
    MoveType type = MoveType.of(move.moveType());
    String what = switch (type) {
      case MOVE_IN -> "租户迁入";
      case MOVE_OUT -> "租户迁出";
      case ADDRESS_CHANGE -> "租户变更住址";
    };
    String message = "出租房屋登记，请转告社区民警：" + what + "，" + move.personName() + "（身份证号 "
        + PersonalData.mask(move.idNumber()) + "），" + (type == MoveType.MOVE_OUT ? "迁往 " : "住址 ") + move.address()
        + "，房东 " + move.landlordName() + "（" + move.landlordPhone() + "），日期 " + move.movedOn() + "。";
    for (String director : organisation.holders(Role.DIRECTOR, record.communityId())) {
      notifications.send(director, record.businessKey(), message);
    }
    mapper.policeNotified(record.businessKey());
    cases.event(record.businessKey(), currentUser.idOr("system"), ACTION, null, null, message);
  }
}
