package cn.shequflow.incident;

import cn.shequflow.core.cases.LedgerChoices;
import cn.shequflow.core.export.Column;
import cn.shequflow.core.export.Exports;
import org.springframework.http.ResponseEntity;

import cn.shequflow.core.cases.CaseFamilies;
import cn.shequflow.core.cases.CaseFamily;
import cn.shequflow.core.cases.CommunityScope;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.process.CurrentUser;
import cn.shequflow.core.process.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incident register for supervisors: {@code GET /api/incidents?communityId=&category=&status=&light=&page=&size=}
 * lists incidents newest first, with counts by community, category, status and light (IN-5). Who sees
 * which communities is the platform's {@link CommunityScope}.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "台账与登记簿")
@RestController
@RequestMapping("/api/incidents")
public class IncidentController implements LedgerChoices {

  static final List<String> LIGHTS = List.of("GREEN", "YELLOW", "RED");

  public record Counts(Map<String, Long> byCommunity, Map<String, Long> byCategory, Map<String, Long> byStatus,
      Map<String, Long> byLight) {}

  public record Item(IncidentEntry incident, String categoryLabel, String statusLabel, String lightLabel) {}

  public record Page(int page, int size, long total, Counts counts, List<Item> items) {}

  private final IncidentRegister register;
  private final CommunityScope scope;
  private final CaseFamilies families;
  private final CurrentUser currentUser;
  private final Exports exports;
  private final IncidentCategories categories;

  static final List<Column<Item>> COLUMNS = List.of(
      Column.of("事项编号", i -> i.incident().businessKey()),
      Column.of("上报人", i -> i.incident().applicantName()),
      Column.of("社区", i -> i.incident().communityName()),
      Column.of("类别", Item::categoryLabel),
      Column.of("标题", i -> i.incident().title()),
      Column.of("地点", i -> i.incident().location()),
      Column.of("状态", Item::statusLabel),
      Column.of("督办灯", Item::lightLabel),
      Column.of("上报时间", i -> i.incident().submittedAt()),
      Column.of("签收时间", i -> i.incident().acceptedAt()),
      Column.of("办结时间", i -> i.incident().handledAt()),
      Column.of("处理结果", i -> i.incident().result()),
      Column.of("重新办理次数", i -> i.incident().reopenCount()),
      Column.of("是否满意", i -> i.incident().satisfied()),
      Column.of("关闭时间", i -> i.incident().closedAt()));

  public IncidentController(IncidentRegister register, CommunityScope scope, CaseFamilies families,
      CurrentUser currentUser, Exports exports, IncidentCategories categories) {
    this.exports = exports;
    this.categories = categories;
    this.register = register;
    this.scope = scope;
    this.families = families;
    this.currentUser = currentUser;
  }
  @Override
  public String ledger() {
    return "incidents";
  }

  @Override
  public java.util.Map<String, java.util.List<Choice>> choices() {
    java.util.Map<String, String> lights = new java.util.LinkedHashMap<>();
    for (String light : LIGHTS) {
      lights.put(light, IncidentBadges.lightLabel(light));
    }
    return java.util.Map.of("category", LedgerChoices.of(categories.all()),
        "status", LedgerChoices.of(families.byKey(IncidentFamily.KEY).statuses()),
        "light", LedgerChoices.of(lights));
  }


  @io.swagger.v3.oas.annotations.Operation(summary = "事件登记簿：按社区、类别、状态、督办灯筛选，附统计（format=xlsx：整个筛选结果导出为 Excel）")
  @GetMapping
  public Page list(
      @RequestParam(required = false) String communityId,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String light,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int size) {
    CaseFamily family = families.byKey(IncidentFamily.KEY);
    family.requireStatus("status", status);
    if (category != null && !IncidentVariables.CATEGORIES.contains(category)) {
      throw new InvalidInputException("category", "未知的事件类别：" + category);
    }
    if (light != null && !LIGHTS.contains(light)) {
      throw new InvalidInputException("light", "督办灯只能是 GREEN、YELLOW 或 RED");
    }
    Paging paging = new Paging(page, size);
    List<String> communities = scope.forListing(currentUser.id(), family, communityId);
    Map<String, Long> byCommunity = new java.util.TreeMap<>();
    Map<String, Long> byCategory = new java.util.TreeMap<>();
    Map<String, Long> byStatus = new java.util.TreeMap<>();
    Map<String, Long> byLight = new java.util.TreeMap<>();
    long total = 0;
    for (Map<String, Object> row : register.tally(communities, category, status, light)) {
      long n = ((Number) column(row, "n")).longValue();
      total += n;
      byCommunity.merge(String.valueOf(column(row, "community")), n, Long::sum);
      byCategory.merge(String.valueOf(column(row, "category")), n, Long::sum);
      byStatus.merge(String.valueOf(column(row, "status")), n, Long::sum);
      byLight.merge(String.valueOf(column(row, "light")), n, Long::sum);
    }
    Counts counts = new Counts(byCommunity, byCategory, byStatus, byLight);
    List<Item> items = register.page(communities, category, status, light, size, paging.offset()).stream()
        .map(i -> new Item(i, categories.label(i.category()), family.statusLabel(i.status()),
            IncidentBadges.lightLabel(i.slaStatus()))).toList();
    return new Page(page, size, total, counts, items);
  }

  /** A column of a row as MyBatis gives it (H2 answers aliases in upper case). */
  private static Object column(Map<String, Object> row, String alias) {
    return row.containsKey(alias) ? row.get(alias) : row.get(alias.toUpperCase());
  }


  @io.swagger.v3.oas.annotations.Hidden // documented with the list: ?format=xlsx
  @GetMapping(params = "format=xlsx")
  public ResponseEntity<byte[]> listWorkbook(
      @RequestParam(required = false) String communityId,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String light) {
    List<Item> rows = Exports.allPages(n -> list(communityId, category, status, light, n, Paging.MAX_SIZE).items());
    return exports.send("事件登记簿", COLUMNS, rows,
        Exports.selection("社区", communityId, "类别", category, "状态", status, "督办灯", light));
  }
}
