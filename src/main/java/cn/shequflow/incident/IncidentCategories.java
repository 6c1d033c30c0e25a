package cn.shequflow.incident;

import cn.shequflow.core.contract.FormContract;
import cn.shequflow.core.contract.FormContracts;
import cn.shequflow.core.inbox.ProductRights;
import org.springframework.stereotype.Component;

/**
 * The Chinese names of incident categories (安全隐患, 火灾隐患 …): the options of the category field
 * on the incident's start form, where the analysts keep them, so the register, its Excel sheet and
 * the dashboard name a category as the person filing it read it.
 */
@Component
public class IncidentCategories {

  private final FormContracts forms;
  private final ProductRights product;

  public IncidentCategories(FormContracts forms, ProductRights product) {
    this.forms = forms;
    this.product = product;
  }

  /** Every category the start form offers, code → Chinese name, in the form's order. */
  public java.util.Map<String, String> all() {
    FormContract form = product.run(() -> forms.forStart(null, IncidentFamily.PROCESS_KEY));
    FormContract.Field field = form == null ? null : form.fields().get("category");
    return field == null || field.optionLabels() == null ? java.util.Map.of() : field.optionLabels();
  }

  /** The Chinese name of {@code code}; the code itself if the form does not name it. */
  public String label(String code) {
    FormContract form = product.run(() -> forms.forStart(null, IncidentFamily.PROCESS_KEY));
    FormContract.Field field = form == null ? null : form.fields().get("category");
    return field == null || code == null ? code : field.display(code);
  }
}
