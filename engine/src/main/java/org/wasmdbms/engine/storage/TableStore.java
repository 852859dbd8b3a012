package org.wasmdbms.engine.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.UniqueConstraintViolationException;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.RowCodec;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.engine.data.IndexInfo;
import org.wasmdbms.engine.data.IndexKeys;
import org.wasmdbms.engine.data.KeyRange;
import org.wasmdbms.engine.data.LookaheadIterator;
import org.wasmdbms.engine.data.RowCursor;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.memory.btree.BTree;
import org.wasmdbms.memory.btree.BTreeCursor;
import org.wasmdbms.memory.btree.KeyBound;
import org.wasmdbms.memory.page.LittleEndian;
import org.wasmdbms.memory.page.RecordReader;
import org.wasmdbms.memory.page.RecordStore;

/**
 * The committed rows of one table and their B+ trees:
 *
 * <ul>
 *   <li>records in the {@link RecordStore}, encoded by {@link RowCodec} (the only row encoding);
 *   <li>a unique tree from the encoded primary key to the record id;
 *   <li>a unique tree per unique column (encoded value to record id; nulls are not in it);
 *   <li>a non-unique tree per foreign-key column (encoded value, record id);
 *   <li>a non-unique tree per secondary index: the key is the encoding of the indexed values (nulls
 *       included) and the value is the encoded primary key, so rows with equal keys are in
 *       primary-key order.
 * </ul>
 *
 * Record ids are stable for a record's life, so trees point at them directly. Every key is built
 * and checked by {@link IndexKeys} before anything is written, so an oversized key is a constraint
 * violation that changes nothing.
 */
final class TableStore implements TableData {
  private final TableSchema schema;
  private final List<DataType> types;
  private final int primaryKey;
  private final RecordStore records;
  private final int tableId;
  private final BTree primaryKeyTree;
  private final BTree[] uniqueTrees;
  private final BTree[] foreignKeyTrees;
  private final List<SecondaryIndex> secondaryIndexes = new ArrayList<>();
  private List<IndexInfo> indexes;
  private long decodedRows;

  /** A secondary index and its tree. */
  record SecondaryIndex(IndexInfo info, BTree tree) {}

  TableStore(
      TableSchema schema,
      RecordStore records,
      int tableId,
      BTree[] uniqueTrees,
      BTree[] foreignKeyTrees) {
    this.schema = schema;
    this.types = schema.definition().columnTypes();
    this.primaryKey = schema.definition().primaryKeyIndex();
    this.records = records;
    this.tableId = tableId;
    this.primaryKeyTree = uniqueTrees[primaryKey];
    this.uniqueTrees = uniqueTrees;
    this.foreignKeyTrees = foreignKeyTrees;
    this.indexes = listIndexes();
  }

  /** Whether {@code column} has a unique tree (the primary key included). */
  static boolean hasUniqueTree(ColumnDef column) {
    return column.primaryKey() || column.unique();
  }

  /** Whether {@code column} has a foreign-key tree. */
  static boolean hasForeignKeyTree(ColumnDef column) {
    return column.foreignKey().isPresent();
  }

  @Override
  public TableSchema schema() {
    return schema;
  }

  @Override
  public List<IndexInfo> indexes() {
    return indexes;
  }

  /** The secondary indexes, in creation order. */
  List<SecondaryIndex> secondaryIndexes() {
    return Collections.unmodifiableList(secondaryIndexes);
  }

  @Override
  public Value[] findByPrimaryKey(Value key) {
    byte[] encoded = KeyEncoding.encode(key);
    // Rows inserted in key order: the key checks of each insert cost one comparison, not a search.
    if (primaryKeyTree.followsLastKey(encoded)) {
      return null;
    }
    return rowAt(primaryKeyTree.get(encoded));
  }

  @Override
  public Value[] findByUnique(int column, Value value) {
    return rowAt(uniqueTrees[column].get(KeyEncoding.encode(value)));
  }

  @Override
  public List<Value[]> findReferencing(int column, Value value) {
    byte[] key = KeyEncoding.encode(value);
    BTreeCursor cursor =
        foreignKeyTrees[column].scan(KeyBound.inclusive(key), KeyBound.inclusive(key), false);
    List<Value[]> rows = new ArrayList<>();
    while (cursor.next()) {
      rows.add(rowAt(cursor.value()));
    }
    return rows;
  }

