package org.wasmdbms.engine.write;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.wasmdbms.api.error.BrokenForeignKeyReferenceException;
import org.wasmdbms.api.error.ForeignKeyConstraintViolationException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.error.UniqueConstraintViolationException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.ForeignKeyDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueText;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.engine.data.IndexInfo;
import org.wasmdbms.engine.data.IndexKeys;
import org.wasmdbms.engine.data.KeyRange;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.Tables;
import org.wasmdbms.engine.query.BoundFilter;
import org.wasmdbms.engine.query.QueryRunner;
import org.wasmdbms.engine.query.RowSize;
import org.wasmdbms.engine.tx.WriteSets;

/**
 * Inserts, updates and deletes rows of a {@link Tables} view with every integrity check: primary
 * key and unique conflicts, foreign keys to missing parents, and deletes or key changes of rows
 * that are still referenced. Every change is recorded in the {@link UndoLog}; when a check fails
 * part-way through a statement the caller rolls the log back, so a statement applies completely or
 * not at all.
 *
 * <p>Memory: a writer holds the rows it matches and the rows its undo log keeps. It counts them
 * (with {@link RowSize}, plus {@link #ROW_OVERHEAD_BYTES} each) and throws {@link
 * org.wasmdbms.api.error.MemoryException} as soon as they would pass its limit, before the heap
 * runs out; the caller then rolls the statement back.
 *
 * <p>Policy for referenced keys: changing the primary key or a referenced unique value of a row
 * that other rows reference is refused with {@link ForeignKeyConstraintViolationException}; it is
 * never propagated.
 */
public final class Writer {
  private final Tables tables;
  private final UndoLog undo;
  private final long memoryLimit;
  private final long heldElsewhere;
  private long heldBytes;
  private Set<WriteSets.RowKey> changedRows;

  /**
   * A writer on {@code tables} that records its changes in {@code undo} and holds at most {@code
   * memoryLimit - heldElsewhere} bytes of rows (see {@link RowSize}): {@code heldElsewhere} is what
   * open transactions already hold of the limit. {@code Long.MAX_VALUE} and 0 for no limit.
   */
  public Writer(Tables tables, UndoLog undo, long memoryLimit, long heldElsewhere) {
    this.tables = tables;
    this.undo = undo;
    this.memoryLimit = memoryLimit;
    this.heldElsewhere = heldElsewhere;
  }

  /**
   * Records in {@code rows} the table and primary key of every row this writer inserts, updates
   * (old and new key) or deletes, cascades included (null: records nothing).
   */
  public void recordChangedRows(Set<WriteSets.RowKey> rows) {
    changedRows = rows;
  }

  private void changed(TableData table, Value[] row) {
    if (changedRows != null) {
      TableSchema schema = table.schema();
      changedRows.add(WriteSets.RowKey.of(schema.name(), row[schema.primaryKeyIndex()]));
    }
  }

  /** The bytes of rows this writer has held so far (see {@link RowSize}). */
  public long heldBytes() {
    return heldBytes;
  }

  /**
   * What a row held by a write costs beyond its values (see {@link RowSize}): its array and value
   * objects, its undo entry, and the entry and key of a transaction's view. Counted so that many
   * small rows reach the limit before their bookkeeping fills the heap.
   */
  public static final int ROW_OVERHEAD_BYTES = 64;

  /** Counts {@code row} against the limit before the writer keeps it. */
  private void hold(Value[] row) {
    heldBytes += RowSize.approximate(row) + ROW_OVERHEAD_BYTES;
    if (heldBytes > memoryLimit - heldElsewhere) {
      throw new MemoryException(
          "the write would hold more than "
              + memoryLimit
              + " bytes of rows"
              + (heldElsewhere > 0 ? ", with " + heldElsewhere + " held by open transactions" : "")
              + "; split it into smaller statements, or a transaction into smaller ones");
    }
  }

  /**
   * Inserts a shaped row (see {@link RowShaper#forInsert}).
   *
   * @throws PrimaryKeyConflictException if the key is taken
   * @throws UniqueConstraintViolationException if a unique value is taken
   * @throws BrokenForeignKeyReferenceException if a referenced parent row does not exist
   */
  public void insert(String tableName, Value[] row) {
    TableData table = tables.table(tableName);
    checkKeys(table, row, null);
    checkParents(table, row, null);
    hold(row);
    undo.add(table.insert(row));
    changed(table, row);
  }

