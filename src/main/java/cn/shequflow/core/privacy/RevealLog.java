package cn.shequflow.core.privacy;

import cn.shequflow.core.audit.AuditLog;
import cn.shequflow.core.organisation.Organisation;
import cn.shequflow.core.process.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Component;

/**
 * The record of every whole identity number shown (table {@code personal_data_reveal}, V20): who,
 * when, on which surface, for which case or resident. Written through {@link #record} only, in the
 * caller's transaction; read by administrators at {@code GET /api/privacy/reveals}. Each reveal is
 * also an entry of the tamper-evident audit log ({@link AuditLog#reveal}), in the same transaction.
 */
@Component
public class RevealLog {

  public record Reveal(Long id, LocalDateTime revealedAt, String userId, String userName, String surface,
      String businessKey, Long residentId) {}

  @Mapper
  public interface RevealMapper {
    @Insert("insert into personal_data_reveal (revealed_at, user_id, user_name, surface, business_key, resident_id) "
        + "values (#{revealedAt}, #{userId}, #{userName}, #{surface}, #{businessKey}, #{residentId})")
    void insert(Reveal reveal);

    @Select("select id, revealed_at, user_id, user_name, surface, business_key, resident_id from personal_data_reveal "
        + "order by revealed_at desc, id desc limit #{limit} offset #{offset}")
    List<Reveal> page(@Param("limit") int limit, @Param("offset") long offset);

    @Select("select count(*) from personal_data_reveal")
    long count();
  }

  private final RevealMapper mapper;
  private final Organisation organisation;
  private final AuditLog audit;

  public RevealLog(RevealMapper mapper, Organisation organisation, AuditLog audit) {
    this.mapper = mapper;
    this.organisation = organisation;
    this.audit = audit;
  }

  /** Records that {@code userId} was shown a whole identity number on {@code surface}. */
  public void record(String userId, PersonalData.Surface surface, String businessKey, Long residentId) {
    mapper.insert(new Reveal(null, Clock.now(), userId, organisation.displayName(userId), surface.code(), businessKey,
        residentId));
    audit.reveal(userId, residentId == null ? surface.code() : "resident " + residentId, businessKey, surface.label());
  }

  public List<Reveal> page(int limit, long offset) {
    return mapper.page(limit, offset);
  }

  public long count() {
    return mapper.count();
  }
}
