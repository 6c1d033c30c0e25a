package cn.shequflow.residence;

import java.util.concurrent.atomic.AtomicInteger;

/** Valid, distinct identity numbers for tests (the tests of one context share a database). */
public final class ResidentIds {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();
  private static final AtomicInteger NEXT = new AtomicInteger(100);

  private ResidentIds() {}

  /** A fresh valid number of someone born on 1 January 1990 in 浔阳区 (360403). */
  public static String next() {
    return withCheckDigit("36040319900101" + String.format("%03d", NEXT.getAndIncrement()));
  }

  static String withCheckDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK[sum % 11];
  }

  /** The same number with a wrong check digit. */
  static String wrongCheckDigit(String valid) {
    char last = valid.charAt(17);
    return valid.substring(0, 17) + (last == '0' ? '1' : '0');
  }
}