  @Override
  public Iterator<Value[]> scan() {
    return scanIndex(indexes.get(0), KeyRange.ALL, false);
  }

  @Override
  public Iterator<Value[]> scanIndex(IndexInfo index, KeyRange range, boolean descending) {
    return RowCursor.rows(cursor(index, range, descending));
  }

  @Override
  public RowCursor cursor(IndexInfo index, KeyRange range, boolean descending) {
    BTreeCursor cursor = treeOf(index).scan(lower(range), upper(range), descending);
    return new StoreCursor(
        cursor,
        index.kind() == IndexInfo.Kind.SECONDARY ? new SecondaryScan(cursor, descending) : null);
  }

  /** How many rows reads of this table decoded in full (for tests and diagnostics). */
  long decodedRows() {
    return decodedRows;
  }

  @Override
  public long countIndex(IndexInfo index, KeyRange range, long cap) {
    BTreeCursor cursor = treeOf(index).scan(lower(range), upper(range), false);
    long count = 0;
    while (count < cap && cursor.next()) {
      count++;
    }
    return count;
  }

  @Override
  public Runnable insert(Value[] row) {
    byte[][] keys = keysOf(row);
    byte[][] secondaryKeys = secondaryKeysOf(row);
    byte[] record = RowCodec.encode(types, Arrays.asList(row));
    byte[] recordId = recordIdBytes(records.insert(tableId, record));
    for (int c = 0; c < keys.length; c++) {
      addKey(c, keys[c], recordId);
    }
    for (int i = 0; i < secondaryIndexes.size(); i++) {
      secondaryIndexes.get(i).tree().insert(secondaryKeys[i], keys[primaryKey]);
    }
    return () -> delete(row);
  }

  @Override
  public Runnable replace(Value[] before, Value[] after) {
    byte[][] oldKeys = keysOf(before);
    byte[][] newKeys = keysOf(after);
    byte[][] oldSecondary = secondaryKeysOf(before);
    byte[][] newSecondary = secondaryKeysOf(after);
    byte[] recordId = requireRecordId(oldKeys[primaryKey]);
    records.overwrite(
        LittleEndian.getLong(recordId, 0), RowCodec.encode(types, Arrays.asList(after)));
    for (int c = 0; c < newKeys.length; c++) {
      if (!sameKey(oldKeys[c], newKeys[c])) {
        removeKey(c, oldKeys[c], recordId);
        addKey(c, newKeys[c], recordId);
      }
    }
    boolean keyMoved = !sameKey(oldKeys[primaryKey], newKeys[primaryKey]);
    for (int i = 0; i < secondaryIndexes.size(); i++) {
      if (keyMoved || !sameKey(oldSecondary[i], newSecondary[i])) {
        BTree tree = secondaryIndexes.get(i).tree();
        tree.delete(oldSecondary[i], oldKeys[primaryKey]);
        tree.insert(newSecondary[i], newKeys[primaryKey]);
      }
    }
    return () -> replace(after, before);
  }

  @Override
  public Runnable delete(Value[] row) {
    byte[][] keys = keysOf(row);
    byte[][] secondaryKeys = secondaryKeysOf(row);
    byte[] recordId = requireRecordId(keys[primaryKey]);
    records.delete(LittleEndian.getLong(recordId, 0));
    for (int c = 0; c < keys.length; c++) {
      removeKey(c, keys[c], recordId);
    }
    for (int i = 0; i < secondaryIndexes.size(); i++) {
      secondaryIndexes.get(i).tree().delete(secondaryKeys[i], keys[primaryKey]);
    }
    return () -> insert(row);
  }

