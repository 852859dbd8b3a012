package org.wasmdbms.engine.concurrent;

import java.util.ArrayList;
import java.util.List;
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
 * costs once per published version per concurrent reader, and a view of an older version is dropped
 * (its snapshot released) as soon as it is idle.
 *
 * <p>Thread-safe: its monitor guards the idle views and the count of readers; opening a view runs
 * outside it. It never waits (no {@code wait}/{@code notify}: the guest path reaches this class).
 */
public final class ReadViews {
  private static final int MAX_IDLE = 8;

  private final VersionedMemoryProvider versions;
  private final ArrayList<View> idle = new ArrayList<>();
  private int active;
  private long retiredDecoded;
  private boolean closed;

  /** Views of the snapshots of {@code versions}. */
  public ReadViews(VersionedMemoryProvider versions) {
    this.versions = versions;
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
    long newest;
    synchronized (this) {
      if (closed) {
        throw new MemoryException("the database is closed");
      }
      active++;
      newest = versions.published();
      for (int i = idle.size() - 1; i >= 0; i--) {
        View view = idle.get(i);
        if (view.version() == newest) {
          idle.remove(i);
          return view;
        }
      }
    }
    View view = null;
    try {
      view = open(versions.snapshot());
      return view;
    } finally {
      if (view == null) {
        done();
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
    ArrayList<View> stale = null;
    synchronized (this) {
      account(view);
      if (!closed && view.version() == versions.published() && idle.size() < MAX_IDLE) {
        idle.add(view);
        // Views of older versions pin what newer readers no longer need.
        for (int i = idle.size() - 2; i >= 0; i--) {
          if (idle.get(i).version() != view.version()) {
            if (stale == null) {
              stale = new ArrayList<>();
            }
            stale.add(idle.remove(i));
          }
        }
      } else {
        stale = new ArrayList<>(1);
        stale.add(view);
      }
      if (stale == null) {
        done();
        return;
      }
    }
    // Outside the monitor: a release takes the versioned provider's, which the writer holds while
    // it writes, and other readers need this one to start. Counted done only after, so that close
    // does not close the provider under it.
    try {
      for (View old : stale) {
        old.snapshot.release();
      }
    } finally {
      done();
    }
  }

  private void account(View view) {
    long decoded = view.tables.decodedRows();
    retiredDecoded += decoded - view.reportedDecoded;
    view.reportedDecoded = decoded;
  }

  private synchronized void done() {
    active--;
  }

  /** How many views are borrowed now. */
  public synchronized int active() {
    return active;
  }

  /** How many committed rows the views' reads decoded in full so far. */
  public synchronized long decodedRows() {
    return retiredDecoded;
  }

  /**
   * Refuses new readers and releases the idle views; the views still borrowed are released when
   * given back. Idempotent. Does not wait: {@link BlockingWriteGate#closing} waits for the readers.
   */
  public synchronized void close() {
    closed = true;
    for (View view : idle) {
      view.snapshot.release();
    }
    idle.clear();
  }
}
