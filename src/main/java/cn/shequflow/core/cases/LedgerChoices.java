package cn.shequflow.core.cases;

import java.util.List;
import java.util.Map;

/**
 * The choices a ledger's filters offer (status, category, light …), each a code with the Chinese
 * name a person reads, in the order they are shown. Each ledger declares its own from where its codes
 * are kept (the family's statuses, the start form's options), and {@link LedgerChoicesController}
 * publishes them all, so the 台账 page keeps no list of its own.
 */
public interface LedgerChoices {

  /** The ledger's name on the 台账 page: leave, expenses, loans, residents, incidents. */
  String ledger();

  /** Filter (query parameter) → its choices. */
  Map<String, List<Choice>> choices();

  record Choice(String code, String label) {}

  /** A case ledger whose filter choice is its family's status (the family's statuses, in their order). */
  static LedgerChoices statuses(String ledger, CaseFamily family) {
    Map<String, List<Choice>> choices = Map.of("status", of(family.statuses()));
    return new LedgerChoices() {
      @Override
      public String ledger() {
        return ledger;
      }

      @Override
      public Map<String, List<Choice>> choices() {
        return choices;
      }
    };
  }

  /** Code → label, in the map's order. */
  static List<Choice> of(Map<String, String> labels) {
    return labels.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).toList();
  }
}
