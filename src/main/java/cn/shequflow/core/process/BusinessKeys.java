package cn.shequflow.core.process;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Human-readable, unique business keys: {@code LV-2026-000001}. The counter row is updated in
 * the caller's transaction, so a start that is rolled back gives its number back.
 */
@Component
public class BusinessKeys {

  @Mapper
  public interface SequenceMapper {
    @Update("update biz_key_sequence set last_value = last_value + 1 where prefix = #{prefix} and seq_year = #{year}")
    int increment(@Param("prefix") String prefix, @Param("year") int year);

    @Insert("insert into biz_key_sequence (prefix, seq_year, last_value) values (#{prefix}, #{year}, 1)")
    void insertFirst(@Param("prefix") String prefix, @Param("year") int year);

    @Select("select last_value from biz_key_sequence where prefix = #{prefix} and seq_year = #{year}")
    long current(@Param("prefix") String prefix, @Param("year") int year);
  }

  private final SequenceMapper sequences;

  public BusinessKeys(SequenceMapper sequences) {
    this.sequences = sequences;
  }

  public String next(String prefix) {
    int year = Clock.today().getYear();
    if (sequences.increment(prefix, year) == 0) {
      try {
        sequences.insertFirst(prefix, year);
      } catch (DuplicateKeyException raced) {
        sequences.increment(prefix, year);
      }
    }
    return String.format("%s-%d-%06d", prefix, year, sequences.current(prefix, year));
  }
}
