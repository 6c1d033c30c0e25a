package cn.shequflow.statistics;

import cn.shequflow.core.process.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 业务统计 dashboard's figures for leaders (issue 20): {@code GET /api/statistics/summary} and
 * {@code GET /api/statistics/overdue}. Only what the viewer may see ({@link Statistics}).
 */
@Tag(name = "业务统计")
@RestController
@RequestMapping("/api/statistics")
public class StatisticsController {

  private final Statistics statistics;
  private final CurrentUser currentUser;

  public StatisticsController(Statistics statistics, CurrentUser currentUser) {
    this.statistics = statistics;
    this.currentUser = currentUser;
  }

  @Operation(summary = "业务统计：按社区和月份统计各类事项的受理、审结、批准/退回、在办及审结用时，事件按类别和督办灯，"
      + "请假天数、开支与票决、月度报账与财务公开；只统计本人有权查看的事项，无权查看的事项类别不出现")
  @GetMapping("/summary")
  public Statistics.StatisticsSummary summary(
      @Parameter(description = "开始月份 yyyy-MM（默认：结束月份前 11 个月）") @RequestParam(required = false) String from,
      @Parameter(description = "结束月份 yyyy-MM（默认：本月）") @RequestParam(required = false) String to,
      @Parameter(description = "社区编号，如 zaozhi（默认：本人可查看的全部社区）") @RequestParam(required = false) String community) {
    return statistics.summary(currentUser.id(), from, to, community);
  }

  @Operation(summary = "逾期清单：办理环节已过期限的在办事项，以及黄灯、红灯督办中的事件，附审批单链接")
  @GetMapping("/overdue")
  public Statistics.OverdueList overdue(
      @Parameter(description = "社区编号，如 zaozhi（默认：本人可查看的全部社区）") @RequestParam(required = false) String community) {
    return statistics.overdue(currentUser.id(), community);
  }
}
