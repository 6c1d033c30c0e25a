package cn.shequflow.incident;

import cn.shequflow.core.cases.Cases;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.organisation.Role;
import cn.shequflow.core.process.Notifications;
import cn.shequflow.residence.ResidenceFamily;
import org.springframework.stereotype.Component;

/**
 * Default {@link IncidentResidenceLink}: a timeline entry {@code residence-handover} on the incident
 * and a notice to the community's staff (社区干部) to file a {@code resident-move} registration.
 */
@Component
public class ResidenceReminder implements IncidentResidenceLink {

  private final Cases cases;
  private final Organisation organisation;
  private final Notifications notifications;

  public ResidenceReminder(Cases cases, Organisation organisation, Notifications notifications) {
    this.cases = cases;
    this.organisation = organisation;
    this.notifications = notifications;
  }

  @Override
  public void closed(IncidentEntry incident) {
    String what = "migrant-inflow".equals(incident.category()) ? "人口流入" : "房屋出租";
    cases.event(incident.businessKey(), null, "residence-handover", null, null,
        what + "事件已办结，已提醒社区干部为相关人员办理居民迁入迁出登记（" + ResidenceFamily.PROCESS_KEY + "）");
    String message = what + "事件 " + incident.businessKey() + "（" + incident.title() + "，" + incident.location()
        + "）已办结。请核实相关人员身份信息，在“居民迁入迁出登记”中为其办理登记。";
    organisation.holders(Role.STAFF, incident.communityId())
        .forEach(u -> notifications.send(u, incident.businessKey(), message));
  }
}
