package cn.shequflow.core.process;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers the product's 400 mapper for refused input with every JAX-RS application in the app:
 * /engine-rest and also the webapps' own engine API that Tasklist and Cockpit call
 * (/camunda/api/engine), which the product does not configure itself. Listed in
 * META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable.
 */
public class InvalidInputDiscoverable implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(RestConfig.InvalidInputMapper.class)) {
      context.register(RestConfig.InvalidInputMapper.class);
    }
  }
}
