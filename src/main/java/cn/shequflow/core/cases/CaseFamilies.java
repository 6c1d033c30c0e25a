package cn.shequflow.core.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** All families the product runs (one {@link CaseFamily} bean each). */
@Component
public class CaseFamilies {

  private final List<CaseFamily> families;

  public CaseFamilies(List<CaseFamily> families) {
    this.families = List.copyOf(families);
  }

  public List<CaseFamily> all() {
    return families;
  }

  public Optional<CaseFamily> byProcessKey(String processKey) {
    return families.stream().filter(f -> f.processKey().equals(processKey)).findFirst();
  }

  public CaseFamily byKey(String key) {
    return families.stream().filter(f -> f.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Unknown case family " + key));
  }
}
