package org.wasmdbms.api.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;

class CodecTest {
  static final List<Value> SAMPLES =
      List.of(
          new Int8Value(Byte.MIN_VALUE),
          new Int16Value(Short.MAX_VALUE),
          new Int32Value(-1),
          new Int64Value(Long.MIN_VALUE),
          new Uint8Value(255),
          new Uint16Value(65535),
          new Uint32Value(0xFFFFFFFFL),
          new Uint64Value(-1L),
          new Float32Value(-0.0f),
          new Float64Value(Double.NaN),
          DecimalValue.parse("-123456789012345678901234567890.000123"),
          new BooleanValue(true),
          new DateValue(9999, 12, 31),
          new DateTimeValue(2024, 2, 29, 23, 59, 59, 999_999, -1439),
          new TextValue("h\u00e9\u0000\ud83d\ude00"),
          new BlobValue(new byte[] {0, -1, 0}),
          new JsonValue("{\"a\":[1,2,{\"b\":null}]}"),
          UuidValue.parse("ffffffff-0000-0000-0000-000000000001"));

  @Test
  void everyTypeRoundTrips() {
    for (Value v : SAMPLES) {
      byte[] bytes = ValueCodec.encode(v.type(), v);
      assertEquals(v, ValueCodec.decode(v.type(), bytes), v.toString());
    }
  }

  @Test
  void fixedWidthsAreLittleEndian() {
    assertArrayEquals(
        new byte[] {1, 0, 0, 0}, ValueCodec.encode(DataType.INT32, new Int32Value(1)));
    assertArrayEquals(
        new byte[] {(byte) 0xE8, 7, 6, 15},
        ValueCodec.encode(DataType.DATE, new DateValue(2024, 6, 15)));
    assertArrayEquals(
        new byte[] {2, 0, 0, 0, 'h', 'i'}, ValueCodec.encode(DataType.TEXT, new TextValue("hi")));
  }

  @Test
  void wrongTypeIsRefused() {
    assertThrows(
        InvalidQueryException.class, () -> ValueCodec.encode(DataType.INT64, new Int32Value(1)));
    assertThrows(
        InvalidQueryException.class, () -> ValueCodec.encode(DataType.TEXT, NullValue.INSTANCE));
  }

  @Test
  void everyTruncationAndCorruptionIsAMemoryError() {
    for (Value v : SAMPLES) {
      byte[] bytes = ValueCodec.encode(v.type(), v);
      for (int cut = 0; cut < bytes.length; cut++) {
        byte[] prefix = Arrays.copyOf(bytes, cut);
        assertThrows(MemoryException.class, () -> ValueCodec.decode(v.type(), prefix));
      }
      byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
      assertThrows(MemoryException.class, () -> ValueCodec.decode(v.type(), longer));
    }
    assertThrows(MemoryException.class, () -> ValueCodec.decode(DataType.BOOLEAN, new byte[] {2}));
    assertThrows(
        MemoryException.class, () -> ValueCodec.decode(DataType.DATE, new byte[] {1, 0, 2, 30}));
    assertThrows(
        MemoryException.class,
        () ->
            ValueCodec.decode(
                DataType.TEXT, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}));
    assertThrows(
        MemoryException.class,
        () -> ValueCodec.decode(DataType.TEXT, new byte[] {2, 0, 0, 0, (byte) 0xC0, (byte) 0x80}));
    assertThrows(
        MemoryException.class,
        () -> ValueCodec.decode(DataType.JSON, new byte[] {1, 0, 0, 0, '{'}));
    assertThrows(MemoryException.class, () -> ValueCodec.decode(DataType.UINT8, new byte[] {}));
  }

  @Test
  void rowsRoundTripWithNullBitmap() {
    List<DataType> types = new ArrayList<>();
    List<Value> row = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      Value v = SAMPLES.get(i);
      types.add(v.type());
      row.add(i % 3 == 0 ? NullValue.INSTANCE : v);
    }
    byte[] bytes = RowCodec.encode(types, row);
    assertEquals(11, bytes[0]);
    assertEquals(0b01001001, bytes[2]); // columns 0, 3, 6 null
    assertEquals(0b00000010, bytes[3]); // column 9 null
    assertEquals(row, RowCodec.decode(types, bytes));
    for (int cut = 0; cut < bytes.length; cut++) {
      byte[] prefix = Arrays.copyOf(bytes, cut);
      assertThrows(MemoryException.class, () -> RowCodec.decode(types, prefix));
    }
    byte[] stray = bytes.clone();
    stray[3] |= (byte) 0x80;
    assertThrows(MemoryException.class, () -> RowCodec.decode(types, stray));
    assertThrows(MemoryException.class, () -> RowCodec.decode(types.subList(0, 10), bytes));
    assertThrows(MemoryException.class, () -> RowCodec.decode(types, bytes, 5, bytes.length));
    assertThrows(InvalidQueryException.class, () -> RowCodec.encode(types, row.subList(0, 3)));
  }

  /**
   * A scan that filtered a row and then returns it decodes the filtered columns once: the full
   * decode takes the values the filter's decode made (the same objects) and reads only the others.
   */
  @Test
  void aFullDecodeReusesTheColumnsAFilterDecoded() {
    List<DataType> types = new ArrayList<>();
    List<Value> row = new ArrayList<>();
    for (int i = 0; i < SAMPLES.size(); i++) {
      types.add(SAMPLES.get(i).type());
      row.add(i % 5 == 2 ? NullValue.INSTANCE : SAMPLES.get(i));
    }
    byte[] bytes = RowCodec.encode(types, row);
    boolean[] needed = new boolean[types.size()];
    needed[1] = needed[2] = needed[14] = true;
    Value[] filtered = RowCodec.decodeColumns(types, bytes, 0, bytes.length, needed);
    Value[] full = RowCodec.decodeArray(types, bytes, 0, bytes.length, filtered);
    assertEquals(row, Arrays.asList(full));
    assertSame(filtered[1], full[1]);
    assertSame(filtered[14], full[14]);
    assertNotSame(RowCodec.decodeArray(types, bytes)[14], full[14]);
    assertEquals(row, Arrays.asList(RowCodec.decodeArray(types, bytes, 0, bytes.length, null)));
    byte[] stray = bytes.clone();
    stray[bytes.length - 1] ^= (byte) 0xFF;
    Value[] known = RowCodec.decodeColumns(types, stray, 0, stray.length, needed);
    assertThrows(
        MemoryException.class,
        () -> RowCodec.decodeArray(types, stray, 0, stray.length - 1, known));
  }

  @Test
  void decimalEncodingKeepsScale() {
    DecimalValue d = new DecimalValue(new BigDecimal("10.50"));
    assertEquals(
        "10.50",
        ((DecimalValue) ValueCodec.decode(DataType.DECIMAL, ValueCodec.encode(DataType.DECIMAL, d)))
            .text());
  }
}
