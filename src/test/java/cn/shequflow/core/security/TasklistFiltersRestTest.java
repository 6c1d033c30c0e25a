package cn.shequflow.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shequflow.support.RestClient.Response;
import cn.shequflow.support.RestTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18: one default Tasklist filter 待办 (assigned to me, or claimable by me), opened first by
 * every user (Tasklist opens the filter of the lowest priority), with its count; the start-up data
 * is idempotent, and a deployment that has the former 全部待办 gets 待办 in its place on restart.
 */
class TasklistFiltersRestTest extends RestTestSupport {

  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filters;

  List<JsonNode> filtersOf(String user) {
    Response r = as(user).get("/engine-rest/filter?resourceType=Task&itemCount=true");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    r.json().forEach(list::add);
    list.sort((a, b) -> Integer.compare(a.get("properties").path("priority").asInt(0),
        b.get("properties").path("priority").asInt(0)));
    return list;
  }

  long count(String user, String query) {
    Response r = as(user).get("/engine-rest/task/count?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("count").asLong();
  }

  @Test
  @DisplayName("待办 is every user's first filter; its count is what is assigned to him plus what he may claim, a task claimed by him counted once")
  void todoFirstWithCount() {
    start("liu.staff", leave(1));
    String claimed = onlyTaskId("zhang.director", start("chen.staff", leave(1)).get("id").asText());
    assertThat(as("zhang.director").post("/engine-rest/task/" + claimed + "/claim", Map.of("userId", "zhang.director"))
        .status()).isEqualTo(204);
    for (String user : List.of("zhang.director", "liu.staff", "qian.social", "wei.justice", "he.grid")) {
      List<JsonNode> list = filtersOf(user);
      assertThat(list.get(0).get("name").asText()).as("first filter of " + user).isEqualTo(TasklistFilters.TODO);
    }
    JsonNode todo = filtersOf("zhang.director").get(0);
    long expected = count("zhang.director", "assignee=zhang.director")
        + count("zhang.director", "candidateUser=zhang.director");
    assertThat(expected).isGreaterThanOrEqualTo(2);
    assertThat(todo.get("itemCount").asLong()).isEqualTo(expected);
    Response list = as("zhang.director").post("/engine-rest/filter/" + todo.get("id").asText() + "/list?maxResults=1000", Map.of());
    List<String> ids = new ArrayList<>();
    list.json().forEach(t -> ids.add(t.get("id").asText()));
    assertThat(ids).contains(claimed).doesNotHaveDuplicates();
    assertThat(filtersOf("gao.director").get(0).get("itemCount").asLong())
        .isEqualTo(count("gao.director", "assignee=gao.director") + count("gao.director", "candidateUser=gao.director"));
  }

  @Test
  @DisplayName("Start-up filters are idempotent: a restart adds no copy; the former 全部待办 becomes 待办 and first")
  void idempotentAndRenamed() {
    Filter todo = filters.createTaskFilterQuery().filterName(TasklistFilters.TODO).singleResult();
    // A deployment from before issue 18: the same query under 全部待办, after the other filters.
    todo.setName(TasklistFilters.FORMER_TODO);
    Map<String, Object> properties = new LinkedHashMap<>(todo.getProperties());
    properties.put("priority", 10);
    properties.put("description", "我本人的和我所在岗位的全部任务");
    todo.setProperties(properties);
    filters.saveFilter(todo);

    tasklistFilters.ensureFilters();
    tasklistFilters.ensureFilters();

    for (String name : List.of(TasklistFilters.TODO, TasklistFilters.MINE, TasklistFilters.GROUP,
        TasklistFilters.OVERDUE, TasklistFilters.OVERDUE_ALL)) {
      assertThat(filters.createTaskFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
    assertThat(filters.createTaskFilterQuery().filterName(TasklistFilters.FORMER_TODO).count()).isZero();
    Filter renamed = filters.createTaskFilterQuery().filterName(TasklistFilters.TODO).singleResult();
    assertThat(renamed.getId()).as("the same filter, renamed, not a copy").isEqualTo(todo.getId());
    assertThat(renamed.getProperties().get("priority")).isEqualTo(-20);
    assertThat(filtersOf("zhang.director").get(0).get("id").asText()).isEqualTo(todo.getId());
  }
}