  /**
   * Inserts a shaped row that already passed {@link #insert}'s checks against the state it is
   * inserted into (a transaction's insert applied again at a commit that nothing preceded since the
   * transaction began), without checking it again nor counting it against the limit a second time.
   */
  public void insertChecked(String tableName, Value[] row) {
    TableData table = tables.table(tableName);
    undo.add(table.insert(row));
    changed(table, row);
  }

  /**
   * Applies {@code patch} (from {@link RowShaper#forUpdate}) to every row matching {@code filter}.
   * Its values are sanitized and validated (see {@link RowShaper#checked}) only when a row matches,
   * and every other check concerns the rows changed, so an update matching no row changes nothing
   * and fails on nothing.
   *
   * @return the number of rows matched and updated
   */
  public long update(String tableName, Patch patch, BoundFilter filter) {
    TableData table = tables.table(tableName);
    List<Value[]> targets = QueryRunner.matching(table, filter, this::hold);
    if (targets.isEmpty()) {
      return 0;
    }
    Patch checked = RowShaper.checked(table.schema(), patch);
    for (Value[] before : targets) {
      Value[] after = checked.applyTo(before);
      hold(after);
      checkKeys(table, after, before);
      checkParents(table, after, before);
      checkNotReferenced(table, before, after);
      undo.add(table.replace(before, after));
      changed(table, before);
      changed(table, after);
    }
    return targets.size();
  }

  /**
   * Deletes every row matching {@code filter}. With {@link DeleteBehavior#RESTRICT} the delete is
   * refused if a row outside the deleted set references one inside it; with {@link
   * DeleteBehavior#CASCADE} referencing rows are deleted too, transitively, each once even when
   * references form a cycle.
   *
   * @return the number of rows deleted, cascaded rows included
   */
  public long delete(String tableName, BoundFilter filter, DeleteBehavior behavior) {
    TableData table = tables.table(tableName);
    DeletionSet doomed = new DeletionSet();
    Deque<Value[]> pendingRows = new ArrayDeque<>();
    Deque<TableData> pendingTables = new ArrayDeque<>();
    for (Value[] row : QueryRunner.matching(table, filter, this::hold)) {
      doomed.add(table, row);
      pendingRows.add(row);
      pendingTables.add(table);
    }
    // Walk references breadth first with an explicit queue: no recursion, any depth, any cycle.
    while (!pendingRows.isEmpty()) {
      Value[] parent = pendingRows.poll();
      TableData parentTable = pendingTables.poll();
      for (Tables.Reference reference : tables.referencesTo(parentTable.schema().name())) {
        Value key = parent[reference.parentColumn()];
        if (key.isNull()) {
          continue;
        }
        TableData child = tables.table(reference.child().name());
        for (Value[] childRow : child.findReferencing(reference.column(), key)) {
          if (doomed.contains(child, childRow)) {
            continue;
          }
          if (behavior == DeleteBehavior.RESTRICT) {
            throw referenced(parentTable, parent, reference);
          }
          hold(childRow);
          doomed.add(child, childRow);
          pendingRows.add(childRow);
          pendingTables.add(child);
        }
      }
    }
    for (DeletionSet.Entry entry : doomed.entries()) {
      undo.add(entry.table().delete(entry.row()));
      changed(entry.table(), entry.row());
    }
    return doomed.size();
  }

  /** Checks the primary key and unique columns of {@code row}, which replaces {@code self}. */
  private void checkKeys(TableData table, Value[] row, Value[] self) {
    TableDef def = table.schema().definition();
    int pk = table.schema().primaryKeyIndex();
    if (self == null || Values.compare(self[pk], row[pk]) != 0) {
      if (table.findByPrimaryKey(row[pk]) != null) {
        throw new PrimaryKeyConflictException(
            "table " + def.name() + " already has a row with " + describe(def, pk, row[pk]));
      }
    }
    for (int c = 0; c < row.length; c++) {
      ColumnDef column = def.columns().get(c);
      if (!column.unique() || column.primaryKey() || row[c].isNull()) {
        continue;
      }
      if (self != null && Values.compare(self[c], row[c]) == 0) {
        continue;
      }
      if (table.findByUnique(c, row[c]) != null) {
        throw new UniqueConstraintViolationException(column.name());
      }
    }
    for (IndexInfo index : table.indexes()) {
      if (index.kind() == IndexInfo.Kind.SECONDARY && index.unique()) {
        checkUniqueIndex(table, index, row, self);
      }
    }
  }

