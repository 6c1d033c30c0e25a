package cn.shequflow.incident;

import cn.shequflow.core.inbox.TaskBadges;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An incident's task shows its traffic light (正常 / 黄灯督办 / 红灯督办, IN-5, IN-6) in colour and stands
 * out as 紧急 when the report is an emergency (IN-3), read from the incident register.
 */
@Component
public class IncidentBadges implements TaskBadges {

  private final IncidentRegister register;

  public IncidentBadges(IncidentRegister register) {
    this.register = register;
  }

  /** What a person reads for a light. */
  public static String lightLabel(String light) {
    return switch (light == null ? "" : light) {
      case "YELLOW" -> "黄灯督办";
      case "RED" -> "红灯督办";
      default -> "正常";
    };
  }

  @Override
  public String family() {
    return IncidentFamily.KEY;
  }

  @Override
  public List<Badge> of(String businessKey) {
    IncidentEntry entry = register.find(businessKey);
    if (entry == null) {
      return List.of();
    }
    List<Badge> badges = new ArrayList<>();
    if ("emergency".equals(entry.severity())) {
      badges.add(new Badge("urgent", "紧急"));
    }
    String light = entry.slaStatus() == null ? "GREEN" : entry.slaStatus();
    badges.add(new Badge(light.toLowerCase(java.util.Locale.ROOT), lightLabel(light)));
    return badges;
  }
}
