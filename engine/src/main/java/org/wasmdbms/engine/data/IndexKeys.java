package org.wasmdbms.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.memory.btree.BTree;

/**
 * The B+ tree keys of a row: one per indexed column (the primary key, unique columns and foreign
 * keys). Every {@link TableData} builds them before a write, the committed storage to store them
 * and a transaction's overlay only to check them, so that a value too long to be a key is refused
 * when it is written, inside a transaction or not, and never first at commit.
 */
public final class IndexKeys {
  private IndexKeys() {}

  /** Whether {@code column} has a B+ tree. */
  public static boolean isIndexed(ColumnDef column) {
    return column.primaryKey() || column.unique() || column.foreignKey().isPresent();
  }

  /**
   * The key of every indexed, non-null column of {@code row}; null elsewhere.
   *
   * @throws ConstraintViolationException if a key is longer than {@link BTree#MAX_KEY_LENGTH}
   */
  public static byte[][] of(TableDef table, Value[] row) {
    byte[][] keys = new byte[row.length][];
    for (int c = 0; c < row.length; c++) {
      ColumnDef column = table.columns().get(c);
      if (!isIndexed(column) || row[c].isNull()) {
        continue;
      }
      byte[] key = KeyEncoding.encode(row[c]);
      if (key.length > BTree.MAX_KEY_LENGTH) {
        throw new ConstraintViolationException(
            "the value of indexed column "
                + column.name()
                + " takes "
                + key.length
                + " bytes as a key; at most "
                + BTree.MAX_KEY_LENGTH
                + " are allowed");
      }
      keys[c] = key;
    }
    return keys;
  }

  /**
   * The key of {@code row} in {@code index}: the encoding of its indexed values, nulls included.
   *
   * @throws ConstraintViolationException if the key is longer than {@link BTree#MAX_KEY_LENGTH}
   */
  public static byte[] of(IndexInfo index, Value[] row) {
    List<Value> values = new ArrayList<>(index.columns().size());
    for (int column : index.columns()) {
      values.add(row[column]);
    }
    byte[] key = KeyEncoding.encode(values);
    if (key.length > BTree.MAX_KEY_LENGTH) {
      throw new ConstraintViolationException(
          "a row's key in index "
              + index.name()
              + " takes "
              + key.length
              + " bytes; at most "
              + BTree.MAX_KEY_LENGTH
              + " are allowed");
    }
    return key;
  }

  /** Whether {@code row} has a null in one of the columns of {@code index}. */
  public static boolean hasNull(IndexInfo index, Value[] row) {
    for (int column : index.columns()) {
      if (row[column].isNull()) {
        return true;
      }
    }
    return false;
  }
}
