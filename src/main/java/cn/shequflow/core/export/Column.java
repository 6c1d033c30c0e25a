package cn.shequflow.core.export;

import java.util.function.Function;

/**
 * One column of an exported list: its Chinese header and how a row gives its value. Values keep
 * their type in the workbook ({@link Workbooks}): numbers and amounts as numbers, dates as dates,
 * yes/no as 是/否, everything else as text.
 */
public record Column<T>(String header, Function<T, ?> value) {

  public static <T> Column<T> of(String header, Function<T, ?> value) {
    return new Column<>(header, value);
  }
}
