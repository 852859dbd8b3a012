package org.wasmdbms.api.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wasmdbms.api.bytes.ByteReader;
import org.wasmdbms.api.bytes.ByteWriter;
import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueCodec;

/**
 * The binary form of a {@link TableDef}, stored by the schema registry. Equal definitions encode to
 * equal bytes, so a stored definition can be compared with the compiled one byte for byte.
 *
 * <p>Layout (integers little-endian; a <i>name</i> is a u16 byte length then that many bytes of
 * UTF-8):
 *
 * <ol>
 *   <li>format version, u8 = {@value #VERSION};
 *   <li>table name;
 *   <li>column count, u16; then per column:
 *       <ol>
 *         <li>name;
 *         <li>type, u8 = {@link DataType#code()};
 *         <li>flags, u8: bit 0 nullable, 1 primary key, 2 unique, 3 autoincrement, 4 has default, 5
 *             has foreign key; other bits zero;
 *         <li>if has default: u8 0 for {@code Null}, or u8 1 then the value as {@link ValueCodec}
 *             writes it for the column type;
 *         <li>if has foreign key: referenced table name, referenced column name;
 *       </ol>
 *   <li>index count, u16; then per index: name, unique u8 (0 or 1), column count u16, column names.
 * </ol>
 */
public final class SchemaCodec {
  /** The format version written first; decoding refuses any other. */
  public static final int VERSION = 1;

  private static final int NULLABLE = 1;
  private static final int PRIMARY_KEY = 1 << 1;
  private static final int UNIQUE = 1 << 2;
  private static final int AUTO_INCREMENT = 1 << 3;
  private static final int HAS_DEFAULT = 1 << 4;
  private static final int HAS_FOREIGN_KEY = 1 << 5;
  private static final int KNOWN_FLAGS = (1 << 6) - 1;

  private SchemaCodec() {}

  /** Encodes a table definition. */
  public static byte[] encode(TableDef table) {
    ByteWriter out = new ByteWriter(256);
    out.u8(VERSION);
    writeName(out, table.name());
    out.u16(table.columns().size());
    for (ColumnDef c : table.columns()) {
      writeName(out, c.name());
      out.u8(c.type().code());
      int flags =
          (c.nullable() ? NULLABLE : 0)
              | (c.primaryKey() ? PRIMARY_KEY : 0)
              | (c.unique() ? UNIQUE : 0)
              | (c.autoIncrement() ? AUTO_INCREMENT : 0)
              | (c.defaultValue().isPresent() ? HAS_DEFAULT : 0)
              | (c.foreignKey().isPresent() ? HAS_FOREIGN_KEY : 0);
      out.u8(flags);
      if (c.defaultValue().isPresent()) {
        Value d = c.defaultValue().get();
        out.u8(d.isNull() ? 0 : 1);
        if (!d.isNull()) {
          ValueCodec.write(out, c.type(), d);
        }
      }
      if (c.foreignKey().isPresent()) {
        ForeignKeyDef fk = c.foreignKey().get();
        writeName(out, fk.table());
        writeName(out, fk.column());
      }
    }
    out.u16(table.indexes().size());
    for (IndexDef index : table.indexes()) {
      writeName(out, index.name());
      out.u8(index.unique() ? 1 : 0);
      out.u16(index.columns().size());
      for (String column : index.columns()) {
        writeName(out, column);
      }
    }
    return out.toByteArray();
  }

  private static void writeName(ByteWriter out, String name) {
    byte[] bytes = Utf8.encode(name);
    out.u16(bytes.length).bytes(bytes);
  }

  /**
   * Decodes a table definition that fills all of {@code data}.
   *
   * @throws MemoryException if the bytes are truncated, of another version, carry unknown flags or
   *     trailing bytes, or describe a definition that breaks the {@link TableDef} rules
   */
  public static TableDef decode(byte[] data) {
    ByteReader in = new ByteReader(data);
    int version = in.u8();
    if (version != VERSION) {
      throw new MemoryException("unsupported schema format version " + version);
    }
    try {
      String name = readName(in);
      int columnCount = in.u16();
      List<ColumnDef> columns = new ArrayList<>();
      for (int i = 0; i < columnCount; i++) {
        columns.add(readColumn(in));
      }
      int indexCount = in.u16();
      List<IndexDef> indexes = new ArrayList<>();
      for (int i = 0; i < indexCount; i++) {
        String indexName = readName(in);
        boolean unique = readBoolean(in, "index unique flag");
        int n = in.u16();
        List<String> indexColumns = new ArrayList<>();
        for (int j = 0; j < n; j++) {
          indexColumns.add(readName(in));
        }
        indexes.add(new IndexDef(indexName, indexColumns, unique));
      }
      in.expectEnd("table definition");
      return new TableDef(name, columns, indexes);
    } catch (MemoryException e) {
      throw e;
    } catch (DbmsException e) {
      // A definition constructor refused the decoded fields: the stored bytes are corrupt.
      throw new MemoryException("corrupt stored table definition: " + e.detail());
    }
  }

  private static ColumnDef readColumn(ByteReader in) {
    String name = readName(in);
    DataType type = DataType.fromCode(in.u8());
    int flags = in.u8();
    if ((flags & ~KNOWN_FLAGS) != 0) {
      throw new MemoryException("unknown column flags " + flags);
    }
    Optional<Value> defaultValue = Optional.empty();
    if ((flags & HAS_DEFAULT) != 0) {
      boolean present = readBoolean(in, "default marker");
      defaultValue = Optional.of(present ? ValueCodec.read(in, type) : NullValue.INSTANCE);
    }
    Optional<ForeignKeyDef> foreignKey = Optional.empty();
    if ((flags & HAS_FOREIGN_KEY) != 0) {
      String table = readName(in);
      String column = readName(in);
      foreignKey = Optional.of(new ForeignKeyDef(table, column));
    }
    return new ColumnDef(
        name,
        type,
        (flags & NULLABLE) != 0,
        (flags & PRIMARY_KEY) != 0,
        (flags & UNIQUE) != 0,
        (flags & AUTO_INCREMENT) != 0,
        defaultValue,
        foreignKey);
  }

  private static String readName(ByteReader in) {
    int length = in.u16();
    if (length > Identifiers.MAX_BYTES) {
      throw new MemoryException("stored identifier of " + length + " bytes is too long");
    }
    return in.utf8(length);
  }

  private static boolean readBoolean(ByteReader in, String what) {
    int b = in.u8();
    if (b > 1) {
      throw new MemoryException("corrupt " + what + ": " + b);
    }
    return b == 1;
  }
}
