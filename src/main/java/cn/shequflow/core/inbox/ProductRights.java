package cn.shequflow.core.inbox;

import cn.shequflow.core.guard.Trusted;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The product's own engine work for the inbox operations, after the operation has checked who may
 * do it: {@link Trusted} (the command guards let it through) and without the person's engine
 * permissions (people hold only TASK_WORK on tasks, so assigning or delegating needs the product's).
 * Only fixed commands of the product run here, never anything a client chose.
 */
@Component
public class ProductRights {

  private final IdentityService identity;

  public ProductRights(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T run(Supplier<T> work) {
    return Trusted.run(() -> {
      Authentication auth = identity.getCurrentAuthentication();
      identity.clearAuthentication();
      try {
        return work.get();
      } finally {
        if (auth != null) {
          identity.setAuthentication(auth);
        }
      }
    });
  }

  public void run(Runnable work) {
    run(() -> {
      work.run();
      return null;
    });
  }
}
