package org.wasmdbms.api.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;

class ValuesTest {
  private static int sign(Value a, Value b) {
    return Integer.signum(Values.compare(a, b));
  }

  @Test
  void integersCompareByValueAcrossWidthsAndSignedness() {
    assertEquals(0, sign(new Int8Value((byte) 5), new Uint64Value(5)));
    assertEquals(-1, sign(new Int64Value(-1), new Uint8Value(0)));
    assertEquals(1, sign(new Uint64Value(-1L), new Int64Value(Long.MAX_VALUE)));
    assertEquals(1, sign(new Uint64Value(Long.MIN_VALUE), new Uint32Value(0xFFFFFFFFL)));
    assertEquals(-1, sign(new Int64Value(Long.MIN_VALUE), new Int8Value(Byte.MIN_VALUE)));
    assertEquals(0, sign(new Int16Value((short) -300), new Int32Value(-300)));
  }

  @Test
  void nullsSortFirst() {
    assertEquals(-1, sign(NullValue.INSTANCE, new Int8Value(Byte.MIN_VALUE)));
    assertEquals(1, sign(new TextValue(""), NullValue.INSTANCE));
    assertEquals(0, sign(NullValue.INSTANCE, NullValue.INSTANCE));
  }

  @Test
  void floatsUseTotalOrder() {
    assertEquals(-1, sign(new Float64Value(-0.0), new Float64Value(0.0)));
    assertEquals(1, sign(new Float64Value(Double.NaN), new Float64Value(Double.POSITIVE_INFINITY)));
    assertEquals(-1, sign(new Float64Value(Double.NEGATIVE_INFINITY), new Float32Value(-3e38f)));
    assertEquals(0, sign(new Float32Value(1.5f), new Float64Value(1.5)));
    assertEquals(-1, sign(new Float64Value(-2), new Float64Value(-1)));
  }

  @Test
  void textSortsByCodePointNotUtf16() {
    // U+FFFD is below U+1F600 by code point, although its UTF-16 unit is above a surrogate.
    assertEquals(-1, sign(new TextValue("\ufffd"), new TextValue("\ud83d\ude00")));
    assertEquals(-1, sign(new TextValue("a"), new TextValue("a\u0000")));
    assertEquals(-1, sign(new TextValue("B"), new TextValue("a")));
  }

  @Test
  void othersByValueOrChronology() {
    assertEquals(0, sign(DecimalValue.parse("10.50"), DecimalValue.parse("10.5")));
    assertEquals(-1, sign(DecimalValue.parse("-10.5"), DecimalValue.parse("-10.49")));
    assertEquals(-1, sign(new BlobValue(new byte[] {1}), new BlobValue(new byte[] {(byte) 0x80})));
    assertEquals(-1, sign(new DateValue(2023, 12, 31), new DateValue(2024, 1, 1)));
    // 10:00 at +02:00 is 08:00 UTC, before 09:00 UTC.
    DateTimeValue east = new DateTimeValue(2024, 1, 1, 10, 0, 0, 0, 120);
    DateTimeValue utc = new DateTimeValue(2024, 1, 1, 9, 0, 0, 0, 0);
    assertEquals(-1, sign(east, utc));
    assertEquals(-1, sign(new BooleanValue(false), new BooleanValue(true)));
  }

  @Test
  void incomparableTypesAreInvalidQueries() {
    assertThrows(
        InvalidQueryException.class, () -> Values.compare(new TextValue("1"), new Int32Value(1)));
    assertThrows(
        InvalidQueryException.class, () -> Values.compare(new Float64Value(1), new Int32Value(1)));
    assertThrows(
        InvalidQueryException.class,
        () -> Values.compare(new DateValue(2024, 1, 1), new JsonValue("1")));
  }

  @Test
  void coercionChecksRanges() {
    assertEquals(new Int8Value((byte) -1), Values.coerce(new Int64Value(-1), DataType.INT8));
    assertEquals(new Uint64Value(-1L), Values.coerce(new Uint64Value(-1L), DataType.UINT64));
    assertThrows(
        InvalidQueryException.class, () -> Values.coerce(new Int64Value(-1), DataType.UINT64));
    assertThrows(
        InvalidQueryException.class, () -> Values.coerce(new Uint64Value(-1L), DataType.INT64));
    assertThrows(
        InvalidQueryException.class, () -> Values.coerce(new Int32Value(128), DataType.INT8));
    assertThrows(
        InvalidQueryException.class,
        () -> Values.coerce(new Uint32Value(0x1_0000L), DataType.UINT16));
    assertEquals(new Float64Value(0.5), Values.coerce(new Float32Value(0.5f), DataType.FLOAT64));
    assertThrows(
        InvalidQueryException.class, () -> Values.coerce(new TextValue("1"), DataType.INT32));
    assertTrue(Values.coerce(NullValue.INSTANCE, DataType.TEXT).isNull());
  }

