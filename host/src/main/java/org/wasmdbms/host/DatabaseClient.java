package org.wasmdbms.host;

import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.api.transaction.Isolation;

/**
 * The typed client of a guest's {@code database} interface. Outside a transaction each write is
 * applied (and synced by the guest) before it returns. Obtained from {@link DbmsHost#client()}.
 *
 * <p><b>Threads.</b> Safe to share between threads, like its {@link DbmsHost}: every call, reads
 * included, runs on the host's one guest instance, one call at a time. Reads of several threads are
 * not spread over several instances on the same file, because that is not safe: each instance has
 * its own page cache and journal state, so one would serve pages another has since rewritten, and
 * both would write the journal as if it were theirs alone. Snapshot isolation is therefore a matter
 * of what a transaction sees ({@link #begin(Isolation)}), not of reads running in parallel.
 */
public final class DatabaseClient extends DatabaseOperations {
  DatabaseClient(DbmsHost host) {
    super(host);
  }

  @Override
  <T> T run(Operation<T> operation) {
    return host.call((abi, generation) -> operation.run(abi, null));
  }

  /**
   * Begins a transaction: reads through it see its own writes; nothing of it is applied until
   * {@link Transaction#commit()}. Close it (try-with-resources) to roll back if it was not
   * committed.
   */
  public Transaction begin() {
    return host.call(
        (abi, generation) ->
            new Transaction(host, abi.beginTransaction(), generation, Isolation.READ_COMMITTED));
  }

  /**
   * Begins a transaction of the given isolation (the WIT {@code begin-transaction-isolated}); like
   * {@link #begin()} otherwise, which is {@code begin(Isolation.READ_COMMITTED)}.
   *
   * <p>Under {@link Isolation#SNAPSHOT} every read of the transaction sees the state committed
   * before it began plus its own writes, and {@link Transaction#commit()} throws {@link
   * org.wasmdbms.api.error.SerializationConflictException} (applying nothing, and ending the
   * transaction) if a row it updated or deleted, or a key it inserted, was changed or taken by a
   * commit made since (first committer wins). Write skew stays possible: two snapshot transactions
   * that each read what the other updates can both commit.
   *
   * @throws NullPointerException if {@code isolation} is null
   * @throws org.wasmdbms.api.error.ConstraintViolationException if the guest holds as many open
   *     transactions as it allows
   */
  public Transaction begin(Isolation isolation) {
    Objects.requireNonNull(isolation, "isolation");
    return host.call(
        (abi, generation) ->
            new Transaction(host, abi.beginTransactionIsolated(isolation), generation, isolation));
  }

  /**
   * Whether the guest's stored schema differs from the schema it was built with. While it does,
   * every read and write fails with {@link org.wasmdbms.api.error.MigrationException}, naming the
   * first differing table; this method, {@link #pendingMigrations()}, {@link #migrate} and rolling
   * back keep working.
   */
  public boolean hasDrift() {
    return host.call((abi, generation) -> abi.hasDrift());
  }

  /**
   * The steps from the stored schema to the guest's, in the order {@link #migrate} applies them.
   *
   * @throws org.wasmdbms.api.error.MigrationException if no plan exists, for example a new column
   *     that is neither nullable nor has a default (the detail names it)
   */
  public List<MigrationOp> pendingMigrations() {
    return host.call((abi, generation) -> abi.pendingMigrations());
  }

  /**
   * Applies every pending step atomically and durably; afterwards {@link #hasDrift()} is false.
   *
   * @throws org.wasmdbms.api.error.MigrationException naming the failing step and why (a
   *     destructive step {@code policy} does not allow, data a tightened rule refuses with the
   *     offending key, a failing transform, open transactions); nothing has changed then
   */
  public void migrate(MigrationPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    host.call(
        (abi, generation) -> {
          abi.migrate(policy);
          return null;
        });
  }
}
