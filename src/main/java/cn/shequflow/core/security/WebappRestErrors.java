package cn.shequflow.core.security;

import cn.shequflow.core.outage.DatabaseUnavailable;
import cn.shequflow.core.process.RestConfig;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * The webapps' own JAX-RS applications (Tasklist's and Cockpit's engine API under
 * /camunda/api/engine, the Cockpit, Admin and Tasklist plugin APIs) are built by the Camunda
 * starter, not by {@link RestConfig}, so they would answer refused input and unknown ids as 500.
 * Jersey's auto-discovery (META-INF/services) registers the same answers there: refused input as
 * 400 naming the field, {@link EngineRestErrors} and {@link EngineInputErrors}. Applications that registered them already
 * (/engine-rest) are left as they are.
 */
public class WebappRestErrors implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(RestConfig.InvalidInputMapper.class)) {
      context.register(RestConfig.InvalidInputMapper.class);
    }
    if (!context.getConfiguration().isRegistered(RestConfig.ConflictMapper.class)) {
      context.register(RestConfig.ConflictMapper.class);
    }
    if (!context.getConfiguration().isRegistered(EngineRestErrors.class)) {
      context.register(EngineRestErrors.class);
    }
    if (!context.getConfiguration().isRegistered(DatabaseUnavailable.Recorder.class)) {
      context.register(DatabaseUnavailable.Recorder.class);
    }
    if (!context.getConfiguration().isRegistered(EngineInputErrors.Reading.class)) {
      context.register(EngineInputErrors.Reading.class);
    }
    if (!context.getConfiguration().isRegistered(EngineInputErrors.Persistence.class)) {
      context.register(EngineInputErrors.Persistence.class);
    }
  }
}
