package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.data.IndexInfo;
import org.wasmdbms.engine.data.KeyRange;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.memory.btree.BTree;

/**
 * One equality join of the rows so far (the left side, {@code leftWidth} columns) with a table (the
 * right side): each left row in the order given, followed by its matches in the right table's
 * primary-key order; left and full joins keep an unmatched left row padded with nulls; right and
 * full joins append the unmatched right rows, left side null, in primary-key order. A null never
 * matches.
 *
 * <p>Two algorithms, both linear in the rows read: for inner and left joins on a right column that
 * has a B+ tree (primary key, unique, foreign key, or the first column of a secondary index), and
 * when the right table is larger than a few times the distinct left keys, an index nested-loop join
 * that looks up each distinct left key once and never holds the right table; otherwise a hash join
 * that hashes the left rows by key and reads the right table once in primary-key order, holding
 * only the right rows that end up in the result.
 *
 * @param type how unmatched rows are kept
 * @param right the joined table
 * @param leftColumn the position of the left column in the left rows
 * @param rightColumn the position of the right column in the right table's rows
 * @param leftWidth the number of columns of the left rows
 */
record JoinStep(JoinType type, TableData right, int leftColumn, int rightColumn, int leftWidth) {
  /** How many times the distinct left keys the right table must outnumber for index lookups. */
  private static final long LOOKUP_FACTOR = 4;

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

  private void emit(List<Value[]> out, Value[] leftRow, Value[] rightRow, SelectMemory memory) {
    Value[] row = joined(leftRow, rightRow);
    memory.hold(row);
    out.add(row);
  }

  // ---- hash join ----

  private List<Value[]> hashJoin(List<Value[]> left, SelectMemory memory) {
    Map<ValueKey, List<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < left.size(); i++) {
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
    long pending = 0; // the right rows kept until the results are built
    for (Iterator<Value[]> rows = right.scan(); rows.hasNext(); ) {
      Value[] row = rows.next();
      Value key = row[rightColumn];
      List<Integer> partners = key.isNull() || byKey.isEmpty() ? null : byKey.get(ValueKey.of(key));
      if (partners == null && !keepsRight()) {
        continue;
      }
      long bytes = RowSize.approximate(row);
      memory.hold(bytes);
      pending += bytes;
      if (partners == null) {
        unmatchedRight.add(row);
        continue;
      }
      for (int i : partners) {
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
          emit(out, left.get(i), row, memory);
        }
      } else if (keepsLeft()) {
        emit(out, left.get(i), null, memory);
      }
    }
    for (Value[] row : unmatchedRight) {
      emit(out, null, row, memory);
    }
    memory.release(pending);
    return out;
  }

  // ---- index nested-loop join ----

  /** How to find the right rows with a given key through a B+ tree. */
  private interface Lookup {
    List<Value[]> find(Value key);
  }

  /** A lookup on the right column when one exists and pays off against a scan, else null. */
  private Lookup lookup(List<Value[]> left) {
    Lookup lookup = treeLookup();
    if (lookup == null) {
      return null;
    }
    Set<ValueKey> keys = new HashSet<>();
    for (Value[] row : left) {
      if (!row[leftColumn].isNull()) {
        keys.add(ValueKey.of(row[leftColumn]));
      }
    }
    long wanted = LOOKUP_FACTOR * keys.size() + 1;
    IndexInfo primaryKey = right.indexes().get(0);
    return right.countIndex(primaryKey, KeyRange.ALL, wanted) >= wanted ? lookup : null;
  }

  private Lookup treeLookup() {
    TableDef table = right.schema().definition();
    ColumnDef column = table.columns().get(rightColumn);
    if (column.primaryKey()) {
      return key -> single(right.findByPrimaryKey(key));
    }
    if (column.unique()) {
      return key -> single(right.findByUnique(rightColumn, key));
    }
    if (column.foreignKey().isPresent()) {
      return key -> inPrimaryKeyOrder(right.findReferencing(rightColumn, key));
    }
    for (IndexInfo index : right.indexes()) {
      if (index.kind() == IndexInfo.Kind.SECONDARY && index.columns().get(0) == rightColumn) {
        return key -> {
          byte[] prefix = KeyEncoding.encode(key);
          List<Value[]> rows = new ArrayList<>();
          Iterator<Value[]> found =
              right.scanIndex(
                  index, new KeyRange(prefix, true, Planner.past(prefix), false), false);
          while (found.hasNext()) {
            rows.add(found.next());
          }
          // A composite index orders equal first values by its later columns.
          return index.columns().size() > 1 ? inPrimaryKeyOrder(rows) : rows;
        };
      }
    }
    return null;
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

  private List<Value[]> indexJoin(List<Value[]> left, Lookup lookup, SelectMemory memory) {
    Map<ValueKey, List<Value[]>> found = new HashMap<>();
    List<Value[]> out = new ArrayList<>();
    for (Value[] leftRow : left) {
      Value key = leftRow[leftColumn];
      List<Value[]> matches = List.of();
      if (!key.isNull()) {
        ValueKey hashKey = ValueKey.of(key);
        matches = found.get(hashKey);
        if (matches == null) {
          // No stored key is longer than a tree allows, so a longer one matches nothing.
          matches = hashKey.length() > BTree.MAX_KEY_LENGTH ? List.of() : lookup.find(key);
          found.put(hashKey, matches);
        }
      }
      for (Value[] rightRow : matches) {
        emit(out, leftRow, rightRow, memory);
      }
      if (matches.isEmpty() && keepsLeft()) {
        emit(out, leftRow, null, memory);
      }
    }
    return out;
  }
}
