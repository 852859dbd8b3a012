package org.wasmdbms.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.LikePattern;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.ColumnValue;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.ForeignKeyDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * A plain in-memory model of the engine's semantics, written independently of the engine: tables
 * are {@code TreeMap}s from a Uint32 primary key (always the first column) to rows; a transaction
 * is an overlay of rows and tombstones by key plus the list of its operations; commit replays the
 * operations on a copy of the committed state and keeps the copy only if all succeed. Values are
 * compared with {@link Values#compare} and LIKE with {@link LikePattern}, both tested in the api.
 * Secondary indexes only matter to it by name and, when unique, as a constraint: a row whose
 * indexed values have no null may not share them with another row.
 */
final class EngineModel {
  /** A failure the model predicts, by kind. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final ErrorKind kind;

    Failure(ErrorKind kind) {
      super(kind.witName(), null, false, false);
      this.kind = kind;
    }
  }

  private record Reference(String child, int column, String parent, int parentColumn) {}

  private sealed interface Op {}

  private record InsertOp(String table, Value[] row) implements Op {}

  private record UpdateOp(String table, Map<Integer, Value> patch, Filter filter) implements Op {}

  private record DeleteOp(String table, Filter filter, DeleteBehavior behavior) implements Op {}

  /** One key written by an operation: the new row, or null for a removed key. */
  private record Touch(String table, long key, Value[] row) {}

  /** A mutable copy of some tables, recording the keys written. */
  private static final class State {
    final Map<String, TreeMap<Long, Value[]>> rows = new LinkedHashMap<>();
    final List<Touch> touched = new ArrayList<>();

    State(Map<String, TreeMap<Long, Value[]>> from) {
      from.forEach((table, map) -> rows.put(table, new TreeMap<>(map)));
    }

    void put(String table, Value[] row) {
      rows.get(table).put(key(row), row);
      touched.add(new Touch(table, key(row), row));
    }

    void remove(String table, long key) {
      rows.get(table).remove(key);
      touched.add(new Touch(table, key, null));
    }
  }

  private static final class Tx {
    final Map<String, TreeMap<Long, Value[]>> overlay = new HashMap<>();
    final List<Op> ops = new ArrayList<>();
  }

  private static final Value[] TOMBSTONE = new Value[0];

  private final Map<String, TableDef> defs = new LinkedHashMap<>();
  private final List<Reference> references = new ArrayList<>();
  private Map<String, TreeMap<Long, Value[]>> committed = new LinkedHashMap<>();
  private final Map<Long, Tx> transactions = new HashMap<>();

  /** A secondary index as the model sees it. */
  private record Index(List<Integer> columns, boolean unique, boolean declared) {}

  /** Per table, its secondary indexes by name, in creation order. */
  private final Map<String, Map<String, Index>> indexes = new LinkedHashMap<>();

  void register(TableDef def) {
    defs.put(def.name(), def);
    committed.put(def.name(), new TreeMap<>());
    Map<String, Index> tableIndexes = new LinkedHashMap<>();
    for (IndexDef index : def.indexes()) {
      tableIndexes.put(index.name(), new Index(columnsOf(def, index), index.unique(), true));
    }
    indexes.put(def.name(), tableIndexes);
    for (int c = 0; c < def.columns().size(); c++) {
      if (def.columns().get(c).foreignKey().isPresent()) {
        ForeignKeyDef fk = def.columns().get(c).foreignKey().get();
        TableDef parent = fk.table().equals(def.name()) ? def : defs.get(fk.table());
        references.add(new Reference(def.name(), c, fk.table(), parent.columnIndex(fk.column())));
      }
    }
  }

  /** Creates a secondary index on the committed rows, as {@link Database#createIndex} does. */
  void createIndex(String table, IndexDef index) {
    Map<String, Index> tableIndexes = indexes.get(table);
    if (tableIndexes.containsKey(index.name())) {
      throw new Failure(ErrorKind.INVALID_QUERY);
    }
    Index created = new Index(columnsOf(defs.get(table), index), index.unique(), false);
    if (created.unique()) {
      List<Value[]> rows = new ArrayList<>(committed.get(table).values());
      for (int r = 0; r < rows.size(); r++) {
        for (int other = 0; other < r; other++) {
          if (sameKey(created, rows.get(r), rows.get(other))) {
            throw new Failure(ErrorKind.UNIQUE_CONSTRAINT_VIOLATION);
          }
        }
      }
    }
    tableIndexes.put(index.name(), created);
  }

  /** Drops a created secondary index, as {@link Database#dropIndex} does. */
  void dropIndex(String table, String name) {
    Index index = indexes.get(table).get(name);
    if (index == null || index.declared()) {
      throw new Failure(ErrorKind.INVALID_QUERY);
    }
    indexes.get(table).remove(name);
  }

  private static List<Integer> columnsOf(TableDef def, IndexDef index) {
    List<Integer> columns = new ArrayList<>();
    for (String column : index.columns()) {
      if (def.columnIndex(column) < 0) {
        throw new Failure(ErrorKind.UNKNOWN_COLUMN);
      }
      columns.add(def.columnIndex(column));
    }
    return columns;
  }

  /** Whether two rows have the same key without nulls in {@code index}. */
  private static boolean sameKey(Index index, Value[] a, Value[] b) {
    for (int c : index.columns()) {
      if (!same(a[c], b[c])) {
        return false;
      }
    }
    return true;
  }

  /** Whether two rows have equal values, nulls included, in every column of {@code index}. */
  private static boolean sameValues(Index index, Value[] a, Value[] b) {
    for (int c : index.columns()) {
      if (Values.compare(a[c], b[c]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Forgets every open transaction, as closing and reopening the database does. */
  void reopen() {
    transactions.clear();
  }

  void begin(long id) {
    transactions.put(id, new Tx());
  }

  boolean isOpen(long id) {
    return transactions.containsKey(id);
  }

  List<Long> openTransactions() {
    return new ArrayList<>(transactions.keySet());
  }

  /** The rows of every table as {@code tx} (null: outside any transaction) sees them. */
  Map<String, List<Row>> snapshot(Long tx) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    view(tx).rows.forEach((table, map) -> out.put(table, toRows(table, map.values())));
    return out;
  }

  Row insert(Long tx, String table, Row input) {
    Value[] row = shapeInsert(defs.get(table), input);
    write(tx, new InsertOp(table, row));
    return toRow(table, row);
  }

  long update(Long tx, String table, Row values, Filter filter) {
    TableDef def = defs.get(table);
    Map<Integer, Value> patch = new LinkedHashMap<>();
    for (ColumnValue cv : values.columns()) {
      patch.put(def.columnIndex(cv.name()), cv.value());
    }
    return write(tx, new UpdateOp(table, patch, filter));
  }

  long delete(Long tx, String table, DeleteBehavior behavior, Filter filter) {
    return write(tx, new DeleteOp(table, filter, behavior));
  }

  void commit(long id) {
    Tx tx = transaction(id);
    transactions.remove(id);
    State state = new State(committed);
    for (Op op : tx.ops) {
      apply(state, op);
    }
    committed = state.rows;
  }

  void rollback(long id) {
    transaction(id);
    transactions.remove(id);
  }

  List<Row> select(Long tx, String table, Query query) {
    List<Value[]> rows = matching(view(tx), table, query.filter());
    if (!query.orderBy().isEmpty()) {
      rows.sort(order(defs.get(table), query.orderBy()));
    }
    int from = (int) Math.min(query.offset(), rows.size());
    int to = query.hasLimit() ? (int) Math.min(rows.size(), from + query.limit()) : rows.size();
    return toRows(table, rows.subList(from, to));
  }

  private Tx transaction(long id) {
    Tx tx = transactions.get(id);
    if (tx == null) {
      throw new Failure(ErrorKind.TRANSACTION_NOT_FOUND);
    }
    return tx;
  }

  private State view(Long id) {
    State state = new State(committed);
    if (id != null) {
      transaction(id)
          .overlay
          .forEach(
              (table, changes) ->
                  changes.forEach(
                      (key, row) -> {
                        if (row == TOMBSTONE) {
                          state.rows.get(table).remove(key);
                        } else {
                          state.rows.get(table).put(key, row);
                        }
                      }));
    }
    return state;
  }

  private long write(Long id, Op op) {
    if (id == null) {
      State state = new State(committed);
      long result = apply(state, op);
      committed = state.rows;
      return result;
    }
    Tx tx = transaction(id);
    State state = view(id);
    long result = apply(state, op);
    for (Touch touch : state.touched) {
      tx.overlay
          .computeIfAbsent(touch.table(), t -> new TreeMap<>())
          .put(touch.key(), touch.row() == null ? TOMBSTONE : touch.row());
    }
    tx.ops.add(op);
    return result;
  }

  private long apply(State state, Op op) {
    if (op instanceof InsertOp insert) {
      checkRow(state, insert.table(), insert.row(), null);
      state.put(insert.table(), insert.row());
      return 1;
    }
    if (op instanceof UpdateOp update) {
      return applyUpdate(state, update);
    }
    return applyDelete(state, (DeleteOp) op);
  }

  private long applyUpdate(State state, UpdateOp update) {
    String table = update.table();
    List<Value[]> targets = matching(state, table, update.filter());
    // The values are checked only when a row is to be changed, as in SQL.
    for (Map.Entry<Integer, Value> set : update.patch().entrySet()) {
      boolean nullable = defs.get(table).columns().get(set.getKey()).nullable();
      if (!targets.isEmpty() && set.getValue().isNull() && !nullable) {
        throw new Failure(ErrorKind.MISSING_NON_NULLABLE_FIELD);
      }
    }
    for (Value[] before : targets) {
      Value[] after = before.clone();
      update.patch().forEach((c, v) -> after[c] = v);
      checkRow(state, table, after, before);
      checkNotReferenced(state, table, before, after);
      if (key(before) != key(after)) {
        state.remove(table, key(before));
      }
      state.put(table, after);
    }
    return targets.size();
  }

  private long applyDelete(State state, DeleteOp delete) {
    Set<String> doomed = new LinkedHashSet<>();
    Deque<String> pendingTables = new ArrayDeque<>();
    Deque<Value[]> pendingRows = new ArrayDeque<>();
    for (Value[] row : matching(state, delete.table(), delete.filter())) {
      doomed.add(delete.table() + "/" + key(row));
      pendingTables.add(delete.table());
      pendingRows.add(row);
    }
    while (!pendingRows.isEmpty()) {
      String table = pendingTables.poll();
      Value[] parent = pendingRows.poll();
      for (Reference ref : references) {
        if (!ref.parent().equals(table) || parent[ref.parentColumn()].isNull()) {
          continue;
        }
        for (Value[] child : state.rows.get(ref.child()).values()) {
          if (!same(child[ref.column()], parent[ref.parentColumn()])
              || doomed.contains(ref.child() + "/" + key(child))) {
            continue;
          }
          if (delete.behavior() == DeleteBehavior.RESTRICT) {
            throw new Failure(ErrorKind.FOREIGN_KEY_CONSTRAINT_VIOLATION);
          }
          doomed.add(ref.child() + "/" + key(child));
          pendingTables.add(ref.child());
          pendingRows.add(child);
        }
      }
    }
    for (String entry : doomed) {
      int slash = entry.indexOf('/');
      state.remove(entry.substring(0, slash), Long.parseLong(entry.substring(slash + 1)));
    }
    return doomed.size();
  }

  /** Key, unique and parent checks of {@code row}, which replaces {@code before} (or is new). */
  private void checkRow(State state, String table, Value[] row, Value[] before) {
    TreeMap<Long, Value[]> rows = state.rows.get(table);
    if ((before == null || key(before) != key(row)) && rows.containsKey(key(row))) {
      throw new Failure(ErrorKind.PRIMARY_KEY_CONFLICT);
    }
    List<ColumnDef> columns = defs.get(table).columns();
    for (int c = 1; c < row.length; c++) {
      if (!columns.get(c).unique() || row[c].isNull()) {
        continue;
      }
      if (before != null && same(before[c], row[c])) {
        continue;
      }
      for (Value[] other : rows.values()) {
        if (same(other[c], row[c])) {
          throw new Failure(ErrorKind.UNIQUE_CONSTRAINT_VIOLATION);
        }
      }
    }
    for (Index index : indexes.get(table).values()) {
      if (!index.unique() || (before != null && sameValues(index, row, before))) {
        continue; // like a unique column, an unchanged key is not checked again
      }
      for (Value[] other : rows.values()) {
        boolean self = before != null && key(other) == key(before);
        if (!self && sameKey(index, row, other)) {
          throw new Failure(ErrorKind.UNIQUE_CONSTRAINT_VIOLATION);
        }
      }
    }
    for (Reference ref : references) {
      if (!ref.child().equals(table) || row[ref.column()].isNull()) {
        continue;
      }
      if (before != null && same(before[ref.column()], row[ref.column()])) {
        continue;
      }
      Value wanted = row[ref.column()];
      boolean found = ref.parent().equals(table) && same(row[ref.parentColumn()], wanted);
      for (Value[] parent : state.rows.get(ref.parent()).values()) {
        found |= same(parent[ref.parentColumn()], wanted);
      }
      if (!found) {
        throw new Failure(ErrorKind.BROKEN_FOREIGN_KEY_REFERENCE);
      }
    }
  }

  private void checkNotReferenced(State state, String table, Value[] before, Value[] after) {
    for (Reference ref : references) {
      Value old = before[ref.parentColumn()];
      if (!ref.parent().equals(table) || old.isNull() || same(old, after[ref.parentColumn()])) {
        continue;
      }
      for (Value[] child : state.rows.get(ref.child()).values()) {
        if (!same(child[ref.column()], old)) {
          continue;
        }
        boolean movesItsOwnReference =
            ref.child().equals(table)
                && key(child) == key(before)
                && !same(after[ref.column()], old);
        if (!movesItsOwnReference) {
          throw new Failure(ErrorKind.FOREIGN_KEY_CONSTRAINT_VIOLATION);
        }
      }
    }
  }

  private static Value[] shapeInsert(TableDef def, Row input) {
    Value[] row = new Value[def.columns().size()];
    for (ColumnValue cv : input.columns()) {
      row[def.columnIndex(cv.name())] = cv.value();
    }
    for (int c = 0; c < row.length; c++) {
      ColumnDef column = def.columns().get(c);
      if (row[c] == null) {
        row[c] = column.defaultValue().orElse(NullValue.INSTANCE);
      }
      if (row[c].isNull() && !column.nullable()) {
        throw new Failure(ErrorKind.MISSING_NON_NULLABLE_FIELD);
      }
    }
    return row;
  }

  private List<Value[]> matching(State state, String table, Filter filter) {
    List<Value[]> out = new ArrayList<>();
    for (Value[] row : state.rows.get(table).values()) {
      if (filter == null || matches(filter, row, defs.get(table))) {
        out.add(row);
      }
    }
    return out;
  }

  /** The design's two-valued filter semantics, evaluated directly. */
  private static boolean matches(Filter filter, Value[] row, TableDef def) {
    if (filter instanceof Filter.And and) {
      for (Filter operand : and.operands()) {
        if (!matches(operand, row, def)) {
          return false;
        }
      }
      return true;
    }
    if (filter instanceof Filter.Or or) {
      for (Filter operand : or.operands()) {
        if (matches(operand, row, def)) {
          return true;
        }
      }
      return false;
    }
    if (filter instanceof Filter.Not not) {
      return !matches(not.operand(), row, def);
    }
    if (filter instanceof Filter.IsNull isNull) {
      return row[def.columnIndex(isNull.column())].isNull();
    }
    if (filter instanceof Filter.NotNull notNull) {
      return !row[def.columnIndex(notNull.column())].isNull();
    }
    if (filter instanceof Filter.Like like) {
      Value actual = row[def.columnIndex(like.column())];
      return !actual.isNull()
          && LikePattern.compile(like.pattern()).matches(((TextValue) actual).value());
    }
    if (filter instanceof Filter.In in) {
      Value actual = row[def.columnIndex(in.column())];
      for (Value v : in.values()) {
        if (actual.isNull() ? v.isNull() : same(actual, v)) {
          return true;
        }
      }
      return false;
    }
    Filter.Comparison comparison = (Filter.Comparison) filter;
    Value actual = row[def.columnIndex(comparison.column())];
    Value v = comparison.value();
    boolean ne = filter instanceof Filter.Ne;
    if (v.isNull()) {
      return filter instanceof Filter.Eq ? actual.isNull() : ne && !actual.isNull();
    }
    if (actual.isNull()) {
      return ne;
    }
    int c = Values.compare(actual, v);
    if (filter instanceof Filter.Eq) {
      return c == 0;
    }
    if (ne) {
      return c != 0;
    }
    if (filter instanceof Filter.Gt) {
      return c > 0;
    }
    if (filter instanceof Filter.Ge) {
      return c >= 0;
    }
    return filter instanceof Filter.Lt ? c < 0 : c <= 0;
  }

  private static boolean same(Value a, Value b) {
    return !a.isNull() && !b.isNull() && Values.compare(a, b) == 0;
  }

  private static long key(Value[] row) {
    return ((Uint32Value) row[0]).value();
  }

  private static Comparator<Value[]> order(TableDef def, List<OrderKey> keys) {
    Comparator<Value[]> order = (a, b) -> 0;
    for (OrderKey key : keys) {
      int c = def.columnIndex(key.column());
      Comparator<Value[]> byColumn = (a, b) -> Values.compare(a[c], b[c]);
      order =
          order.thenComparing(
              key.direction() == OrderDirection.DESCENDING ? byColumn.reversed() : byColumn);
    }
    return order;
  }

  private List<Row> toRows(String table, Collection<Value[]> rows) {
    List<Row> out = new ArrayList<>();
    for (Value[] row : rows) {
      out.add(toRow(table, row));
    }
    return out;
  }

  private Row toRow(String table, Value[] row) {
    Row.Builder builder = Row.builder();
    List<ColumnDef> columns = defs.get(table).columns();
    for (int c = 0; c < row.length; c++) {
      builder.set(columns.get(c).name(), row[c]);
    }
    return builder.build();
  }
}
