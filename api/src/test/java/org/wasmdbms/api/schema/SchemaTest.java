package org.wasmdbms.api.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;

class SchemaTest {
  static TableDef posts() {
    return TableDef.builder("posts")
        .column(ColumnDef.builder("id", DataType.UINT64).primaryKey().autoIncrement())
        .column(ColumnDef.builder("title", DataType.TEXT).defaultValue(new TextValue("untitled")))
        .column(
            ColumnDef.builder("price", DataType.DECIMAL)
                .nullable()
                .defaultValue(DecimalValue.parse("9.90")))
        .column(
            ColumnDef.builder("note", DataType.TEXT).nullable().defaultValue(NullValue.INSTANCE))
        .column(ColumnDef.builder("author", DataType.UINT64).unique().references("users", "id"))
        .index("by_title_author", true, "title", "author")
        .index("by_note", false, "note")
        .build();
  }

  @Test
  void codecRoundTripsAndIsDeterministic() {
    TableDef t = posts();
    byte[] bytes = SchemaCodec.encode(t);
    assertArrayEquals(bytes, SchemaCodec.encode(posts()));
    TableDef back = SchemaCodec.decode(bytes);
    assertEquals(t, back);
    assertEquals("9.90", ((DecimalValue) back.column("price").defaultValue().get()).text());
    assertEquals(0, back.primaryKeyIndex());
    assertEquals(DataType.DECIMAL, back.columnTypes().get(2));
  }

  @Test
  void corruptStoredDefinitionsAreMemoryErrors() {
    byte[] bytes = SchemaCodec.encode(posts());
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] prefix = Arrays.copyOf(bytes, cut);
      assertThrows(MemoryException.class, () -> SchemaCodec.decode(prefix));
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThrows(MemoryException.class, () -> SchemaCodec.decode(longer));
    byte[] version = bytes.clone();
    version[0] = 2;
    assertThrows(MemoryException.class, () -> SchemaCodec.decode(version));
    // Flip every bit of every byte: each result decodes to some valid definition or is refused
    // as a memory error; nothing else may escape.
    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = bytes.clone();
        flipped[i] ^= (byte) (1 << bit);
        try {
          SchemaCodec.decode(flipped);
        } catch (MemoryException expected) {
          // refused cleanly
        }
      }
    }
  }

  @Test
  void definitionsAreValidated() {
    assertThrows(
        ConstraintViolationException.class, () -> ColumnDef.builder("", DataType.INT8).build());
    assertThrows(
        ConstraintViolationException.class,
        () -> ColumnDef.builder("x".repeat(256), DataType.INT8).build());
    ColumnDef.builder("\u00e9".repeat(127), DataType.INT8).build();
    assertThrows(
        ConstraintViolationException.class,
        () -> ColumnDef.builder("\u00e9".repeat(128), DataType.INT8).build());
    assertThrows(
        InvalidQueryException.class,
        () -> ColumnDef.builder("a", DataType.TEXT).autoIncrement().build());
    assertThrows(
        InvalidQueryException.class,
        () -> ColumnDef.builder("a", DataType.INT64).defaultValue(new Int32Value(1)).build());
    assertThrows(
        InvalidQueryException.class,
        () -> ColumnDef.builder("a", DataType.INT64).defaultValue(NullValue.INSTANCE).build());
    assertThrows(
        InvalidQueryException.class,
        () -> ColumnDef.builder("a", DataType.INT64).primaryKey().nullable().build());
    ColumnDef pk = ColumnDef.builder("id", DataType.INT32).primaryKey().build();
    ColumnDef other = ColumnDef.builder("v", DataType.INT32).build();
    assertThrows(InvalidQueryException.class, () -> TableDef.builder("t").column(other).build());
    assertThrows(
        InvalidQueryException.class, () -> TableDef.builder("t").column(pk).column(pk).build());
    assertThrows(
        InvalidQueryException.class,
        () ->
            TableDef.builder("t")
                .column(pk)
                .column(ColumnDef.builder("id2", DataType.INT32).primaryKey())
                .build());
    assertThrows(
        UnknownColumnException.class,
        () -> TableDef.builder("t").column(pk).index("i", false, "nope").build());
    assertThrows(
        InvalidQueryException.class,
        () ->
            TableDef.builder("t")
                .column(pk)
                .index("i", false, "id")
                .index("i", true, "id")
                .build());
    assertThrows(
        InvalidQueryException.class,
        () -> TableDef.builder("t").column(pk).index("i", false, "id", "id").build());
    assertThrows(UnknownColumnException.class, () -> posts().column("nope"));
    assertEquals(-1, posts().columnIndex("nope"));
  }
}
