package org.wasmdbms.engine.tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.Tables;

/**
 * An open transaction: its view of the database (the committed state of the moment plus its own
 * changes, which is read committed) and the log of its successful writes, which commit applies
 * again to the committed state. Not thread-safe.
 */
public final class Transaction implements Tables {
  private final long id;
  private final Tables committed;
  private final Map<String, OverlayTableData> overlays = new HashMap<>();
  private final List<Operation> operations = new ArrayList<>();
  private long heldBytes;

  /** A new transaction {@code id} over {@code committed}. */
  public Transaction(long id, Tables committed) {
    this.id = id;
    this.committed = committed;
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
