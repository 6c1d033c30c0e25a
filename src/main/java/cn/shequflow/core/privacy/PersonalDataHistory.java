package cn.shequflow.core.privacy;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history never receives a whole identity number of a process that
 * {@link PersonalData#VARIABLES} lists: every variable event of such a variable is masked before it is
 * written, so neither the variable instances ({@code ACT_HI_VARINST}) nor the variable details of
 * history level full ({@code ACT_HI_DETAIL}: every value a variable ever had, including the one the
 * start form sent) hold it. The runtime variable is masked by the family itself once it has checked
 * the number (for {@code resident-move}: {@code RegisterResidentMove}, in the same transaction as the
 * start, so the whole value is never written to {@code ACT_RU_VARIABLE} either).
 */
@Component
public class PersonalDataHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    HistoryEventHandler inner = configuration.getHistoryEventHandler() != null ? configuration.getHistoryEventHandler()
        : new CompositeDbHistoryEventHandler(configuration.getCustomHistoryEventHandlers());
    configuration.setHistoryEventHandler(new Masking(inner));
  }

  /** Masks identity numbers in variable events, then hands every event on. */
  static final class Masking implements HistoryEventHandler {

    private final HistoryEventHandler inner;

    Masking(HistoryEventHandler inner) {
      this.inner = inner;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      mask(event);
      inner.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(Masking::mask);
      inner.handleEvents(events);
    }

    static void mask(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity v && v.getTextValue() != null) {
        Set<String> names = PersonalData.VARIABLES.get(v.getProcessDefinitionKey());
        if (names != null && names.contains(v.getVariableName())) {
          v.setTextValue(PersonalData.mask(v.getTextValue()));
        }
      }
    }
  }
}