  /**
   * Adds a secondary index whose (empty) tree is {@code tree} and fills it from every row.
   *
   * @throws UniqueConstraintViolationException if the index is unique and two rows share a key
   *     without nulls; the tree is then left for the caller to drop
   * @throws org.wasmdbms.api.error.ConstraintViolationException if a row's key is too long
   */
  void addSecondaryIndex(IndexInfo info, BTree tree, boolean fill) {
    if (fill) {
      Iterator<Value[]> rows = scan();
      List<Value[]> all = new ArrayList<>();
      while (rows.hasNext()) {
        all.add(rows.next());
      }
      for (Value[] row : all) {
        byte[] key = IndexKeys.of(info, row);
        if (info.unique() && !IndexKeys.hasNull(info, row) && anyEntry(tree, key)) {
          throw new UniqueConstraintViolationException(info.name());
        }
        tree.insert(key, KeyEncoding.encode(row[primaryKey]));
      }
    }
    secondaryIndexes.add(new SecondaryIndex(info, tree));
    indexes = listIndexes();
  }

  /** Removes the secondary index called {@code name} and returns it, or null if there is none. */
  SecondaryIndex removeSecondaryIndex(String name) {
    for (int i = 0; i < secondaryIndexes.size(); i++) {
      if (secondaryIndexes.get(i).info().name().equals(name)) {
        SecondaryIndex removed = secondaryIndexes.remove(i);
        indexes = listIndexes();
        return removed;
      }
    }
    return null;
  }

  private static boolean anyEntry(BTree tree, byte[] key) {
    return tree.scan(KeyBound.inclusive(key), KeyBound.inclusive(key), false).next();
  }

  private List<IndexInfo> listIndexes() {
    List<IndexInfo> list = new ArrayList<>();
    List<ColumnDef> columns = schema.definition().columns();
    list.add(
        new IndexInfo(
            "primary key (" + columns.get(primaryKey).name() + ")",
            List.of(primaryKey),
            true,
            IndexInfo.Kind.PRIMARY_KEY));
    for (int c = 0; c < columns.size(); c++) {
      if (c != primaryKey && uniqueTrees[c] != null) {
        list.add(
            new IndexInfo(
                "unique (" + columns.get(c).name() + ")",
                List.of(c),
                true,
                IndexInfo.Kind.UNIQUE_COLUMN));
      }
    }
    for (SecondaryIndex index : secondaryIndexes) {
      list.add(index.info());
    }
    return Collections.unmodifiableList(list);
  }

  private BTree treeOf(IndexInfo index) {
    switch (index.kind()) {
      case PRIMARY_KEY:
        return primaryKeyTree;
      case UNIQUE_COLUMN:
        return uniqueTrees[index.columns().get(0)];
      default:
        for (SecondaryIndex secondary : secondaryIndexes) {
          if (secondary.info().equals(index)) {
            return secondary.tree();
          }
        }
        throw new MemoryException("table " + schema.name() + " has no index " + index.name());
    }
  }

  private static KeyBound lower(KeyRange range) {
    if (range.lower() == null) {
      return KeyBound.unbounded();
    }
    return range.lowerInclusive()
        ? KeyBound.inclusive(range.lower())
        : KeyBound.exclusive(range.lower());
  }

  private static KeyBound upper(KeyRange range) {
    if (range.upper() == null) {
      return KeyBound.unbounded();
    }
    return range.upperInclusive()
        ? KeyBound.inclusive(range.upper())
        : KeyBound.exclusive(range.upper());
  }

  private byte[] requireRecordId(byte[] primaryKeyBytes) {
    byte[] recordId = primaryKeyTree.get(primaryKeyBytes);
    if (recordId == null) {
      throw new MemoryException("table " + schema.name() + " lost the record of a key");
    }
    return recordId;
  }

  /** The index key of every indexed, non-null column; null elsewhere. */
  private byte[][] keysOf(Value[] row) {
    return IndexKeys.of(schema.definition(), row);
  }

  private byte[][] secondaryKeysOf(Value[] row) {
    byte[][] keys = new byte[secondaryIndexes.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = IndexKeys.of(secondaryIndexes.get(i).info(), row);
    }
    return keys;
  }

  private void addKey(int column, byte[] key, byte[] recordId) {
    if (key == null) {
      return;
    }
    if (uniqueTrees[column] != null && !uniqueTrees[column].insert(key, recordId)) {
      throw new MemoryException(
          "index of " + schema.name() + "." + column + " already holds a key the engine checked");
    }
    if (foreignKeyTrees[column] != null) {
      foreignKeyTrees[column].insert(key, recordId);
    }
  }

