package cn.shequflow.core.audit;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking one hash chain: {@code intact}, how many entries were checked, and else
 * the first broken link (the entry's id, or null when the chain's end is missing) and why.
 */
public record ChainCheck(String chain, boolean intact, long entries, Long brokenAt, String problem) {

  /** One stored row: its id, canonical content and stored hashes. */
  record Row(long id, String canonical, String prevHash, String hash) {}

  static final String CHANGED = "记录内容被改动";
  static final String GAP = "前一条记录被删除、插入或顺序被调换";
  static final String END = "链尾记录被删除，或链头被改动";

  /** Walks {@code rows} (in id order) from the genesis and compares the end with the chain's head. */
  static ChainCheck of(String chain, List<Row> rows, HashChain.Head head) {
    String prev = HashChain.GENESIS;
    long n = 0;
    for (Row row : rows) {
      if (!Objects.equals(row.prevHash(), prev)) {
        return new ChainCheck(chain, false, n, row.id(), row.hash() == null ? CHANGED : GAP);
      }
      if (!HashChain.hash(prev, row.canonical()).equals(row.hash())) {
        return new ChainCheck(chain, false, n, row.id(), CHANGED);
      }
      prev = row.hash();
      n++;
    }
    long expected = head == null ? 0 : head.entries();
    String lastHash = head == null ? HashChain.GENESIS : head.lastHash();
    if (expected != n || !lastHash.equals(prev)) {
      return new ChainCheck(chain, false, n, null, END);
    }
    return new ChainCheck(chain, true, n, null, null);
  }
}
