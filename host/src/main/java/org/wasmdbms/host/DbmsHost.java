package org.wasmdbms.host;

import java.util.Objects;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InternalDbmsException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.host.abi.DatabaseAbi;

/**
 * A running guest: owns at most one live instance of a {@link GuestModule} and calls the {@code
 * database} interface on it.
 *
 * <p><b>Threads.</b> Safe to use from several threads: calls are serialised on this object, one at
 * a time, because a WebAssembly instance is single-threaded. Reads wait for the call before them
 * too: the host never runs a second instance on the same file for them, since each instance keeps
 * its own page cache and journal state and two of them would serve stale pages and overwrite each
 * other's journal. For the same reason, open one host per directory; two hosts on the same
 * directory would write the same database file.
 *
 * <p><b>Traps.</b> If the guest traps (or breaks the canonical ABI, which the ABI also makes a
 * trap), the call fails with {@link InternalDbmsException} (kind {@code internal-error}: the guest
 * promises a typed error for every failure, so a trap is a defect in it, not a storage failure),
 * whose cause is the trap. The broken instance is dropped and never called again; the next call
 * instantiates the module afresh, which reopens the database file, so every committed write is
 * still there and every open transaction is gone. Transactions of a dropped instance are refused by
 * {@link Transaction} without reaching the new instance, whose ids could collide with them.
 *
 * <p>{@link #close()} closes the guest's files; later calls fail with {@code memory-error}.
 */
public final class DbmsHost implements AutoCloseable {
  private final GuestModule module;
  private final HostOptions options;
  private final FilterTexts filterTexts = new FilterTexts();
  private GuestInstance instance;
  private DatabaseAbi abi;
  private long generation;
  private boolean closed;

  private DbmsHost(GuestModule module, HostOptions options) {
    this.module = Objects.requireNonNull(module, "module");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Starts {@code module} with {@code options}; the database file is opened by the first call.
   *
   * @throws InternalDbmsException if the module cannot be instantiated (for example an import that
   *     is neither WASI preview 1 nor provided)
   * @throws MemoryException if the options' directory is missing or not a directory
   */
  public static DbmsHost start(GuestModule module, HostOptions options) {
    DbmsHost host = new DbmsHost(module, options);
    host.call((abi, generation) -> null);
    return host;
  }

  /** A typed client for this host's database. */
  public DatabaseClient client() {
    return new DatabaseClient(this);
  }

  /** The JSON texts of filters, printed once per filter object for all of this host's clients. */
  FilterTexts filterTexts() {
    return filterTexts;
  }

  /** The module this host runs. */
  public GuestModule module() {
    return module;
  }

  /** One use of the live instance. */
  interface GuestCall<T> {
    /**
     * Runs on the instance numbered {@code generation} (instantiations are counted from 1, so a
     * transaction can tell whether it was begun on this instance).
     */
    T run(DatabaseAbi abi, long generation);
  }

  /**
   * Runs {@code call} on the live instance, instantiating one if there is none.
   *
   * @throws DbmsException the guest's typed error, or {@link InternalDbmsException} if it trapped
   */
  synchronized <T> T call(GuestCall<T> call) {
    if (closed) {
      throw new MemoryException("the host is closed");
    }
    try {
      if (instance == null) {
        instance = new GuestInstance(module, options);
        abi = new DatabaseAbi(instance);
        generation++;
      }
      return call.run(abi, generation);
    } catch (DbmsException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      discardInstance();
      InternalDbmsException trap =
          new InternalDbmsException("the guest trapped and was restarted: " + e);
      trap.initCause(e);
      throw trap;
    }
  }

  private void discardInstance() {
    if (instance != null) {
      instance.close();
    }
    instance = null;
    abi = null;
  }

  /** Drops the instance and closes its files. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    discardInstance();
  }
}
