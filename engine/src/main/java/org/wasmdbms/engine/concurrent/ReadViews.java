package org.wasmdbms.engine.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.engine.storage.StoredTables;
import org.wasmdbms.engine.tx.Transaction;
import org.wasmdbms.memory.version.VersionedMemoryProvider;

/**
 * The readers' side of a database on the JVM: each read outside a transaction borrows a {@link
 * View}, the database's tables opened read-only over a pinned snapshot of the newest published
 * version, and gives it back. A view is used by one reader at a time (the tables' read path is
 * single-threaded); views of the current version are kept for the next readers, so opening one
 * costs once per published version per concurrent reader (and little: the blocks it reads are
 * shared by the version's snapshots, see {@code VersionedMemoryProvider}), and a view of an older
 * version is dropped (its snapshot released) as soon as it is idle.
 *
 * <p>Thread-safe and lock-free: borrowing and giving back a view of the current version take no
 * monitor (idle views sit in a few atomic slots, the counts are atomic), so readers do not
 * serialize here nor wait for a reader the scheduler paused inside a critical section. It never
 * waits (no {@code wait}/{@code notify}: the guest path reaches this class; TeaVM has these
 * atomics).
 */
public final class ReadViews {
  private static final int MAX_IDLE = 8;

  private final VersionedMemoryProvider versions;
  private final ArrayList<AtomicReference<View>> idle = new ArrayList<>(MAX_IDLE);
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicLong retiredDecoded = new AtomicLong();
  private volatile boolean closed;

  /** Views of the snapshots of {@code versions}. */
  public ReadViews(VersionedMemoryProvider versions) {
    this.versions = versions;
    for (int i = 0; i < MAX_IDLE; i++) {
      idle.add(new AtomicReference<>());
    }
  }

  /** A snapshot and the tables opened over it; what a snapshot transaction reads. */
  public static final class View implements Transaction.Snapshot {
    private final VersionedMemoryProvider.Snapshot snapshot;
    private final StoredTables tables;
    private long reportedDecoded;

    private View(VersionedMemoryProvider.Snapshot snapshot, StoredTables tables) {
      this.snapshot = snapshot;
      this.tables = tables;
    }

    /** The tables as of the snapshot. */
    @Override
    public StoredTables tables() {
      return tables;
    }

    /** The commit count the snapshot sees. */
    @Override
    public long version() {
      return snapshot.version();
    }

    /** Releases the snapshot of a view made by {@link ReadViews#open} (not one borrowed). */
    @Override
    public void release() {
      snapshot.release();
    }
  }

  /**
   * Borrows a view of the newest published version.
   *
   * @throws MemoryException if the database is closed or the snapshot cannot be read
   */
  public View acquire() {
    active.incrementAndGet();
    View view = null;
    try {
      if (closed) {
        throw new MemoryException("the database is closed");
      }
      long newest = versions.published();
      for (AtomicReference<View> slot : idle) {
        View kept = slot.get();
        if (kept != null && kept.version() == newest && slot.compareAndSet(kept, null)) {
          view = kept;
          return view;
        }
      }
      view = open(versions.snapshot());
      return view;
    } finally {
      if (view == null) {
        active.decrementAndGet();
      }
    }
  }

  /**
   * Opens the tables over {@code snapshot} (a pinned version), registering the tables registered at
   * that version; releases the snapshot if that fails.
   */
  @SuppressWarnings("unchecked")
  public static View open(VersionedMemoryProvider.Snapshot snapshot) {
    try {
      return new View(
          snapshot,
          StoredTables.openSnapshot(snapshot.view(), (List<TableSchema>) snapshot.state()));
    } catch (RuntimeException e) {
      snapshot.release();
      throw e;
    }
  }

  /** Gives back a view borrowed by {@link #acquire()}. */
  public void release(View view) {
    try {
      account(view);
      long newest = versions.published();
      boolean placed = false;
      boolean keep = !closed && view.version() == newest;
      for (AtomicReference<View> slot : idle) {
        View other = slot.get();
        if (other == null) {
          placed = placed || (keep && slot.compareAndSet(null, view));
        } else if (other.version() != newest && slot.compareAndSet(other, null)) {
          // Views of older versions pin what newer readers no longer need.
          other.snapshot.release();
        }
      }
      if (!placed) {
        view.snapshot.release();
      }
      if (closed) {
        // close() may have emptied the slots before this view went into one.
        drainIdle();
      }
    } finally {
      // Only now: close() waits for no active reader before it closes the provider below.
      active.decrementAndGet();
    }
  }

  private void drainIdle() {
    for (AtomicReference<View> slot : idle) {
      View view = slot.getAndSet(null);
      if (view != null) {
        view.snapshot.release();
      }
    }
  }

  private void account(View view) {
    long decoded = view.tables.decodedRows();
    if (decoded != view.reportedDecoded) {
      retiredDecoded.addAndGet(decoded - view.reportedDecoded);
      view.reportedDecoded = decoded;
    }
  }

  /** How many views are borrowed now. */
  public int active() {
    return active.get();
  }

  /** How many committed rows the views' reads decoded in full so far. */
  public long decodedRows() {
    return retiredDecoded.get();
  }

  /**
   * Refuses new readers and releases the idle views; the views still borrowed are released when
   * given back. Idempotent. Does not wait: {@link BlockingWriteGate#closing} waits for the readers.
   */
  public void close() {
    closed = true;
    drainIdle();
  }
}
