package org.wasmdbms.engine.tx;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.engine.data.IndexKeys;
import org.wasmdbms.engine.data.TableData;

/**
 * A transaction's view of one table: the committed rows with the transaction's own changes laid
 * over them. Changes are kept by encoded primary key: a row that the transaction inserted or
 * changed, or a tombstone for a key it deleted (or moved away from). The committed table is never
 * written. Not thread-safe.
 */
final class OverlayTableData implements TableData {
  private static final Value[] TOMBSTONE = new Value[0];

  private final TableData committed;
  private final int primaryKey;
  private final TreeMap<byte[], Value[]> changes = new TreeMap<>(KeyEncoding::compareUnsigned);

  OverlayTableData(TableData committed) {
    this.committed = committed;
    this.primaryKey = committed.schema().definition().primaryKeyIndex();
  }

  @Override
  public TableSchema schema() {
    return committed.schema();
  }

  @Override
  public Value[] findByPrimaryKey(Value key) {
    Value[] changed = changes.get(KeyEncoding.encode(key));
    if (changed != null) {
      return changed == TOMBSTONE ? null : changed;
    }
    return committed.findByPrimaryKey(key);
  }

  @Override
  public Value[] findByUnique(int column, Value value) {
    for (Value[] row : changes.values()) {
      if (row != TOMBSTONE && !row[column].isNull() && Values.compare(row[column], value) == 0) {
        return row;
      }
    }
    Value[] row = committed.findByUnique(column, value);
    return row == null || isShadowed(row) ? null : row;
  }

  @Override
  public List<Value[]> findReferencing(int column, Value value) {
    List<Value[]> rows = new ArrayList<>();
    for (Value[] row : committed.findReferencing(column, value)) {
      if (!isShadowed(row)) {
        rows.add(row);
      }
    }
    for (Value[] row : changes.values()) {
      if (row != TOMBSTONE && !row[column].isNull() && Values.compare(row[column], value) == 0) {
        rows.add(row);
      }
    }
    return rows;
  }

  @Override
  public Iterator<Value[]> scan() {
    return new MergedScan(committed.scan(), changes.entrySet().iterator());
  }

  @Override
  public Runnable insert(Value[] row) {
    IndexKeys.of(schema().definition(), row);
    byte[] key = keyOf(row);
    Runnable undo = restoring(key);
    changes.put(key, row);
    return undo;
  }

  @Override
  public Runnable replace(Value[] before, Value[] after) {
    IndexKeys.of(schema().definition(), after);
    byte[] oldKey = keyOf(before);
    byte[] newKey = keyOf(after);
    Runnable undoOld = restoring(oldKey);
    Runnable undoNew = restoring(newKey);
    if (KeyEncoding.compareUnsigned(oldKey, newKey) != 0) {
      changes.put(oldKey, TOMBSTONE);
    }
    changes.put(newKey, after);
    return () -> {
      undoNew.run();
      undoOld.run();
    };
  }

  @Override
  public Runnable delete(Value[] row) {
    byte[] key = keyOf(row);
    Runnable undo = restoring(key);
    changes.put(key, TOMBSTONE);
    return undo;
  }

  /**
   * What puts the change recorded for {@code key} back as it is now, absent included: undoing by
   * the inverse write instead would leave a change behind that hides later commits of that row.
   */
  private Runnable restoring(byte[] key) {
    Value[] previous = changes.get(key);
    return () -> {
      if (previous == null) {
        changes.remove(key);
      } else {
        changes.put(key, previous);
      }
    };
  }

  /** Whether the transaction has changed the row with {@code row}'s key. */
  private boolean isShadowed(Value[] row) {
    return changes.containsKey(keyOf(row));
  }

  private byte[] keyOf(Value[] row) {
    return KeyEncoding.encode(row[primaryKey]);
  }

  /** Merges the committed scan with the changes, both in key order; changes win on equal keys. */
  private final class MergedScan implements Iterator<Value[]> {
    private final Iterator<Value[]> base;
    private final Iterator<Map.Entry<byte[], Value[]>> overlay;
    private Value[] baseRow;
    private byte[] baseKey;
    private Map.Entry<byte[], Value[]> change;
    private Value[] next;

    MergedScan(Iterator<Value[]> base, Iterator<Map.Entry<byte[], Value[]>> overlay) {
      this.base = base;
      this.overlay = overlay;
      advanceBase();
      change = overlay.hasNext() ? overlay.next() : null;
      next = advance();
    }

    private void advanceBase() {
      baseRow = base.hasNext() ? base.next() : null;
      baseKey = baseRow == null ? null : keyOf(baseRow);
    }

    private Value[] advance() {
      while (baseRow != null || change != null) {
        int order =
            baseRow == null
                ? 1
                : change == null ? -1 : KeyEncoding.compareUnsigned(baseKey, change.getKey());
        if (order < 0) {
          Value[] row = baseRow;
          advanceBase();
          return row;
        }
        Value[] row = change.getValue();
        if (order == 0) {
          advanceBase();
        }
        change = overlay.hasNext() ? overlay.next() : null;
        if (row != TOMBSTONE) {
          return row;
        }
      }
      return null;
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Value[] next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Value[] row = next;
      next = advance();
      return row;
    }
  }
}
