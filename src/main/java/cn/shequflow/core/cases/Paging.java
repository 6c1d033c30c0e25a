package cn.shequflow.core.cases;

import cn.shequflow.core.process.InvalidInputException;

/** A page of a ledger or register listing: page from 1, size 1–100, checked with 400s naming the field. */
public record Paging(int page, int size) {

  /** Deepest page a client may ask for (keeps offsets far from overflow). */
  public static final int MAX_PAGE = 10_000;
  public static final int MAX_SIZE = 100;

  public Paging {
    if (page < 1 || page > MAX_PAGE) {
      throw new InvalidInputException("page", "页码应在 1 到 " + MAX_PAGE + " 之间");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInputException("size", "每页条数应在 1 到 " + MAX_SIZE + " 之间");
    }
  }

  public long offset() {
    return (long) (page - 1) * size;
  }
}
