package cn.shequflow.core.cases;

import cn.shequflow.core.process.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/ledgers/choices}: every ledger's filter choices ({@link LedgerChoices}). */
@Tag(name = "台账")
@RestController
public class LedgerChoicesController {

  private final List<LedgerChoices> ledgers;
  private final CurrentUser currentUser;

  public LedgerChoicesController(List<LedgerChoices> ledgers, CurrentUser currentUser) {
    this.ledgers = ledgers;
    this.currentUser = currentUser;
  }

  @Operation(summary = "台账筛选项：各台账的状态、类别、督办灯等可选值及其中文名称（ledger → 筛选参数 → [{code, label}]）")
  @GetMapping("/api/ledgers/choices")
  public Map<String, Map<String, List<LedgerChoices.Choice>>> choices() {
    if (currentUser.id() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录");
    }
    Map<String, Map<String, List<LedgerChoices.Choice>>> all = new TreeMap<>();
    ledgers.forEach(l -> all.put(l.ledger(), l.choices()));
    return all;
  }
}
