package org.wasmdbms.host;

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
}
