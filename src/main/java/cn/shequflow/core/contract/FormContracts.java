package cn.shequflow.core.contract;

import cn.shequflow.core.guard.GuardLookups;
import cn.shequflow.core.process.LatestVersions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * The contract of a task or a process start: the Camunda Form the engine shows for it (the same
 * deployed form Tasklist renders, so what a person sees is what the server accepts).
 */
@Service
public class FormContracts {

  private final TaskService tasks;
  private final FormService forms;
  private final RepositoryService repository;
  private final ObjectMapper json;
  private final Map<String, FormContract> parsed = new ConcurrentHashMap<>();
  private final Map<String, FormContract> byDefinition = new ConcurrentHashMap<>();
  private final ProcessEngineConfigurationImpl engine;
  private final LatestVersions latest;

  public FormContracts(TaskService tasks, FormService forms, RepositoryService repository, ObjectMapper json,
      @Lazy ProcessEngineConfigurationImpl engine, LatestVersions latest) {
    this.engine = engine;
    this.latest = latest;
    this.tasks = tasks;
    this.forms = forms;
    this.repository = repository;
    this.json = json;
  }

  /** The task's contract, or {@code null} when the caller cannot see the task (the engine answers). */
  public FormContract forTask(String taskId) {
    Task task = taskId == null ? null : GuardLookups.visibleTask(tasks, taskId);
    if (task == null) {
      return null;
    }
    CamundaFormRef ref = task.getCamundaFormRef();
    if (ref == null) {
      return FormContract.NONE;
    }
    return deployed(ref, task.getProcessDefinitionId());
  }

  /** What a task's form opens with: the current value of a variable as the task sees it. */
  public Object currentValue(String taskId, String name) {
    return tasks.getVariable(taskId, name);
  }

  /** The start contract of a definition (by id, or the latest by key); {@code null} if not visible. */
  public FormContract forStart(String processDefinitionId, String processDefinitionKey) {
    ProcessDefinition definition = processDefinitionId != null
        ? repository.createProcessDefinitionQuery().processDefinitionId(processDefinitionId).singleResult()
        : repository.createProcessDefinitionQuery().processDefinitionKey(processDefinitionKey).latestVersion()
            .withoutTenantId().singleResult();
    if (definition == null) {
      return null;
    }
    StartFormData data = forms.getStartFormData(definition.getId());
    if (data == null || data.getCamundaFormRef() == null) {
      return FormContract.NONE;
    }
    return deployed(data.getCamundaFormRef(), definition.getId());
  }

  /**
   * The contract of the form a reference names, resolved as the engine resolves it for Tasklist
   * ({@code latest}, {@code deployment} or {@code version} binding): which form definition is read
   * through {@link LatestVersions} (a new deployment of a form takes effect at once on this node, within
   * seconds on the others), its content only once per form definition id, which never changes (issue 21). Read with the engine's own rights, as the engine
   * reads a deployed form for a person who may see the task or the definition.
   */
  private FormContract deployed(CamundaFormRef ref, String processDefinitionId) {
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      String deploymentId = DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT.equals(ref.getBinding())
          ? context.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedProcessDefinitionById(processDefinitionId).getDeploymentId()
          : null;
      CamundaFormDefinition definition = latest.form(context, ref, deploymentId);
      if (definition == null) {
        throw new NotFoundException("No Camunda Form Definition was found for Camunda Form Ref: " + ref);
      }
      FormContract known = byDefinition.get(definition.getId());
      if (known != null) {
        return known;
      }
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      if (resource == null) {
        throw new NotFoundException("The form with the resource name '" + definition.getResourceName()
            + "' cannot be found in deployment with id " + definition.getDeploymentId());
      }
      FormContract contract = parse(new ByteArrayInputStream(resource.getBytes()));
      byDefinition.put(definition.getId(), contract);
      return contract;
    }));
  }

  /** Parses form JSON (cached by content). */
  public FormContract parse(InputStream form) {
    try (InputStream in = form) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return parsed.computeIfAbsent(text, t -> {
        try {
          return FormContract.parse(json.readTree(t));
        } catch (IOException e) {
          throw new IllegalStateException("A deployed form is not valid JSON: " + e.getMessage(), e);
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read a deployed form: " + e.getMessage(), e);
    }
  }
}
