package cn.shequflow.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import cn.shequflow.core.cases.TaskListColumns;
import java.util.HashSet;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@code full} (id 3, the level every database of the product was set up
 * with), less two kinds of rows nobody reads:
 * <ul>
 *   <li>the detail row of every variable change ({@code ACT_HI_DETAIL}, variable updates and form
 *       properties): the latest value of each variable stays in {@code ACT_HI_VARINST}, and who
 *       decided what, when, is the product's own record (the timeline {@code case_event}, the approval
 *       chain, the audit log); these rows were about 45 inserts per leave case, a third of its history;</li>
 *   <li>the counters the engine keeps for a multi-instance activity ({@link #MULTI_INSTANCE_COUNTERS}):
 *       bookkeeping of the approval chain's loop, rewritten at every step;</li>
 *   <li>the task list's columns ({@link TaskListColumns}): copies of the register's number, applicant,
 *       community and subject on every open task, for Tasklist's list; the register keeps them.</li>
 * </ul>
 * Everything else of level full is written as before: process, activity and task instances,
 * variable instances, identity links, the user operation log, incidents, job log, decisions.
 *
 * <p>It keeps the id and the name of level full, so an existing database (whose level is recorded in
 * {@code ACT_GE_PROPERTY}) starts unchanged and Cockpit and the REST API see level full. The engine
 * takes the last level of its list whose name matches the configured one
 * ({@code camunda.bpm.history-level: full}); this plugin adds its level at the end of that list.
 */
@Component
public class LeanFullHistory extends AbstractProcessEnginePlugin {

  /** Variables the engine sets on a multi-instance activity's executions. */
  public static final Set<String> MULTI_INSTANCE_COUNTERS =
      Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  /** Variables whose history is not kept: the multi-instance counters and the task list's columns. */
  static final Set<String> NOT_KEPT = notKept();

  private static Set<String> notKept() {
    Set<String> names = new HashSet<>(MULTI_INSTANCE_COUNTERS);
    TaskListColumns.COLUMNS.forEach(column -> names.add(column.name()));
    return Set.copyOf(names);
  }

  /** The level: {@code full} without variable-change details, multi-instance counters and list columns. */
  public static final HistoryLevel LEVEL = new HistoryLevelFull() {
    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
          || eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
        return false;
      }
      if (entity instanceof VariableInstanceEntity variable
          && NOT_KEPT.contains(variable.getName())) {
        return false;
      }
      return super.isHistoryEventProduced(eventType, entity);
    }

    @Override
    public String toString() {
      return "full (without variable-change details, multi-instance counters and task list columns)";
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryLevels());
    custom.add(LEVEL);
    configuration.setCustomHistoryLevels(custom);
  }
}
