package db.migration;

import cn.shequflow.core.audit.HashChain;
import cn.shequflow.core.audit.TimelineChain;
import cn.shequflow.core.cases.CaseEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 17: seals the timeline entries written before V21 into their cases' hash chains, with the
 * same canonical content and hash as {@link TimelineChain} uses for new entries, and sets each
 * case's chain head. From here on an entry without a hash is a broken link.
 */
public class V22__seal_timelines extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection db = context.getConnection();
    Map<String, String[]> heads = new LinkedHashMap<>(); // business key -> {last hash, count}
    try (PreparedStatement select = db.prepareStatement(
            "select id, business_key, occurred_at, user_id, user_name, action, task_name, approved, comment "
                + "from case_event order by business_key, id");
        PreparedStatement update = db.prepareStatement("update case_event set prev_hash = ?, hash = ? where id = ?");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        Timestamp at = rs.getTimestamp("occurred_at");
        Object approved = rs.getObject("approved");
        CaseEvent e = new CaseEvent(rs.getLong("id"), rs.getString("business_key"),
            at == null ? null : at.toLocalDateTime(), rs.getString("user_id"), rs.getString("user_name"),
            rs.getString("action"), rs.getString("task_name"), approved == null ? null : rs.getBoolean("approved"),
            rs.getString("comment"));
        String[] head = heads.computeIfAbsent(e.businessKey(), k -> new String[] {HashChain.GENESIS, "0"});
        String hash = HashChain.hash(head[0], TimelineChain.canonical(e));
        update.setString(1, head[0]);
        update.setString(2, hash);
        update.setLong(3, e.id());
        update.executeUpdate();
        head[0] = hash;
        head[1] = String.valueOf(Long.parseLong(head[1]) + 1);
      }
    }
    try (PreparedStatement insert = db.prepareStatement(
        "insert into chain_head (chain_id, last_hash, entries) values (?, ?, ?)")) {
      for (Map.Entry<String, String[]> head : heads.entrySet()) {
        insert.setString(1, TimelineChain.chainId(head.getKey()));
        insert.setString(2, head.getValue()[0]);
        insert.setLong(3, Long.parseLong(head.getValue()[1]));
        insert.executeUpdate();
      }
    }
  }
}
