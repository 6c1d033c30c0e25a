package cn.shequflow.core.process;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Notices to people (in the same transaction as the process step that sends them). */
@Component
public class Notifications {

  public record Notice(String id, String recipientId, String businessKey, String message, LocalDateTime createdAt) {}

  @Mapper
  public interface NotificationMapper {
    @Insert("insert into notification (id, recipient_id, business_key, message, created_at) "
        + "values (#{id}, #{recipientId}, #{businessKey}, #{message}, #{createdAt})")
    void insert(Notice notice);

    @Select("select id, recipient_id, business_key, message, created_at from notification "
        + "where recipient_id = #{recipientId} order by created_at desc, id limit #{limit}")
    List<Notice> latest(@Param("recipientId") String recipientId, @Param("limit") int limit);

    @Select("select id, recipient_id, business_key, message, created_at from notification "
        + "where business_key = #{businessKey} order by created_at, id")
    List<Notice> forBusinessKey(String businessKey);
  }

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final NotificationMapper mapper;

  public Notifications(NotificationMapper mapper) {
    this.mapper = mapper;
  }

  /** The length of {@code notification.message}. */
  static final int MAX_MESSAGE = 500;

  public void send(String recipientId, String businessKey, String message) {
    // A notice quotes a reason a person wrote (up to 1,000 characters): cut it to the column, as the
    // timeline is cut (between characters, with "…").
    message = Texts.fit(message, MAX_MESSAGE);
    mapper.insert(new Notice(UUID.randomUUID().toString(), recipientId, businessKey, message, Clock.now()));
    LOG.info("Notice to {} about {}: {}", recipientId, businessKey, message);
  }

  public List<Notice> latest(String recipientId, int limit) {
    return mapper.latest(recipientId, limit);
  }

  public List<Notice> forBusinessKey(String businessKey) {
    return mapper.forBusinessKey(businessKey);
  }
}
