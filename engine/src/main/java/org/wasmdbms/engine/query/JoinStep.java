package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.data.IndexInfo;
import org.wasmdbms.engine.data.KeyRange;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.ValueKey;
import org.wasmdbms.memory.btree.BTree;

/**
 * One equality join of the rows so far (the left side, {@code leftWidth} columns) with a table (the
 * right side): each left row in the order given, followed by its matches in the right table's
 * primary-key order; left and full joins keep an unmatched left row padded with nulls; right and
 * full joins append the unmatched right rows, left side null, in primary-key order. A null never
 * matches.
 *
 * <p>Two algorithms, both linear in the rows read: for inner and left joins on a right column that
 * has a B+ tree (primary key, unique, foreign key, or the first column of a secondary index), when
 * the lookups are expected to find under 1/{@value #SCAN_FACTOR} of the right table, an index
 * nested-loop join that looks up each distinct left key once and never holds the right table;
 * otherwise a hash join that hashes the left rows by key and reads the right table once in
 * primary-key order, holding only the right rows that end up in the result. Immutable; each call
 * reads the table as its {@link TableData} shows it.
 *
 * @param type how unmatched rows are kept
 * @param right the joined table
 * @param leftColumn the position of the left column in the left rows
 * @param rightColumn the position of the right column in the right table's rows
 * @param leftWidth the number of columns of the left rows
 */
record JoinStep(JoinType type, TableData right, int leftColumn, int rightColumn, int leftWidth) {
  /** How many times the rows lookups find the right table must hold for lookups to win. */
  private static final long SCAN_FACTOR = 8;

  /** Where counting the entries of a secondary index stops: the scan wins past it. */
  private static final long MAX_COUNTED = 1024;

  /** The rows a foreign-key tree is taken to hold per key, since it cannot count them. */
  private static final long ROWS_PER_REFERENCE = 8;

  /**
   * The joined rows of {@code left}; each result row is counted in {@code memory} (the caller
   * releases the left rows).
   */
  List<Value[]> apply(List<Value[]> left, SelectMemory memory) {
    Lookup lookup = type == JoinType.INNER || type == JoinType.LEFT ? lookup(left) : null;
    return lookup != null ? indexJoin(left, lookup, memory) : hashJoin(left, memory);
  }

  private boolean keepsLeft() {
    return type == JoinType.LEFT || type == JoinType.FULL;
  }

  private boolean keepsRight() {
    return type == JoinType.RIGHT || type == JoinType.FULL;
  }

  private Value[] joined(Value[] leftRow, Value[] rightRow) {
    int rightWidth = right.schema().definition().columns().size();
    Value[] row = new Value[leftWidth + rightWidth];
    if (leftRow == null) {
      Arrays.fill(row, 0, leftWidth, NullValue.INSTANCE);
    } else {
      System.arraycopy(leftRow, 0, row, 0, leftWidth);
    }
    if (rightRow == null) {
      Arrays.fill(row, leftWidth, row.length, NullValue.INSTANCE);
    } else {
      System.arraycopy(rightRow, 0, row, leftWidth, rightWidth);
    }
    return row;
  }

  /** The estimated bytes of {@code width} nulls, the padding of a row. */
  private static long nullBytes(int width) {
    return (long) width * RowSize.FIXED_VALUE_BYTES;
  }

  // ---- hash join ----