  /** A unique secondary index admits one row per key that has no null part. */
  private static void checkUniqueIndex(
      TableData table, IndexInfo index, Value[] row, Value[] self) {
    if (IndexKeys.hasNull(index, row)) {
      return;
    }
    byte[] key = IndexKeys.of(index, row);
    if (self != null && KeyEncoding.compareUnsigned(key, IndexKeys.of(index, self)) == 0) {
      return;
    }
    Iterator<Value[]> holders = table.scanIndex(index, new KeyRange(key, true, key, true), false);
    while (holders.hasNext()) {
      Value[] holder = holders.next();
      if (self == null || !sameKey(table, holder, self)) {
        throw new UniqueConstraintViolationException(index.name());
      }
    }
  }

  /** Checks that every foreign key of {@code row} whose value changed points at an existing row. */
  private void checkParents(TableData table, Value[] row, Value[] before) {
    TableDef def = table.schema().definition();
    for (int c = 0; c < row.length; c++) {
      ColumnDef column = def.columns().get(c);
      if (column.foreignKey().isEmpty() || row[c].isNull()) {
        continue;
      }
      if (before != null && Values.compare(before[c], row[c]) == 0) {
        continue;
      }
      ForeignKeyDef fk = column.foreignKey().get();
      if (!parentExists(table, row, fk, row[c])) {
        throw new BrokenForeignKeyReferenceException(
            def.name()
                + "."
                + column.name()
                + " = "
                + ValueText.display(row[c])
                + " references no row of "
                + fk.table()
                + "."
                + fk.column());
      }
    }
  }

  private boolean parentExists(TableData table, Value[] row, ForeignKeyDef fk, Value value) {
    TableData parent = tables.table(fk.table());
    TableDef parentDef = parent.schema().definition();
    int parentColumn = parentDef.columnIndex(fk.column());
    if (parent == table && Values.compare(row[parentColumn], value) == 0) {
      return true; // a row that references itself
    }
    Value[] found =
        parentDef.columns().get(parentColumn).primaryKey()
            ? parent.findByPrimaryKey(value)
            : parent.findByUnique(parentColumn, value);
    return found != null;
  }

  /** Refuses a change of a referenced key value of {@code before}. */
  private void checkNotReferenced(TableData table, Value[] before, Value[] after) {
    for (Tables.Reference reference : tables.referencesTo(table.schema().name())) {
      int column = reference.parentColumn();
      if (Values.compare(before[column], after[column]) == 0 || before[column].isNull()) {
        continue;
      }
      TableData child = tables.table(reference.child().name());
      for (Value[] childRow : child.findReferencing(reference.column(), before[column])) {
        // The changed row itself may reference the old value, unless it still does afterwards.
        boolean selfReference =
            child == table
                && sameKey(table, childRow, before)
                && Values.compare(after[reference.column()], before[column]) != 0;
        if (!selfReference) {
          throw referenced(table, before, reference);
        }
      }
    }
  }

  private static boolean sameKey(TableData table, Value[] a, Value[] b) {
    int pk = table.schema().primaryKeyIndex();
    return Values.compare(a[pk], b[pk]) == 0;
  }

  private static ForeignKeyConstraintViolationException referenced(
      TableData parentTable, Value[] parent, Tables.Reference reference) {
    TableDef def = parentTable.schema().definition();
    int column = reference.parentColumn();
    return new ForeignKeyConstraintViolationException(
        "the row of "
            + def.name()
            + " with "
            + describe(def, column, parent[column])
            + " is referenced by "
            + reference.child().name()
            + "."
            + reference.child().definition().columns().get(reference.column()).name());
  }

  private static String describe(TableDef def, int column, Value value) {
    return def.columns().get(column).name() + " = " + ValueText.display(value);
  }

  /** The rows a delete removes, per table, keyed by encoded primary key; insertion-ordered. */
  private static final class DeletionSet {
    record Entry(TableData table, Value[] row) {}

    private final Map<TableData, TreeMap<byte[], Value[]>> byTable = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    void add(TableData table, Value[] row) {
      byTable
          .computeIfAbsent(table, t -> new TreeMap<>(KeyEncoding::compareUnsigned))
          .put(key(table, row), row);
      entries.add(new Entry(table, row));
    }

    boolean contains(TableData table, Value[] row) {
      TreeMap<byte[], Value[]> rows = byTable.get(table);
      return rows != null && rows.containsKey(key(table, row));
    }

    List<Entry> entries() {
      return entries;
    }

    int size() {
      return entries.size();
    }

    private static byte[] key(TableData table, Value[] row) {
      return KeyEncoding.encode(row[table.schema().primaryKeyIndex()]);
    }
  }
}
