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
  private final ArrayList<Slot> idle = new ArrayList<>(MAX_IDLE);
  // The borrowed views, counted per stripe of threads: one shared count would be a cache line
  // that every read of every reader writes twice.
  private final ArrayList<Count> active = new ArrayList<>(MAX_IDLE);
  private final AtomicLong retiredDecoded = new AtomicLong();
  private final AtomicLong opened = new AtomicLong();
  // The newest version whose publication the slots were swept for (views of older ones released).
  private volatile long swept = -1;
  // What the last view opened found registering its tables, for the next one to reuse.
  private volatile StoredTables.Registrations registrations;
  private volatile boolean closed;

  /**
   * One idle view's place. Padded (as {@link Count}) so that slots and counts sit on different
   * cache lines: two readers taking and giving back views in neighbouring slots would otherwise
   * invalidate each other's line at every read.
   */
  @SuppressWarnings({"serial", "unused"})
  private static final class Slot extends AtomicReference<View> {
    private long p1, p2, p3, p4, p5, p6, p7;
  }

  @SuppressWarnings({"serial", "unused"})
  private static final class Count extends AtomicInteger {
    private long p1, p2, p3, p4, p5, p6, p7;
  }

  /**
   * Where the calling thread starts looking for a slot and counts itself: a reader then mostly
   * takes back the view it gave back, whose tables and buffers are still in its core's cache, and
   * two readers mostly write different lines.
   */
  private static int stripe() {
    return (int) Thread.currentThread().getId() & (MAX_IDLE - 1);
  }

  /** Views of the snapshots of {@code versions}. */
  public ReadViews(VersionedMemoryProvider versions) {
    this.versions = versions;
    for (int i = 0; i < MAX_IDLE; i++) {
      idle.add(new Slot());
      active.add(new Count());
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
    int stripe = stripe();
    Count count = active.get(stripe);
    count.incrementAndGet();
    View view = null;
    try {
      if (closed) {
        throw new MemoryException("the database is closed");
      }
      long newest = versions.published();
      for (int i = 0; i < MAX_IDLE; i++) {
        Slot slot = idle.get((stripe + i) & (MAX_IDLE - 1));
        View kept = slot.get();
        if (kept != null && kept.version() == newest && slot.compareAndSet(kept, null)) {
          view = kept;
          return view;
        }
      }
      opened.incrementAndGet();
      StoredTables.Registrations previous = registrations;
      view = open(versions.snapshot(), previous);
      if (view.tables.registrations() != previous) {
        // Only when they changed: every reader opens a view per version, and this line is shared.
        registrations = view.tables.registrations();
      }
      return view;
    } finally {
      if (view == null) {
        count.decrementAndGet();
      }
    }
  }

  /**
   * Opens the tables over {@code snapshot} (a pinned version), registering the tables registered at
   * that version; releases the snapshot if that fails.
   */
  public static View open(VersionedMemoryProvider.Snapshot snapshot) {
    return open(snapshot, null);
  }

  /**
   * Like {@link #open(VersionedMemoryProvider.Snapshot)}, reusing what opening an earlier view
   * found (see {@link StoredTables#openSnapshot(org.wasmdbms.memory.MemoryProvider, List,
   * StoredTables.Registrations)}).
   */
  @SuppressWarnings("unchecked")
  private static View open(
      VersionedMemoryProvider.Snapshot snapshot, StoredTables.Registrations previous) {
    try {
      return new View(
          snapshot,
          StoredTables.openSnapshot(
              snapshot.view(), (List<TableSchema>) snapshot.state(), previous));
    } catch (RuntimeException e) {
      snapshot.release();
      throw e;
    }
  }

  /**
   * Gives back a view borrowed by {@link #acquire()}: into a free slot if it is of the newest
   * version, else released. Views of older versions left in the slots pin what newer readers no
   * longer need: the first release after a publish sweeps them out, and so does one that placed its
   * view while a newer version was published (so none stays pinned for long).
   */
  public void release(View view) {
    int stripe = stripe();
    try {
      long newest = versions.published();
      boolean placed = false;
      if (!closed && view.version() == newest) {
        for (int i = 0; i < MAX_IDLE && !placed; i++) {
          Slot slot = idle.get((stripe + i) & (MAX_IDLE - 1));
          placed = slot.get() == null && slot.compareAndSet(null, view);
        }
      }
      if (!placed) {
        retire(view);
      }
      if (swept != newest || (placed && versions.published() != newest)) {
        sweep();
      }
      if (closed) {
        // close() may have emptied the slots before this view went into one.
        drainIdle();
      }
    } finally {
      // Only now: close() waits for no active reader before it closes the provider below. (A view
      // given back by another thread than its borrower's counts down another stripe: the sum
      // holds.)
      active.get(stripe).decrementAndGet();
    }
  }

  /** Releases the idle views of versions older than the newest published one. */
  private void sweep() {
    long newest = versions.published();
    for (Slot slot : idle) {
      View other = slot.get();
      if (other != null && other.version() != newest && slot.compareAndSet(other, null)) {
        retire(other);
      }
    }
    swept = newest;
  }

  private void drainIdle() {
    for (Slot slot : idle) {
      View view = slot.getAndSet(null);
      if (view != null) {
        retire(view);
      }
    }
  }

  /** Releases a view's snapshot; its decoded rows are counted from now on as retired. */
  private void retire(View view) {
    account(view);
    view.snapshot.release();
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
    int borrowed = 0;
    for (Count count : active) {
      borrowed += count.get();
    }
    return borrowed;
  }

  /**
   * How many committed rows the views' reads decoded in full so far: those of the views released
   * and of the idle ones (exact when no read is in progress; a view borrowed now counts when given
   * back).
   */
  public long decodedRows() {
    long decoded = retiredDecoded.get();
    for (Slot slot : idle) {
      View view = slot.get();
      if (view != null) {
        decoded += view.tables.decodedRows() - view.reportedDecoded;
      }
    }
    return decoded;
  }

  /**
   * How many views were opened so far: one per published version per concurrent reader, not one per
   * read (for tests and diagnostics).
   */
  public long opened() {
    return opened.get();
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
