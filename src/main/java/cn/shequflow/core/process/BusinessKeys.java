package cn.shequflow.core.process;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Human-readable, unique business keys: {@code LV-2026-000001}, the family's prefix, the filing
 * year (the product's {@link Clock}, China Standard Time) and a counter per prefix and year. The
 * counter row is updated in the caller's transaction, so a start that is rolled back gives its
 * number back. A key a client gives is accepted only in the same form ({@link #isFilingYearKey}).
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
    return format(prefix, year, sequences.current(prefix, year));
  }

  /**
   * Whether {@code key} is a key the product could give a case of the family with {@code prefix}
   * filed now: that prefix, this year by the product's clock, six digits, not all zeros. A client
   * cannot date a case into another year ({@code EX-2025-…}, {@code EX-2099-…}) or another family.
   */
  public static boolean isFilingYearKey(String prefix, String key) {
    return key != null && key.matches(prefix + "-" + Clock.today().getYear() + "-\\d{6}") && !key.endsWith("-000000");
  }

  /** The first key of a prefix this year, to show what a client's own key must look like. */
  public static String example(String prefix) {
    return format(prefix, Clock.today().getYear(), 1);
  }

  private static String format(String prefix, int year, long number) {
    return String.format("%s-%d-%06d", prefix, year, number);
  }
}
