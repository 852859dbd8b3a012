package org.wasmdbms.engine.storage;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.bytes.ByteReader;
import org.wasmdbms.api.bytes.ByteWriter;
import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.schema.SchemaCodec;
import org.wasmdbms.api.schema.TableDef;

/**
 * What the catalog stores under a table's name: where the table's meta page is, the table
 * definition as registered, and its secondary indexes with their tree roots.
 *
 * <p>Layout (little-endian):
 *
 * <pre>
 * size field
 *    8 meta page id (u64), see {@link TableMetaPage}
 *    4 definition length n (u32)
 *    n the table definition, encoded by {@link SchemaCodec}
 *    2 secondary index count m (u16)
 * then per index, in creation order:
 *    8 root page of its B+ tree (u64)
 *    1 flags: bit 0 unique, bit 1 declared in the table definition; other bits zero
 *    2 column count k (u16), at least 1
 *   2k column positions in the table (u16 each)
 *    2 name length (u16), 1..255
 *    * name, UTF-8
 * then, only when at least one transform has run on the table (so files without transforms stay
 * readable by versions before migrations):
 *    2 count t (u16) of transform ids that have run, at least 1
 * then per id, in the order they ran:
 *    2 id length (u16), 1..255
 *    * id, UTF-8
 * </pre>
 *
 * Only the definition takes part in the check against the registered definition; indexes created at
 * run time are kept beside it, so registering the unchanged definition again still matches.
 *
 * @param metaPage the meta page id
 * @param definition the registered definition
 * @param indexes the secondary indexes
 * @param transforms the ids of the {@code @Transform}s that have run on the table
 */
record CatalogEntry(
    long metaPage, TableDef definition, List<StoredIndex> indexes, List<String> transforms) {
  private static final int UNIQUE = 1;
  private static final int DECLARED = 2;
  private static final int MAX_NAME_BYTES = 255;

  /**
   * A secondary index as stored.
   *
   * @param name the index name
   * @param columns column positions
   * @param unique whether keys without nulls are unique
   * @param declared whether the table definition declares it (it cannot be dropped then)
   * @param root the root page of its tree
   */
  record StoredIndex(
      String name, List<Integer> columns, boolean unique, boolean declared, long root) {
    StoredIndex {
      columns = List.copyOf(columns);
    }
  }

  CatalogEntry {
    indexes = List.copyOf(indexes);
    transforms = List.copyOf(transforms);
  }

  /** This entry with {@code indexes} instead of its own. */
  CatalogEntry withIndexes(List<StoredIndex> replacement) {
    return new CatalogEntry(metaPage, definition, replacement, transforms);
  }

  /** This entry with {@code ids} as the transforms that have run. */
  CatalogEntry withTransforms(List<String> ids) {
    return new CatalogEntry(metaPage, definition, indexes, ids);
  }

  byte[] encode() {
    byte[] definitionBytes = SchemaCodec.encode(definition);
    ByteWriter out = new ByteWriter();
    out.i64(metaPage).i32(definitionBytes.length).bytes(definitionBytes).u16(indexes.size());
    for (StoredIndex index : indexes) {
      out.i64(index.root()).u8((index.unique() ? UNIQUE : 0) | (index.declared() ? DECLARED : 0));
      out.u16(index.columns().size());
      for (int column : index.columns()) {
        out.u16(column);
      }
      byte[] name = Utf8.encode(index.name());
      out.u16(name.length).bytes(name);
    }
    if (!transforms.isEmpty()) {
      out.u16(transforms.size());
      for (String id : transforms) {
        byte[] name = Utf8.encode(id);
        out.u16(name.length).bytes(name);
      }
    }
    return out.toByteArray();
  }

  /**
   * Reads an entry.
   *
   * @throws MemoryException if the bytes are not a well-formed entry
   */
  static CatalogEntry decode(String table, byte[] bytes) {
    ByteReader in = new ByteReader(bytes);
    long metaPage = in.i64();
    int definitionLength = in.length(bytes.length, "definition of table " + table);
    TableDef definition = SchemaCodec.decode(in.bytes(definitionLength));
    int count = in.u16();
    int columnCount = definition.columns().size();
    List<StoredIndex> indexes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long root = in.i64();
      int flags = in.u8();
      int k = in.u16();
      if ((flags & ~(UNIQUE | DECLARED)) != 0 || k == 0 || k > columnCount) {
        throw new MemoryException("catalog entry of table " + table + " has a malformed index");
      }
      List<Integer> columns = new ArrayList<>(k);
      for (int c = 0; c < k; c++) {
        int column = in.u16();
        if (column >= columnCount) {
          throw new MemoryException(
              "an index of table " + table + " names column " + column + " of " + columnCount);
        }
        columns.add(column);
      }
      int nameLength = in.u16();
      if (nameLength == 0 || nameLength > MAX_NAME_BYTES) {
        throw new MemoryException("an index of table " + table + " has a malformed name");
      }
      String name = in.utf8(nameLength);
      indexes.add(
          new StoredIndex(name, columns, (flags & UNIQUE) != 0, (flags & DECLARED) != 0, root));
    }
    List<String> transforms = new ArrayList<>();
    int transformCount = in.remaining() == 0 ? 0 : in.u16();
    for (int i = 0; i < transformCount; i++) {
      int idLength = in.u16();
      if (idLength == 0 || idLength > MAX_NAME_BYTES) {
        throw new MemoryException("a transform id of table " + table + " is malformed");
      }
      transforms.add(in.utf8(idLength));
    }
    in.expectEnd("catalog entry of table " + table);
    return new CatalogEntry(metaPage, definition, indexes, transforms);
  }
}
