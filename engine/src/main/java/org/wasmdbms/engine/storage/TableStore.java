package org.wasmdbms.engine.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.RowCodec;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.engine.data.IndexKeys;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.memory.btree.BTree;
import org.wasmdbms.memory.btree.BTreeCursor;
import org.wasmdbms.memory.btree.KeyBound;
import org.wasmdbms.memory.page.LittleEndian;
import org.wasmdbms.memory.page.RecordStore;

/**
 * The committed rows of one table: records in the {@link RecordStore} (encoded by {@link RowCodec},
 * the only row encoding), a unique B+ tree from the encoded primary key to the record id, one
 * unique tree per unique column, and one non-unique tree per foreign-key column (encoded value,
 * then record id). Record ids are stable for a record's life, so trees point at them directly. Null
 * values are not indexed.
 *
 * <p>Every key is built and checked by {@link IndexKeys} before anything is written, so an
 * oversized key is a constraint violation that changes nothing.
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
  public Value[] findByPrimaryKey(Value key) {
    return rowAt(primaryKeyTree.get(KeyEncoding.encode(key)));
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
    BTreeCursor cursor = primaryKeyTree.scan(KeyBound.unbounded(), KeyBound.unbounded(), false);
    return new Iterator<>() {
      private Value[] next = advance();

      private Value[] advance() {
        return cursor.next() ? rowAt(cursor.value()) : null;
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
    };
  }

  @Override
  public Runnable insert(Value[] row) {
    byte[][] keys = keysOf(row);
    byte[] record = RowCodec.encode(types, Arrays.asList(row));
    byte[] recordId = recordIdBytes(records.insert(tableId, record));
    addToTrees(keys, recordId);
    return () -> delete(row);
  }

  @Override
  public Runnable replace(Value[] before, Value[] after) {
    byte[][] oldKeys = keysOf(before);
    byte[][] newKeys = keysOf(after);
    byte[] recordId = requireRecordId(oldKeys[primaryKey]);
    records.overwrite(
        LittleEndian.getLong(recordId, 0), RowCodec.encode(types, Arrays.asList(after)));
    for (int c = 0; c < newKeys.length; c++) {
      if (!sameKey(oldKeys[c], newKeys[c])) {
        removeKey(c, oldKeys[c], recordId);
        addKey(c, newKeys[c], recordId);
      }
    }
    return () -> replace(after, before);
  }

  @Override
  public Runnable delete(Value[] row) {
    byte[][] keys = keysOf(row);
    byte[] recordId = requireRecordId(keys[primaryKey]);
    records.delete(LittleEndian.getLong(recordId, 0));
    for (int c = 0; c < keys.length; c++) {
      removeKey(c, keys[c], recordId);
    }
    return () -> insert(row);
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

  private void addToTrees(byte[][] keys, byte[] recordId) {
    for (int c = 0; c < keys.length; c++) {
      addKey(c, keys[c], recordId);
    }
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
    if (recordId == null) {
      return null;
    }
    if (recordId.length != 8) {
      throw new MemoryException("index of " + schema.name() + " holds a malformed record id");
    }
    byte[] record = records.read(LittleEndian.getLong(recordId, 0));
    return RowCodec.decode(types, record).toArray(new Value[0]);
  }

  private static byte[] recordIdBytes(long recordId) {
    byte[] bytes = new byte[8];
    LittleEndian.putLong(bytes, 0, recordId);
    return bytes;
  }
}
