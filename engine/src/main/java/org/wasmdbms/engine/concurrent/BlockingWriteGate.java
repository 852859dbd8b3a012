package org.wasmdbms.engine.concurrent;

import java.util.function.LongSupplier;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.memory.version.VersionedMemoryProvider;

/**
 * The writers' side of a database shared by threads (JVM only: it waits with {@code wait}, which
 * the WebAssembly guest must not reach): a gate that lets one writer in at a time (in arrival order
 * is not promised), with a busy timeout, and the group commit that makes the commits written behind
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
public final class BlockingWriteGate extends WriteGate {
  private final LongSupplier clock;
  private boolean held;
  private int waiting;
  private boolean syncing;
  private boolean closing;
  private boolean closed;

  /**
   * A gate for the writers of {@code versions}; {@code clock} (milliseconds; null: the busy timeout
   * is not enforced) measures how long a writer waits.
   */
  public BlockingWriteGate(
      VersionedMemoryProvider versions, LongSupplier clock, long busyTimeoutMillis) {
    super(versions);
    this.clock = clock;
    busyTimeout(busyTimeoutMillis);
  }

  /**
   * Waits until no other writer is inside, then enters.
   *
   * @throws MemoryException "the database is busy" if another writer stays inside longer than the
   *     busy timeout (nothing is changed), or if the thread is interrupted while it waits
   */
  @Override
  public synchronized void enter() {
    if (held) {
      waitForGate();
    }
    held = true;
  }

  private void waitForGate() {
    long timeout = busyTimeoutMillis();
    long start = clock.getAsLong();
    boolean interrupted = false;
    waiting++;
    try {
      while (held) {
        long left = timeout - (clock.getAsLong() - start);
        if (left <= 0) {
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

  @Override
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
  @Override
  public void awaitDurable(long version) {
    if (durable() >= version) {
      return; // most statements of a transaction: they committed nothing
    }
    long target;
    synchronized (this) {
      boolean interrupted = false;
      try {
        while (durable() < version && (syncing || (closing && !closed))) {
          interrupted |= pause(0);
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      if (durable() >= version) {
        return;
      }
      if (closing) {
        throw new MemoryException("the database is closed");
      }
      syncing = true;
      target = versions().written();
    }
    boolean synced = false;
    try {
      versions().finishCommits();
      versions().publish(target);
      synced = true;
    } finally {
      synchronized (this) {
        syncing = false;
        if (synced) {
          durableThrough(target);
        }
        notifyAll();
      }
    }
  }

  /**
   * Starts closing: waits until no sync runs and starts no other, and until the readers of {@code
   * views} (closed already) are done; writers still waiting for their sync wait for {@link
   * #closed(boolean)}.
   */
  @Override
  public synchronized void closing(ReadViews views) {
    closing = true;
    boolean interrupted = false;
    while (syncing) {
      interrupted |= pause(0);
    }
    // Readers never wait for writers, so they do not notify this gate: poll the few that remain.
    while (views != null && views.active() > 0) {
      interrupted |= pause(1);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends closing: if the close made every written commit durable ({@code durableNow}), the writers
   * waiting for their sync return; otherwise they fail with "the database is closed".
   */
  @Override
  public synchronized void closed(boolean durableNow) {
    super.closed(durableNow);
    closed = true;
    notifyAll();
  }
}
