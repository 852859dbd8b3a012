package org.wasmdbms.engine.tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.Tables;

/**
 * An open transaction: its view of the database (the committed state of the moment plus its own
 * changes, which is read committed; or, for a snapshot transaction, the committed state of one
 * version plus its own changes) and the log of its successful writes, which commit applies again to
 * the committed state. A snapshot transaction also records the rows its writes touched, which
 * commit checks against the later commits (first committer wins). Not thread-safe.
 */
public final class Transaction implements Tables {
  private final long id;
  private final Tables committed;
  private final Map<String, OverlayTableData> overlays = new HashMap<>();
  private final List<Operation> operations = new ArrayList<>();
  private final Snapshot snapshot;
  private final Set<WriteSets.RowKey> changedRows;
  private final long baseChanges;
  private long heldBytes;

  /**
   * What a snapshot transaction reads: its pinned version and the tables opened over it, and how to
   * let them go when the transaction ends.
   */
  public interface Snapshot {
    /** The commit count the snapshot sees. */
    long version();

    /** The committed tables as of the snapshot. */
    Tables tables();

    /** Releases the snapshot. */
    void release();
  }

  /**
   * A new read-committed transaction {@code id} over {@code committed}, begun when the committed
   * state had seen {@code baseChanges} changes (see {@link #baseChanges()}).
   */
  public Transaction(long id, Tables committed, long baseChanges) {
    this.id = id;
    this.committed = committed;
    this.snapshot = null;
    this.changedRows = null;
    this.baseChanges = baseChanges;
  }

  /**
   * A new snapshot transaction {@code id} over {@code snapshot}, which is the committed state after
   * {@code baseChanges} changes (see {@link #baseChanges()}).
   */
  public Transaction(long id, Snapshot snapshot, long baseChanges) {
    this.id = id;
    this.committed = snapshot.tables();
    this.snapshot = snapshot;
    this.changedRows = WriteSets.newSet();
    this.baseChanges = baseChanges;
  }

  /**
   * How many changes of rows or schema the committed state had seen when this transaction began, as
   * counted by its owner. If the count is the same at commit, every statement checked its keys and
   * references against the state the commit applies to, and the commit need not check inserts
   * again.
   */
  public long baseChanges() {
    return baseChanges;
  }

  /** The snapshot a snapshot transaction reads, or null for read committed. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** The rows a snapshot transaction's writes touched (null for read committed). */
  public Set<WriteSets.RowKey> changedRows() {
    return changedRows;
  }

  /** The transaction id. */
  public long id() {
    return id;
  }

  @Override
  public TableData table(String name) {
    OverlayTableData overlay = overlays.get(name);
    if (overlay == null) {
      overlay = new OverlayTableData(committed.table(name));
      overlays.put(name, overlay);
    }
    return overlay;
  }

  @Override
  public List<Reference> referencesTo(String table) {
    return committed.referencesTo(table);
  }

  /** Records a write that succeeded in this transaction's view. */
  public void log(Operation operation) {
    operations.add(operation);
  }

  /** The successful writes, in order. */
  public List<Operation> operations() {
    return operations;
  }

  /** Adds the bytes of rows (see {@code RowSize}) a finished statement left in this transaction. */
  public void hold(long bytes) {
    heldBytes += bytes;
  }

  /** The bytes of rows this transaction's statements hold until it ends. */
  public long heldBytes() {
    return heldBytes;
  }
}