  /**
   * Joins by hashing the left rows by key and reading the right table once. Each result row is
   * counted as the bytes of its two sides when it is found, so the count runs ahead of the rows
   * held.
   */
  private List<Value[]> hashJoin(List<Value[]> left, SelectMemory memory) {
    int rightWidth = right.schema().definition().columns().size();
    Map<ValueKey, List<Integer>> byKey = new HashMap<>();
    long[] leftBytes = new long[left.size()];
    for (int i = 0; i < left.size(); i++) {
      leftBytes[i] = RowSize.approximate(left.get(i));
      Value key = left.get(i)[leftColumn];
      if (!key.isNull()) {
        byKey.computeIfAbsent(ValueKey.of(key), k -> new ArrayList<>()).add(i);
      }
    }
    List<List<Value[]>> matches = new ArrayList<>(left.size());
    for (int i = 0; i < left.size(); i++) {
      matches.add(null);
    }
    List<Value[]> unmatchedRight = new ArrayList<>();
    for (Iterator<Value[]> rows = right.scan(); rows.hasNext(); ) {
      Value[] row = rows.next();
      Value key = row[rightColumn];
      List<Integer> partners = key.isNull() || byKey.isEmpty() ? null : byKey.get(ValueKey.of(key));
      if (partners == null && !keepsRight()) {
        continue;
      }
      long bytes = RowSize.approximate(row);
      if (partners == null) {
        memory.hold(nullBytes(leftWidth) + bytes);
        unmatchedRight.add(row);
        continue;
      }
      for (int i : partners) {
        memory.hold(leftBytes[i] + bytes);
        if (matches.get(i) == null) {
          matches.set(i, new ArrayList<>());
        }
        matches.get(i).add(row);
      }
    }
    List<Value[]> out = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      List<Value[]> found = matches.get(i);
      if (found != null) {
        for (Value[] row : found) {
          out.add(joined(left.get(i), row));
        }
      } else if (keepsLeft()) {
        memory.hold(leftBytes[i] + nullBytes(rightWidth));
        out.add(joined(left.get(i), null));
      }
    }
    for (Value[] row : unmatchedRight) {
      out.add(joined(null, row));
    }
    return out;
  }

  // ---- index nested-loop join ----

  /** How to find the right rows with a given key through a B+ tree. */
  private interface Lookup {
    List<Value[]> find(Value key);
  }

  /**
   * A lookup on the right column when one exists and pays off against a scan, else null. Reading a
   * row through a tree costs several times what a scan pays per row, so the lookups must expect to
   * find fewer than 1/{@value #SCAN_FACTOR} of the table: one row per distinct left key for a
   * primary key or unique column; the counted entries of a secondary index (counting stops at
   * {@value #MAX_COUNTED}, past which the scan wins); {@value #ROWS_PER_REFERENCE} rows per key for
   * a foreign-key tree, which cannot count.
   */
  private Lookup lookup(List<Value[]> left) {
    Map<ValueKey, Value> distinct = new HashMap<>();
    for (Value[] row : left) {
      Value key = row[leftColumn];
      if (!key.isNull()) {
        distinct.putIfAbsent(ValueKey.of(key), key);
      }
    }
    long keys = distinct.size();
    ColumnDef column = right.schema().definition().columns().get(rightColumn);
    Lookup lookup;
    long expected;
    IndexInfo index = secondaryIndex();
    if (column.primaryKey()) {
      lookup = key -> single(right.findByPrimaryKey(key));
      expected = keys;
    } else if (column.unique()) {
      lookup = key -> inPrimaryKeyOrder(right.findAllByUnique(rightColumn, key));
      expected = keys;
    } else if (index != null) {
      expected = count(index, distinct.values());
      if (expected >= MAX_COUNTED) {
        return null;
      }
      lookup = key -> secondaryLookup(index, key);
    } else if (column.foreignKey().isPresent()) {
      lookup = key -> inPrimaryKeyOrder(right.findReferencing(rightColumn, key));
      expected = keys * ROWS_PER_REFERENCE;
    } else {
      return null;
    }
    long wanted = SCAN_FACTOR * Math.max(expected, keys) + 1;
    IndexInfo primaryKey = right.indexes().get(0);
    return right.countIndex(primaryKey, KeyRange.ALL, wanted) >= wanted ? lookup : null;
  }

  /** A secondary index of the right table whose first column is the right column, or null. */
  private IndexInfo secondaryIndex() {
    for (IndexInfo index : right.indexes()) {
      if (index.kind() == IndexInfo.Kind.SECONDARY && index.columns().get(0) == rightColumn) {
        return index;
      }
    }
    return null;
  }

  /** The range of {@code index} whose first column equals {@code key}, or null if none can. */
  private static KeyRange range(Value key) {
    byte[] prefix = KeyEncoding.encode(key);
    // No stored key is longer than a tree allows, so a longer one matches nothing.
    return prefix.length > BTree.MAX_KEY_LENGTH
        ? null
        : new KeyRange(prefix, true, Planner.past(prefix), false);
  }

  /** The entries of {@code index} for {@code keys}, counted up to {@value #MAX_COUNTED}. */
  private long count(IndexInfo index, Iterable<Value> keys) {
    long total = 0;
    for (Value key : keys) {
      KeyRange range = range(key);
      if (range != null) {
        total += right.countIndex(index, range, MAX_COUNTED - total);
        if (total >= MAX_COUNTED) {
          break;
        }
      }
    }
    return total;
  }

  private List<Value[]> secondaryLookup(IndexInfo index, Value key) {
    KeyRange range = range(key);
    if (range == null) {
      return List.of();
    }
    List<Value[]> rows = new ArrayList<>();
    for (Iterator<Value[]> found = right.scanIndex(index, range, false); found.hasNext(); ) {
      rows.add(found.next());
    }
    // A composite index orders equal first values by its later columns.
    return index.columns().size() > 1 ? inPrimaryKeyOrder(rows) : rows;
  }

  private static List<Value[]> single(Value[] row) {
    return row == null ? List.of() : List.<Value[]>of(row);
  }

  private List<Value[]> inPrimaryKeyOrder(List<Value[]> rows) {
    if (rows.size() > 1) {
      int pk = right.schema().definition().primaryKeyIndex();
      rows.sort(Comparator.comparing(row -> row[pk], Values.comparator()));
    }
    return rows;
  }

  /** The right rows of one key and their estimated bytes. */
  private record Matches(List<Value[]> rows, long bytes) {}

  private List<Value[]> indexJoin(List<Value[]> left, Lookup lookup, SelectMemory memory) {
    int rightWidth = right.schema().definition().columns().size();
    Matches none = new Matches(List.of(), 0);
    Map<ValueKey, Matches> found = new HashMap<>();
    List<Value[]> out = new ArrayList<>();
    for (Value[] leftRow : left) {
      Value key = leftRow[leftColumn];
      Matches matches = none;
      if (!key.isNull()) {
        ValueKey hashKey = ValueKey.of(key);
        matches = found.get(hashKey);
        if (matches == null) {
          List<Value[]> rows = lookup.find(key);
          long bytes = 0;
          for (Value[] row : rows) {
            bytes += RowSize.approximate(row);
          }
          matches = new Matches(rows, bytes);
          found.put(hashKey, matches);
        }
      }
      long leftBytes = RowSize.approximate(leftRow);
      if (matches.rows.isEmpty()) {
        if (keepsLeft()) {
          memory.hold(leftBytes + nullBytes(rightWidth));
          out.add(joined(leftRow, null));
        }
        continue;
      }
      memory.hold(leftBytes * matches.rows.size() + matches.bytes);
      for (Value[] rightRow : matches.rows) {
        out.add(joined(leftRow, rightRow));
      }
    }
    return out;
  }
}
