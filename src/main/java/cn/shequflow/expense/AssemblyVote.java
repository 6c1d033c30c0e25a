package cn.shequflow.expense;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * EX-7, the residents' representative assembly: the agenda is posted to residents at least 3 days
 * ahead of the meeting; the meeting is valid with more than two thirds of ALL representatives
 * present; a decision passes with more than half of ALL representatives in favour (not of those
 * present). The limits are policy; {@link #DEFAULT} holds those of the rule.
 */
public record AssemblyVote(int noticeDays) {

  public static final AssemblyVote DEFAULT = new AssemblyVote(3);

  /** The outcome, and in Chinese why it failed. */
  public record Result(boolean passed, String explanation) {}

  public Result evaluate(int total, int present, int inFavour, LocalDate noticePostedOn, LocalDate meetingOn) {
    List<String> failures = new ArrayList<>();
    long daysAhead = ChronoUnit.DAYS.between(noticePostedOn, meetingOn);
    if (daysAhead < noticeDays) {
      failures.add("议题只提前 " + daysAhead + " 天公告，未提前 " + noticeDays + " 天");
    }
    if (3L * present <= 2L * total) {
      failures.add("到会代表 " + present + " 人，未超过全体代表 " + total + " 人的三分之二");
    }
    if (2L * inFavour <= total) {
      failures.add("赞成 " + inFavour + " 票，未超过全体代表 " + total + " 人的半数");
    }
    if (failures.isEmpty()) {
      return new Result(true, "居民代表会议票决通过：全体 " + total + " 人，到会 " + present + " 人，赞成 " + inFavour + " 票");
    }
    return new Result(false, "居民代表会议票决未通过：" + String.join("；", failures));
  }
}
