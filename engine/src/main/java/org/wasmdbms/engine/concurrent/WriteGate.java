package org.wasmdbms.engine.concurrent;

import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.version.VersionedMemoryProvider;

/**
 * The writers' gate of a database that stays single-threaded inside (the WebAssembly guest): one
 * call at a time, none ever waits (a call that finds the gate taken is a re-entrant call and fails
 * as busy), and a commit ended without syncing is synced at once by {@link #awaitDurable(long)}.
 * {@link BlockingWriteGate} is the JVM's, with waiting, a busy timeout and group commit; this one
 * reaches no {@code wait}, {@code notify} or clock, which TeaVM's WASI target cannot compile
 * without imports beyond WASI.
 *
 * <p>Thread-safe (synchronized methods), but never blocks: share a database opened with it between
 * threads only one call at a time.
 */
public class WriteGate {
  private final VersionedMemoryProvider versions;
  private long busyTimeoutMillis;
  private boolean held;
  // Volatile: a writer whose commit is durable already returns without the gate's monitor.
  private volatile long durable;

  /** A gate for the writers of {@code versions}. */
  public WriteGate(VersionedMemoryProvider versions) {
    this.versions = versions;
  }

  /** The versioned provider the commits go through. */
  protected final VersionedMemoryProvider versions() {
    return versions;
  }

  /** Sets how long {@link #enter()} waits for the gate before it gives up (0: not at all). */
  public final synchronized void busyTimeout(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("a busy timeout cannot be negative: " + millis);
    }
    busyTimeoutMillis = millis;
  }

  /** The busy timeout in milliseconds. */
  protected final synchronized long busyTimeoutMillis() {
    return busyTimeoutMillis;
  }

  /**
   * Enters the gate.
   *
   * @throws MemoryException "the database is busy" if it is taken (a call made from inside another)
   */
  public synchronized void enter() {
    if (held) {
      throw new MemoryException("the database is busy: another call is in progress");
    }
    held = true;
  }

  /** Leaves the gate. */
  public synchronized void exit() {
    held = false;
  }

  /**
   * Returns once commit {@code version} is durable and published to readers.
   *
   * @throws MemoryException if the sync fails (the provider is then unusable)
   */
  public void awaitDurable(long version) {
    if (durable() < version) {
      long target = versions.written();
      versions.finishCommits();
      versions.publish(target);
      durableThrough(target);
    }
  }

  /** The newest version known durable and published. */
  protected final long durable() {
    return durable;
  }

  /** Notes that every commit up to {@code version} is durable and published. */
  public final synchronized void durableThrough(long version) {
    durable = Math.max(durable, version);
  }

  /** Starts closing once the readers of {@code views} (null: none) are done. */
  public void closing(ReadViews views) {}

  /** Ends closing; {@code durableNow}: the close made every written commit durable. */
  public synchronized void closed(boolean durableNow) {
    if (durableNow) {
      durable = Math.max(durable, versions.written());
    }
  }
}
