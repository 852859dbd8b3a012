package org.wasmdbms.engine.concurrent;

import java.util.function.LongSupplier;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.version.VersionedMemoryProvider;

/**
 * The writers' side of a database: a gate that lets one writer in at a time (in arrival order is
 * not promised), with a busy timeout, and the group commit that makes the commits written behind
 * the gate durable.
 *
 * <p>Group commit: a writer ends its commit inside the gate without syncing ({@link
 * VersionedMemoryProvider#commitWithoutSync()}), leaves the gate, and calls {@link
 * #awaitDurable(long)}. If no sync runs, it becomes the leader: it syncs once for every commit
 * written so far and publishes the newest of them to readers. Otherwise it waits for the running
 * sync, and then leads the next one if its commit is still not durable. So while one writer waits
 * for the disk, the next ones enter the gate, write their commits, and one sync serves them all;
 * each returns only once its own commit is durable.
 *
 * <p>Thread-safe (its monitor guards its state; waiting uses {@code wait}/{@code notifyAll}).
 * Single-threaded owners (the WebAssembly guest) never wait: the gate is always free there, and the
 * clock is not needed.
 */
public final class WriteGate {
  private final VersionedMemoryProvider versions;
  private final LongSupplier clock;
  private long busyTimeoutMillis;
  private boolean held;
  private int waiting;
  private boolean syncing;
  private long durable;
  private boolean closing;
  private boolean closed;

  /**
   * A gate for the writers of {@code versions}; {@code clock} (milliseconds; null: the busy timeout
   * is not enforced) measures how long a writer waits.
   */
  public WriteGate(VersionedMemoryProvider versions, LongSupplier clock, long busyTimeoutMillis) {
    this.versions = versions;
    this.clock = clock;
    this.busyTimeoutMillis = busyTimeoutMillis;
  }

  /** Sets how long {@link #enter()} waits for the gate before it gives up (0: not at all). */
  public synchronized void busyTimeout(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("a busy timeout cannot be negative: " + millis);
    }
    busyTimeoutMillis = millis;
  }

  /**
   * Waits until no other writer is inside, then enters.
   *
   * @throws MemoryException "the database is busy" if another writer stays inside longer than the
   *     busy timeout (nothing is changed), or if the thread is interrupted while it waits
   */
  public synchronized void enter() {
    if (held) {
      waitForGate();
    }
    held = true;
  }

  private void waitForGate() {
    long timeout = busyTimeoutMillis;
    long start = clock == null ? 0 : clock.getAsLong();
    boolean interrupted = false;
    waiting++;
    try {
      while (held) {
        long left = clock == null ? 0 : timeout - (clock.getAsLong() - start);
        if (clock != null && left <= 0) {
          throw new MemoryException(
              "the database is busy: another writer held it for longer than the busy timeout of "
                  + timeout
                  + " ms; nothing was changed");
        }
        interrupted |= pause(left);
      }
    } finally {
      waiting--;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Waits up to {@code millis} (0: until notified); returns whether the thread was interrupted. An
   * interrupt does not stop a database call: it completes and the thread keeps its interrupt.
   */
  private boolean pause(long millis) {
    try {
      wait(millis);
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }

  /** Leaves the gate. */
  public synchronized void exit() {
    held = false;
    if (waiting > 0) {
      notifyAll();
    }
  }

  /**
   * Returns once commit {@code version} (ended by {@link
   * VersionedMemoryProvider#commitWithoutSync()}) is durable, syncing with the other waiting
   * writers' commits (see the class comment), and published to readers with {@code state}.
   *
   * @throws MemoryException if the sync fails (the provider is then unusable) or the thread is
   *     interrupted (the commit stays written; it becomes durable with the next sync)
   */
  public void awaitDurable(long version) {
    long target;
    synchronized (this) {
      boolean interrupted = false;
      try {
        while (durable < version && (syncing || (closing && !closed))) {
          interrupted |= pause(0);
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      if (durable >= version) {
        return;
      }
      if (closing) {
        throw new MemoryException("the database is closed");
      }
      syncing = true;
      target = versions.written();
    }
    boolean synced = false;
    try {
      versions.finishCommits();
      versions.publish(target);
      synced = true;
    } finally {
      synchronized (this) {
        syncing = false;
        if (synced && target > durable) {
          durable = target;
        }
        notifyAll();
      }
    }
  }

  /**
   * Notes that every commit up to {@code version} is durable and published (a synchronous commit).
   */
  public synchronized void durableThrough(long version) {
    durable = Math.max(durable, version);
  }

  /**
   * Starts closing: waits until no sync runs and starts no other; writers still waiting for theirs
   * wait for {@link #closed(boolean)}.
   */
  public synchronized void closing() {
    closing = true;
    boolean interrupted = false;
    while (syncing) {
      interrupted |= pause(0);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends closing: if the close made every written commit durable ({@code durableNow}), the writers
   * waiting for their sync return; otherwise they fail with "the database is closed".
   */
  public synchronized void closed(boolean durableNow) {
    if (durableNow) {
      durable = Math.max(durable, versions.written());
    }
    closed = true;
    notifyAll();
  }
}