  private void removeKey(int column, byte[] key, byte[] recordId) {
    if (key == null) {
      return;
    }
    if (uniqueTrees[column] != null) {
      uniqueTrees[column].delete(key);
    }
    if (foreignKeyTrees[column] != null) {
      foreignKeyTrees[column].delete(key, recordId);
    }
  }

  private static boolean sameKey(byte[] a, byte[] b) {
    if (a == null || b == null) {
      return a == b;
    }
    return KeyEncoding.compareUnsigned(a, b) == 0;
  }

  private Value[] rowAt(byte[] recordId) {
    return recordId == null ? null : decode(recordAt(recordId));
  }

  private byte[] recordAt(byte[] recordId) {
    return records.read(recordIdOf(recordId));
  }

  private long recordIdOf(byte[] recordId) {
    if (recordId.length != 8) {
      throw new MemoryException("index of " + schema.name() + " holds a malformed record id");
    }
    return LittleEndian.getLong(recordId, 0);
  }

  private Value[] decode(byte[] record) {
    decodedRows++;
    return RowCodec.decodeArray(types, record);
  }

  /**
   * The rows of one index range: the record of an entry is read when a column is first asked for,
   * through a {@link RecordReader} (consecutive records of one page come from one copy of it), and
   * decoded in full only by {@link #row()}.
   */
  private final class StoreCursor extends RowCursor {
    private final BTreeCursor entries;
    private final SecondaryScan secondary;
    private final RecordReader reader = records.reader();
    private byte[] recordId;
    private boolean read;
    private Value[] row;
    private Value[] filtered;

    /** Over the record ids of {@code entries}, or the primary keys {@code secondary} yields. */
    StoreCursor(BTreeCursor entries, SecondaryScan secondary) {
      this.entries = entries;
      this.secondary = secondary;
    }

    @Override
    public boolean next() {
      read = false;
      row = null;
      filtered = null;
      if (secondary != null) {
        recordId = secondary.hasNext() ? requireRecordId(secondary.next()) : null;
      } else {
        recordId = entries.next() ? entries.value() : null;
      }
      return recordId != null;
    }

    private void read() {
      if (!read) {
        reader.read(recordIdOf(recordId));
        read = true;
      }
    }

    @Override
    public Value[] row() {
      if (row == null) {
        read();
        decodedRows++;
        row =
            RowCodec.decodeArray(types, reader.bytes(), reader.offset(), reader.length(), filtered);
      }
      return row;
    }

    @Override
    public Value[] columns(boolean[] needed) {
      if (row != null) {
        return row;
      }
      read();
      // Kept for row(), which then decodes only the columns the filter did not read.
      filtered =
          RowCodec.decodeColumns(types, reader.bytes(), reader.offset(), reader.length(), needed);
      return filtered;
    }
  }

  private static byte[] recordIdBytes(long recordId) {
    byte[] bytes = new byte[8];
    LittleEndian.putLong(bytes, 0, recordId);
    return bytes;
  }

  /**
   * Primary keys of the rows of a secondary index. Entries with equal keys come in primary-key
   * order from the tree; a descending scan meets them reversed, so it collects each run of equal
   * keys and hands it out in ascending primary-key order, as the {@link TableData} contract says.
   */
  private static final class SecondaryScan extends LookaheadIterator<byte[]> {
    private final BTreeCursor cursor;
    private final boolean descending;
    private final List<byte[]> run = new ArrayList<>();
    private byte[] pendingKey;
    private byte[] pendingValue;

    SecondaryScan(BTreeCursor cursor, boolean descending) {
      this.cursor = cursor;
      this.descending = descending;
    }

    @Override
    protected byte[] computeNext() {
      if (!descending) {
        return cursor.next() ? cursor.value() : null;
      }
      if (run.isEmpty()) {
        fillRun();
      }
      return run.isEmpty() ? null : run.remove(run.size() - 1);
    }

    private void fillRun() {
      byte[] runKey = null;
      if (pendingKey != null) {
        runKey = pendingKey;
        run.add(pendingValue);
        pendingKey = null;
      }
      while (cursor.next()) {
        if (runKey == null) {
          runKey = cursor.key();
        } else if (!sameKey(runKey, cursor.key())) {
          pendingKey = cursor.key();
          pendingValue = cursor.value();
          return;
        }
        run.add(cursor.value());
      }
    }
  }
}
