package org.wasmdbms.api.row;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;

/** {@link Row}: its columns by position agree with its column list, and bad positions fail. */
class RowTest {
  @Test
  void columnsByPositionMatchTheColumnList() {
    Row row = Row.builder().set("id", new Uint32Value(7)).set("name", null).build();
    assertEquals(2, row.size());
    for (int i = 0; i < row.size(); i++) {
      assertEquals(row.columns().get(i).name(), row.name(i));
      assertEquals(row.columns().get(i).value(), row.value(i));
    }
    assertEquals(NullValue.INSTANCE, row.value(1));
    Row shared = Row.of(List.of("a"), new TextValue[] {new TextValue("x")});
    assertEquals("a", shared.name(0));
    assertEquals(new TextValue("x"), shared.value(0));
  }

  @Test
  void aPositionOutsideTheRowIsRefused() {
    Row row = Row.builder().set("id", new Uint32Value(7)).build();
    assertThrows(IndexOutOfBoundsException.class, () -> row.name(1));
    assertThrows(IndexOutOfBoundsException.class, () -> row.value(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> row.value(1));
  }
}
