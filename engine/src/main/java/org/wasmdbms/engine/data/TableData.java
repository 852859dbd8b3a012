package org.wasmdbms.engine.data;

import java.util.Iterator;
import java.util.List;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.TableSchema;

/**
 * The rows of one table as some reader sees them: either the committed state or a transaction's
 * view of it (committed rows plus the transaction's own writes). The write logic and the query
 * logic are written once against this interface.
 *
 * <p>A row is a {@code Value[]} in the table's column order; arrays handed out must not be
 * modified, and arrays handed in are owned by the callee afterwards. Lookups take values of the
 * column's type, or for integer columns any integer value (keys compare by value). The write
 * methods do no constraint checks (the caller has checked) and each returns its own exact undo, so
 * that a statement failing part-way leaves the data, a transaction's overlay included, exactly as
 * it was. Not thread-safe.
 */
public interface TableData {
  /** The table's schema. */
  TableSchema schema();

  /** The row whose primary key equals {@code key}, or null. */
  Value[] findByPrimaryKey(Value key);

  /** A row whose unique column {@code column} holds {@code value} (never null), or null. */
  Value[] findByUnique(int column, Value value);

  /**
   * Every row whose unique column {@code column} holds {@code value} (never null), in no particular
   * order. Committed data holds at most one; a transaction's view may hold two, when another
   * transaction committed the value after this one wrote it (read committed; this one's commit will
   * then fail). Reads that must see every matching row use this, not {@link #findByUnique}.
   */
  default List<Value[]> findAllByUnique(int column, Value value) {
    Value[] row = findByUnique(column, value);
    return row == null ? List.of() : List.<Value[]>of(row);
  }

  /**
   * The rows whose column {@code column} (a foreign-key column) holds {@code value}, in primary-key
   * order.
   */
  List<Value[]> findReferencing(int column, Value value);

  /** Every row in primary-key order. The table must not change while the iterator is used. */
  Iterator<Value[]> scan();

  /** The indexes the planner may use, the primary key first. */
  List<IndexInfo> indexes();

  /**
   * The rows whose key in {@code index} lies in {@code range}, in key order (descending when
   * asked); rows with equal keys come in ascending primary-key order in both directions. The table
   * must not change while the iterator is used.
   */
  Iterator<Value[]> scanIndex(IndexInfo index, KeyRange range, boolean descending);

  /**
   * The rows {@link #scanIndex} yields, as a cursor that decodes each row only as far as asked (see
   * {@link RowCursor}). By default it walks the decoded rows of {@link #scanIndex}.
   */
  default RowCursor cursor(IndexInfo index, KeyRange range, boolean descending) {
    return RowCursor.of(scanIndex(index, range, descending));
  }

  /**
   * The number of rows whose key in {@code index} lies in {@code range}, counting to {@code cap}.
   */
  long countIndex(IndexInfo index, KeyRange range, long cap);

  /**
   * Adds {@code row}; its primary key is not yet present.
   *
   * @return what undoes exactly this write, leaving the table as it was before it
   */
  Runnable insert(Value[] row);

  /**
   * Replaces {@code before} (a current row) with {@code after}; the key may change.
   *
   * @return what undoes exactly this write, leaving the table as it was before it
   */
  Runnable replace(Value[] before, Value[] after);

  /**
   * Removes {@code row} (a current row).
   *
   * @return what undoes exactly this write, leaving the table as it was before it
   */
  Runnable delete(Value[] row);
}