  @Test
  void unsignedHelpers() {
    assertEquals("18446744073709551615", Unsigned.toString(-1L));
    assertEquals("9223372036854775808", Unsigned.toString(Long.MIN_VALUE));
    assertEquals(-1L, Unsigned.parse("18446744073709551615"));
    assertEquals(Long.MIN_VALUE, Unsigned.parse("9223372036854775808"));
    assertThrows(InvalidQueryException.class, () -> Unsigned.parse("18446744073709551616"));
    assertThrows(InvalidQueryException.class, () -> Unsigned.parse("1x"));
    assertTrue(Unsigned.compare(-1L, 1L) > 0);
    for (long v : new long[] {0, 9, 10, 1234567890123L, Long.MAX_VALUE, -2, -10, -11}) {
      assertEquals(v, Unsigned.parse(Unsigned.toString(v)));
    }
  }

  @Test
  void datesAreValidatedByHand() {
    new DateValue(2024, 2, 29);
    new DateValue(2000, 2, 29);
    assertThrows(InvalidQueryException.class, () -> new DateValue(1900, 2, 29));
    assertThrows(InvalidQueryException.class, () -> new DateValue(2023, 2, 29));
    assertThrows(InvalidQueryException.class, () -> new DateValue(2023, 4, 31));
    assertThrows(InvalidQueryException.class, () -> new DateValue(2023, 13, 1));
    assertThrows(InvalidQueryException.class, () -> new DateValue(0, 1, 1));
    assertEquals(0, new DateValue(1970, 1, 1).epochDay());
    assertEquals(19723, new DateValue(2024, 1, 1).epochDay());
    assertEquals(-719162, new DateValue(1, 1, 1).epochDay());
    assertThrows(InvalidQueryException.class, () -> new DateTimeValue(2024, 1, 1, 24, 0, 0, 0, 0));
    assertThrows(
        InvalidQueryException.class, () -> new DateTimeValue(2024, 1, 1, 0, 0, 0, 1_000_000, 0));
    assertThrows(
        InvalidQueryException.class, () -> new DateTimeValue(2024, 1, 1, 0, 0, 0, 0, 1440));
    assertEquals(
        1_704_067_200_000_001L - 3_600_000_000L,
        new DateTimeValue(2024, 1, 1, 0, 0, 0, 1, 60).epochMicros());
  }

  @Test
  void epochDayMatchesDayCounting() {
    // Walk day by day over four centuries and check the count never skips or repeats.
    long expected = new DateValue(1899, 12, 31).epochDay();
    for (int year = 1900; year < 2300; year++) {
      for (int month = 1; month <= 12; month++) {
        for (int day = 1; day <= DateValue.daysInMonth(year, month); day++) {
          expected++;
          assertEquals(expected, new DateValue(year, month, day).epochDay());
        }
      }
    }
  }

  @Test
  void decimalLimitsAndCanonicalText() {
    assertEquals("-19.90", DecimalValue.parse("-19.90").text());
    assertEquals("1000", new DecimalValue(new BigDecimal("1E+3")).text());
    for (String bad : new String[] {"", "-", "1.", ".5", "1e5", "+1", "1.2.3", "--1"}) {
      assertThrows(InvalidQueryException.class, () -> DecimalValue.parse(bad), bad);
    }
    assertThrows(
        org.wasmdbms.api.error.ConstraintViolationException.class,
        () -> new DecimalValue(new BigDecimal("1E-1001")));
  }

  @Test
  void uuidTextRoundTrips() {
    UuidValue u = UuidValue.parse("123E4567-E89B-12d3-a456-426614174000");
    assertEquals("123e4567-e89b-12d3-a456-426614174000", u.text());
    assertEquals(u, UuidValue.parse(u.text()));
    for (String bad :
        new String[] {
          "", "123e4567e89b12d3a456426614174000", "123e4567-e89b-12d3-a456-42661417400g"
        }) {
      assertThrows(InvalidQueryException.class, () -> UuidValue.parse(bad), bad);
    }
  }

  @Test
  void blobsAndTextAreImmutableAndBounded() {
    byte[] b = {1, 2};
    BlobValue blob = new BlobValue(b);
    b[0] = 9;
    assertEquals(1, blob.byteAt(0));
    blob.bytes()[1] = 9;
    assertEquals(2, blob.byteAt(1));
    assertThrows(
        org.wasmdbms.api.error.ConstraintViolationException.class,
        () -> new BlobValue(new byte[ValueCodec.MAX_VARIABLE_BYTES + 1]));
    assertThrows(InvalidQueryException.class, () -> new TextValue("a\ud800"));
    assertThrows(InvalidQueryException.class, () -> new JsonValue("{\"a\":}"));
  }
}
