package org.wasmdbms.host;

import java.util.List;
import java.util.Objects;
import org.wasmdbms.api.migration.MigrationOp;
import org.wasmdbms.api.migration.MigrationPolicy;

/**
 * The typed client of a guest's {@code database} interface. Outside a transaction each write is
 * applied (and synced by the guest) before it returns. Safe to share between threads, like its
 * {@link DbmsHost}; obtained from {@link DbmsHost#client()}.
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
        (abi, generation) -> new Transaction(host, abi.beginTransaction(), generation));
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
