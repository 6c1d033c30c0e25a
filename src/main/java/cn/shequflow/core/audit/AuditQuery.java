package cn.shequflow.core.audit;

import cn.shequflow.core.cases.CaseActions;
import cn.shequflow.core.cases.Paging;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.InvalidInputException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reading the audit log: entries by person, action, period and case, newest first. */
@Service
public class AuditQuery {

  /** The filters of the audit page; null for "any". Period by day, both ends included. */
  public record Filter(String actor, String action, LocalDate from, LocalDate to, String businessKey) {
    public Filter {
      actor = blankToNull(actor);
      action = blankToNull(action);
      businessKey = blankToNull(businessKey);
      if (action != null && AuditAction.of(action) == null) {
        throw new InvalidInputException("action", "没有这种操作类型：" + action);
      }
      if (from != null && to != null && from.isAfter(to)) {
        throw new InvalidInputException("from", "开始日期不能晚于结束日期");
      }
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }

  /**
   * One entry as the page shows it: {@code actorName} is the person's name and account
   * ("刘洋（liu.staff）", "系统" for none), {@code targetLabel} the target in Chinese where it is a code
   * (an approval operation's timeline action, e.g. "提交申请"), else the target.
   */
  public record Item(long id, LocalDateTime at, String actorId, String actorName, String action, String actionLabel,
      String outcome, String target, String targetLabel, String businessKey, String detail, String client,
      String hash) {}

  public record Page(long total, int page, int size, List<Item> items) {}

  /** Most entries one export holds. */
  public static final int MAX_EXPORT = 50_000;

  private final JdbcTemplate jdbc;
  private final Organisation organisation;

  public AuditQuery(JdbcTemplate jdbc, Organisation organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /** The reveals recorded for {@code actorId} with {@code target} on the chain's {@code day}. */
  public long countReveals(String actorId, String target, java.time.LocalDate day) {
    Long n = jdbc.queryForObject("select count(*) from audit_entry where chain_day = ? and action = ? "
        + "and actor_id = ? and target = ?", Long.class, java.sql.Date.valueOf(day), AuditAction.REVEAL.code,
        actorId, target);
    return n == null ? 0 : n;
  }

  public Page page(Filter filter, Paging paging) {
    List<Object> args = new ArrayList<>();
    String where = where(filter, args);
    Long total = jdbc.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
    args.add(paging.size());
    args.add(paging.offset());
    Map<String, String> names = new HashMap<>();
    List<Item> items = jdbc.query("select * from audit_entry" + where + " order by id desc limit ? offset ?",
        (rs, i) -> item(rs, names), args.toArray());
    return new Page(total == null ? 0 : total, paging.page(), paging.size(), items);
  }

  /** Up to {@link #MAX_EXPORT} entries, oldest first (for the .xlsx export). */
  public List<Item> all(Filter filter) {
    List<Object> args = new ArrayList<>();
    String where = where(filter, args);
    args.add(MAX_EXPORT);
    Map<String, String> names = new HashMap<>();
    return jdbc.query("select * from audit_entry" + where + " order by id limit ?", (rs, i) -> item(rs, names),
        args.toArray());
  }

  private static String where(Filter f, List<Object> args) {
    List<String> terms = new ArrayList<>();
    if (f.actor() != null) {
      terms.add("actor_id = ?");
      args.add(f.actor());
    }
    if (f.action() != null) {
      terms.add("action = ?");
      args.add(f.action());
    }
    if (f.from() != null) {
      terms.add("chain_day >= ?");
      args.add(java.sql.Date.valueOf(f.from()));
    }
    if (f.to() != null) {
      terms.add("chain_day <= ?");
      args.add(java.sql.Date.valueOf(f.to()));
    }
    if (f.businessKey() != null) {
      terms.add("business_key = ?");
      args.add(f.businessKey());
    }
    return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
  }

  private Item item(java.sql.ResultSet rs, Map<String, String> names) throws java.sql.SQLException {
    Timestamp at = rs.getTimestamp("occurred_at");
    String action = rs.getString("action");
    String actor = rs.getString("actor_id");
    String target = rs.getString("target");
    String actorName = actor == null ? "系统" : names.computeIfAbsent(actor, id -> {
      String name = organisation.displayName(id);
      return name.equals(id) ? id : name + "（" + id + "）";
    });
    String targetLabel = AuditAction.CASE_OPERATION.code.equals(action) && target != null
        ? CaseActions.labelOf(target) : target;
    return new Item(rs.getLong("id"), at == null ? null : at.toLocalDateTime(), actor, actorName, action,
        AuditAction.labelOf(action), rs.getString("outcome"), target, targetLabel, rs.getString("business_key"),
        rs.getString("detail"), rs.getString("client"), rs.getString("hash"));
  }
}
