package org.wasmdbms.engine.tx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.engine.data.IndexInfo;
import org.wasmdbms.engine.data.IndexKeys;
import org.wasmdbms.engine.data.KeyRange;
import org.wasmdbms.engine.data.LookaheadIterator;
import org.wasmdbms.engine.data.MergingIterator;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.ValueKey;

/**
 * A transaction's view of one table: the committed rows with the transaction's own changes laid
 * over them. Changes are kept in a hash by primary key ({@link ValueKey}): a row that the
 * transaction inserted or changed, or a tombstone for a key it deleted (or moved away from). Every
 * read that needs its own rows in an order sorts the few it selects, so the changes need no order:
 * a transaction of n inserts pays n hash lookups, not n tree descents with byte comparisons. The
 * committed table is never written. Lookups of its own rows by a column's value (unique and
 * foreign-key checks, joins) go through a hash of that column, built at the first such lookup and
 * kept up to date from then on, so a transaction of n writes checks its keys in O(n), not O(n²).
 * Not thread-safe.
 */
final class OverlayTableData implements TableData {
  private static final Value[] TOMBSTONE = new Value[0];

  private final TableData committed;
  private final int primaryKey;
  private final HashMap<ValueKey, Value[]> changes = new HashMap<>();

  /** Per column position, the transaction's own rows by that column's value; null until used. */
  private List<Map<ValueKey, List<Value[]>>> byColumn;

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
    Value[] changed = changes.get(ValueKey.of(key));
    if (changed != null) {
      return changed == TOMBSTONE ? null : changed;
    }
    return committed.findByPrimaryKey(key);
  }

  @Override
  public Value[] findByUnique(int column, Value value) {
    List<Value[]> own = value.isNull() ? null : ownRows(column).get(ValueKey.of(value));
    if (own != null) {
      return own.get(0);
    }
    Value[] row = committed.findByUnique(column, value);
    return row == null || isShadowed(row) ? null : row;
  }

  @Override
  public List<Value[]> findAllByUnique(int column, Value value) {
    List<Value[]> rows = ownRowsWith(column, value);
    Value[] row = committed.findByUnique(column, value);
    if (row != null && !isShadowed(row)) {
      rows.add(row);
    }
    return rows;
  }

  @Override
  public List<Value[]> findReferencing(int column, Value value) {
    List<Value[]> rows = new ArrayList<>();
    for (Value[] row : committed.findReferencing(column, value)) {
      if (!isShadowed(row)) {
        rows.add(row);
      }
    }
    rows.addAll(ownRowsWith(column, value));
    return rows;
  }

  /**
   * The rows the transaction wrote whose column {@code column} holds {@code value}, in primary-key
   * order; a fresh list.
   */
  private List<Value[]> ownRowsWith(int column, Value value) {
    List<Value[]> own = value.isNull() ? null : ownRows(column).get(ValueKey.of(value));
    if (own == null) {
      return new ArrayList<>();
    }
    List<Value[]> rows = new ArrayList<>(own);
    if (rows.size() > 1) {
      rows.sort((a, b) -> KeyEncoding.compareUnsigned(encodedKeyOf(a), encodedKeyOf(b)));
    }
    return rows;
  }

  /** The hash of the transaction's own rows by column {@code column}, built on first use. */
  private Map<ValueKey, List<Value[]>> ownRows(int column) {
    if (byColumn == null) {
      byColumn = new ArrayList<>(Collections.nCopies(schema().definition().columns().size(), null));
    }
    Map<ValueKey, List<Value[]>> rows = byColumn.get(column);
    if (rows == null) {
      rows = new HashMap<>();
      byColumn.set(column, rows);
      for (Value[] row : changes.values()) {
        add(rows, column, row);
      }
    }
    return rows;
  }

  private static void add(Map<ValueKey, List<Value[]>> rows, int column, Value[] row) {
    if (row != TOMBSTONE && !row[column].isNull()) {
      rows.computeIfAbsent(ValueKey.of(row[column]), k -> new ArrayList<>(1)).add(row);
    }
  }

  private static void remove(Map<ValueKey, List<Value[]>> rows, int column, Value[] row) {
    if (row == null || row == TOMBSTONE || row[column].isNull()) {
      return;
    }
    ValueKey key = ValueKey.of(row[column]);
    List<Value[]> same = rows.get(key);
    for (int i = 0; i < same.size(); i++) {
      if (same.get(i) == row) {
        same.remove(i);
        break;
      }
    }
    if (same.isEmpty()) {
      rows.remove(key);
    }
  }

  /**
   * Sets the change of {@code key} to {@code row} (or {@link #TOMBSTONE}; null forgets the change),
   * keeping the column hashes in step, and returns the change it replaced.
   */
  private Value[] change(ValueKey key, Value[] row) {
    Value[] previous = row == null ? changes.remove(key) : changes.put(key, row);
    if (byColumn == null) {
      return previous;
    }
    for (int column = 0; column < byColumn.size(); column++) {
      Map<ValueKey, List<Value[]>> rows = byColumn.get(column);
      if (rows != null) {
        remove(rows, column, previous);
        if (row != null) {
          add(rows, column, row);
        }
      }
    }
    return previous;
  }

  @Override
  public Iterator<Value[]> scan() {
    return scanIndex(committed.indexes().get(0), KeyRange.ALL, false);
  }

  @Override
  public List<IndexInfo> indexes() {
    return committed.indexes();
  }

  /**
   * The committed rows of the range that the transaction has not changed, merged with the rows it
   * changed or inserted that fall in the range, in the same order as {@link TableData} says.
   */
  @Override
  public Iterator<Value[]> scanIndex(IndexInfo index, KeyRange range, boolean descending) {
    Comparator<Value[]> order = indexOrder(index, descending);
    List<Value[]> own = ownRowsIn(index, range);
    own.sort(order);
    Iterator<Value[]> base = committed.scanIndex(index, range, descending);
    Iterator<Value[]> unchanged =
        new LookaheadIterator<>() {
          @Override
          protected Value[] computeNext() {
            while (base.hasNext()) {
              Value[] row = base.next();
              if (!isShadowed(row)) {
                return row;
              }
            }
            return null;
          }
        };
    return new MergingIterator<>(unchanged, own.iterator(), order);
  }

  @Override
  public long countIndex(IndexInfo index, KeyRange range, long cap) {
    return committed.countIndex(index, range, cap) + ownRowsIn(index, range).size();
  }

  private List<Value[]> ownRowsIn(IndexInfo index, KeyRange range) {
    List<Value[]> rows = new ArrayList<>();
    for (Value[] row : changes.values()) {
      if (row == TOMBSTONE || (!index.holdsNulls() && IndexKeys.hasNull(index, row))) {
        continue;
      }
      if (range.contains(IndexKeys.of(index, row))) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** Index key order (reversed when descending), then ascending primary key. */
  private Comparator<Value[]> indexOrder(IndexInfo index, boolean descending) {
    return (a, b) -> {
      int c = KeyEncoding.compareUnsigned(IndexKeys.of(index, a), IndexKeys.of(index, b));
      if (c != 0) {
        return descending ? -c : c;
      }
      return KeyEncoding.compareUnsigned(encodedKeyOf(a), encodedKeyOf(b));
    };
  }

  @Override
  public Runnable insert(Value[] row) {
    checkKeys(row);
    ValueKey key = keyOf(row);
    // One lookup of the change map, not two: put returns what the undo restores.
    Value[] previous = change(key, row);
    return () -> change(key, previous);
  }

  @Override
  public Runnable replace(Value[] before, Value[] after) {
    checkKeys(after);
    ValueKey oldKey = keyOf(before);
    ValueKey newKey = keyOf(after);
    Runnable undoOld = restoring(oldKey);
    Runnable undoNew = restoring(newKey);
    if (!oldKey.equals(newKey)) {
      change(oldKey, TOMBSTONE);
    }
    change(newKey, after);
    return () -> {
      undoNew.run();
      undoOld.run();
    };
  }

  @Override
  public Runnable delete(Value[] row) {
    ValueKey key = keyOf(row);
    Runnable undo = restoring(key);
    change(key, TOMBSTONE);
    return undo;
  }

  /**
   * What puts the change recorded for {@code key} back as it is now, absent included: undoing by
   * the inverse write instead would leave a change behind that hides later commits of that row.
   */
  private Runnable restoring(ValueKey key) {
    Value[] previous = changes.get(key);
    return () -> change(key, previous);
  }

  /** Whether the transaction has changed the row with {@code row}'s key. */
  private boolean isShadowed(Value[] row) {
    return changes.containsKey(keyOf(row));
  }

  private ValueKey keyOf(Value[] row) {
    return ValueKey.of(row[primaryKey]);
  }

  /** The encoded primary key of {@code row}, whose bytes order rows as the table does. */
  private byte[] encodedKeyOf(Value[] row) {
    return KeyEncoding.encode(row[primaryKey]);
  }

  /** Checks the keys {@code row} would have in every index, so a too long key fails now. */
  private void checkKeys(Value[] row) {
    IndexKeys.of(schema().definition(), row);
    for (IndexInfo index : committed.indexes()) {
      if (index.kind() == IndexInfo.Kind.SECONDARY) {
        IndexKeys.of(index, row);
      }
    }
  }
}
