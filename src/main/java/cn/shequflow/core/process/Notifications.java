package cn.shequflow.core.process;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Notices to people, in the same transaction as the step that sends them: the in-app notice (the bell
 * in Tasklist reads it) is written here; each notice is then published as an application event, on
 * which the delivery channels (e-mail, group robot; package {@code cn.shequflow.notices}) queue their
 * copies in the same transaction. A channel that fails never takes the in-app notice with it.
 */
@Component
public class Notifications {

  /** A notice; {@code readAt} is null until its recipient has read it. */
  public record Notice(String id, String recipientId, String businessKey, String message, LocalDateTime createdAt,
      LocalDateTime readAt) {}

  @Mapper
  public interface NotificationMapper {
    @Insert("insert into notification (id, recipient_id, business_key, message, created_at) "
        + "values (#{id}, #{recipientId}, #{businessKey}, #{message}, #{createdAt})")
    void insert(Notice notice);

    @Select("select id, recipient_id, business_key, message, created_at, read_at from notification "
        + "where recipient_id = #{recipientId} order by created_at desc, id limit #{limit}")
    List<Notice> latest(@Param("recipientId") String recipientId, @Param("limit") int limit);

    @Select("select id, recipient_id, business_key, message, created_at, read_at from notification "
        + "where business_key = #{businessKey} order by created_at, id")
    List<Notice> forBusinessKey(String businessKey);

    @Select("select count(*) from notification where recipient_id = #{recipientId} and read_at is null")
    int unread(String recipientId);

    @Select("select id, recipient_id, business_key, message, created_at, read_at from notification where id = #{id}")
    Notice byId(String id);

    @Update("update notification set read_at = #{at} where id = #{id} and recipient_id = #{recipientId} "
        + "and read_at is null")
    int markRead(@Param("recipientId") String recipientId, @Param("id") String id, @Param("at") LocalDateTime at);

    @Update("update notification set read_at = #{at} where recipient_id = #{recipientId} and read_at is null")
    int markAllRead(@Param("recipientId") String recipientId, @Param("at") LocalDateTime at);
  }

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final NotificationMapper mapper;
  private final ApplicationEventPublisher events;

  public Notifications(NotificationMapper mapper, ApplicationEventPublisher events) {
    this.mapper = mapper;
    this.events = events;
  }

  /** The length of {@code notification.message}. */
  static final int MAX_MESSAGE = 500;

  public void send(String recipientId, String businessKey, String message) {
    // A notice quotes a reason a person wrote (up to 1,000 characters): cut it to the column, as the
    // timeline is cut (between characters, with "…").
    message = Texts.fit(message, MAX_MESSAGE);
    Notice notice = new Notice(UUID.randomUUID().toString(), recipientId, businessKey, message, Clock.now(), null);
    mapper.insert(notice);
    LOG.info("Notice to {} about {}", recipientId, businessKey);
    events.publishEvent(notice);
  }

  public int unread(String recipientId) {
    return mapper.unread(recipientId);
  }

  /** Marks one of the recipient's notices read; false when it is not theirs (or does not exist). */
  public boolean markRead(String recipientId, String id) {
    Notice notice = mapper.byId(id);
    if (notice == null || !notice.recipientId().equals(recipientId)) {
      return false;
    }
    mapper.markRead(recipientId, id, Clock.now());
    return true;
  }

  public int markAllRead(String recipientId) {
    return mapper.markAllRead(recipientId, Clock.now());
  }

  public List<Notice> latest(String recipientId, int limit) {
    return mapper.latest(recipientId, limit);
  }

  public List<Notice> forBusinessKey(String businessKey) {
    return mapper.forBusinessKey(businessKey);
  }
}
