package org.wasmdbms.host;

import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.transaction.Isolation;

/**
 * An open transaction of the guest: the operations of {@link DatabaseOperations} run inside it. It
 * ends with {@link #commit()} or {@link #rollback()}; {@link #close()} rolls it back unless it has
 * ended, so try-with-resources never leaves one open.
 *
 * <p>Once ended (a failed commit ends it too, as the interface says), or once the instance it was
 * begun on has trapped and been replaced, every call throws {@link TransactionNotFoundException}
 * without reaching the guest. Thread-safe.
 */
public final class Transaction extends DatabaseOperations implements AutoCloseable {
  private final long id;
  private final long generation;
  private final Isolation isolation;
  private boolean ended;

  Transaction(DbmsHost host, long id, long generation, Isolation isolation) {
    super(host);
    this.id = id;
    this.generation = generation;
    this.isolation = isolation;
  }

  /** The guest's id of this transaction. */
  public long id() {
    return id;
  }

  /** The isolation this transaction was begun with. */
  public Isolation isolation() {
    return isolation;
  }

  @Override
  <T> T run(Operation<T> operation) {
    return host.call(
        (abi, current) -> {
          requireOpen(current);
          return operation.run(abi, id);
        });
  }

  private void requireOpen(long current) {
    synchronized (this) {
      if (ended) {
        throw new TransactionNotFoundException("transaction " + id + " has ended");
      }
      if (current != generation) {
        ended = true;
        throw new TransactionNotFoundException(
            "transaction " + id + " was lost when its guest instance trapped");
      }
    }
  }

  private synchronized void end() {
    ended = true;
  }

  /**
   * Applies the transaction atomically; on failure nothing of it is applied. Either way it has
   * ended.
   *
   * @throws org.wasmdbms.api.error.SerializationConflictException if this is a {@link
   *     Isolation#SNAPSHOT} transaction and another commit since its snapshot changed a row it
   *     updated or deleted, or took a key it inserted
   */
  public void commit() {
    host.call(
        (abi, current) -> {
          requireOpen(current);
          end();
          abi.commit(id);
          return null;
        });
  }

  /** Discards the transaction. */
  public void rollback() {
    host.call(
        (abi, current) -> {
          requireOpen(current);
          end();
          abi.rollback(id);
          return null;
        });
  }

  /** Rolls back unless the transaction has ended (or was lost with a trapped instance). */
  @Override
  public void close() {
    synchronized (this) {
      if (ended) {
        return;
      }
    }
    try {
      rollback();
    } catch (TransactionNotFoundException e) {
      // The instance that held the transaction is gone, so there is nothing left to roll back.
    }
  }
}
