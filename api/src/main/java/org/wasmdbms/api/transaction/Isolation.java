package org.wasmdbms.api.transaction;

/**
 * How much of other transactions' work a transaction sees, chosen when it begins. The order of the
 * constants is the order of the cases of the WIT {@code isolation} enum, so the guest and the host
 * translate it by ordinal.
 */
public enum Isolation {
  /**
   * Every read sees the state committed before that read started, plus the transaction's own
   * writes. The default.
   */
  READ_COMMITTED("read-committed"),
  /**
   * Every read of the transaction sees the one state committed before it began, plus its own
   * writes. Its commit fails with a serialization conflict if a row it updated or deleted, or a key
   * it inserted, was changed or taken by another commit since (first committer wins). Write skew
   * stays possible: two transactions that each read what the other writes can both commit.
   */
  SNAPSHOT("snapshot");

  private final String witName;

  Isolation(String witName) {
    this.witName = witName;
  }

  /** The name of the matching case in the WIT {@code isolation} enum. */
  public String witName() {
    return witName;
  }
}
