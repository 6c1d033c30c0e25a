package cn.shequflow.core.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DefaultCacheFactory;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.commons.utils.cache.Cache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which version of a policy decision or of a form (latest binding) is the latest, kept for a few
 * seconds instead of asked of the database on every evaluation and form contract (issue 21: 8
 * queries and about 6% of the CPU of a leave case; the guards, the command and its listeners each
 * asked again).
 *
 * <p>A deployment or the deletion of one on this node makes it ask again at once: a post-deployer
 * of the engine and the caches of its deployment cache (from which the engine removes every deleted
 * definition) forget what was kept, when the change is made and again when its transaction ends. A version deployed on another
 * node of a cluster applies here within {@link #KEPT} (the next request of an analyst's change may
 * still see the previous version for that long, as a request that started just before the
 * deployment would).
 */
@Component
public class LatestVersions extends AbstractProcessEnginePlugin {

  /** How long an answer is kept when nothing was deployed or deleted on this node. */
  public static final Duration KEPT = Duration.ofSeconds(5);

  private record Kept(Object value, long readAtNanos, long generation) {}

  private final Map<List<String>, Kept> kept = new ConcurrentHashMap<>();
  /** Moves on with every deployment or deletion: an answer read across one is not kept. */
  private final AtomicLong generation = new AtomicLong();

  /** The latest version of decision {@code key} (no tenant), or {@code null} if none is deployed. */
  public DecisionDefinitionEntity decision(CommandContext context, String key) {
    return get(List.of("decision", key), () -> context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key));
  }

  /**
   * The form definition a form reference names, as the engine resolves it for Tasklist; the latest
   * binding kept as above, the others (deployment, version) read as the engine reads them.
   */
  public CamundaFormDefinition form(CommandContext context, CamundaFormRef ref, String deploymentId) {
    if (!DefaultFormHandler.FORM_REF_BINDING_LATEST.equals(ref.getBinding())) {
      return new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context);
    }
    return get(List.of("form", ref.getKey()), () -> new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context));
  }

  @SuppressWarnings("unchecked")
  private <T> T get(List<String> key, Supplier<T> read) {
    long now = System.nanoTime();
    long current = generation.get();
    Kept known = kept.get(key);
    if (known != null && known.generation() == current && now - known.readAtNanos() < KEPT.toNanos()) {
      return (T) known.value();
    }
    T value = read.get();
    if (value != null && generation.get() == current) {
      kept.put(key, new Kept(value, now, current));
    }
    return value;
  }

  /** Forgets every answer now and again when the current transaction (that deploys or deletes) ends. */
  void forget() {
    forgetNow();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          forgetNow();
        }
      });
    }
  }

  private void forgetNow() {
    generation.incrementAndGet();
    kept.clear();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPostDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
    deployers.add(deployment -> forget());
    configuration.setCustomPostDeployers(deployers);
    // The engine removes a definition from its deployment cache when it is deleted (with its
    // deployment): the caches it builds for them tell this class of every removal.
    CacheFactory engineCaches = new DefaultCacheFactory();
    configuration.setCacheFactory(new CacheFactory() {
      @Override
      public <T> Cache<String, T> createCache(int capacity) {
        return new ForgettingCache<>(engineCaches.createCache(capacity));
      }
    });
  }

  /** One of the engine's deployment caches, forgetting the latest versions when anything leaves it. */
  private final class ForgettingCache<T> implements Cache<String, T> {

    private final Cache<String, T> cache;

    ForgettingCache(Cache<String, T> cache) {
      this.cache = cache;
    }

    @Override
    public T get(String key) {
      return cache.get(key);
    }

    @Override
    public void put(String key, T value) {
      cache.put(key, value);
    }

    @Override
    public void remove(String key) {
      forget();
      cache.remove(key);
    }

    @Override
    public void clear() {
      forget();
      cache.clear();
    }

    @Override
    public Set<String> keySet() {
      return cache.keySet();
    }

    @Override
    public int size() {
      return cache.size();
    }

    @Override
    public boolean isEmpty() {
      return cache.isEmpty();
    }
  }
}
