package org.wasmdbms.wit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.SerializationConflictException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.transaction.Isolation;
import org.wasmdbms.api.value.BlobValue;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DateTimeValue;
import org.wasmdbms.api.value.DateValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int16Value;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.Int8Value;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint16Value;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.api.value.UuidValue;
import org.wasmdbms.api.value.Value;

/**
 * {@link Lower} then {@link Lift} gives back what went in, for every value case and every type the
 * interface passes, and the bytes sit where the canonical ABI puts them.
 */
class LiftLowerTest {
  private final ByteMemory memory = new ByteMemory();

  /** One value of every case, in case order. */
  static final List<Value> EVERY_CASE =
      List.of(
          new BooleanValue(true),
          new Uint8Value(255),
          new Uint16Value(65535),
          new Uint32Value(4_294_967_295L),
          new Uint64Value(-1L),
          new Int8Value((byte) -128),
          new Int16Value((short) -32768),
          new Int32Value(Integer.MIN_VALUE),
          new Int64Value(Long.MIN_VALUE),
          new Float32Value(-1.5f),
          new Float64Value(Math.PI),
          new TextValue("héllo ✓"),
          new BlobValue(new byte[] {0, 1, (byte) 0xFF}),
          new DecimalValue(new BigDecimal("-12.50")),
          DateValue.parse("2024-06-15"),
          DateTimeValue.parse("2024-06-15T10:30:00.000001+02:00"),
          new JsonValue("{\"a\":[1,2]}"),
          UuidValue.parse("123e4567-e89b-12d3-a456-426614174000"),
          NullValue.INSTANCE);

  @Test
  void everyValueCaseRoundTripsAtItsDiscriminant() {
    assertEquals(ValueCase.values().length, EVERY_CASE.size());
    for (int i = 0; i < EVERY_CASE.size(); i++) {
      Value value = EVERY_CASE.get(i);
      int at = memory.writer.allocate(DbmsTypes.VALUE.size(), DbmsTypes.VALUE.alignment());
      Lower.value(memory.writer, at, value);
      assertEquals(i, memory.reader.u8(at), value.toString());
      Value back = Lift.value(memory.reader, at, "value");
      if (value instanceof BlobValue blob) {
        assertArrayEquals(blob.bytes(), ((BlobValue) back).bytes());
      } else {
        assertEquals(value, back);
      }
    }
  }

  @Test
  void rowsRoundTrip() {
    Row first = Row.builder().set("id", new Uint32Value(1)).set("name", new TextValue("A")).build();
    Row second = Row.builder().set("n", NullValue.INSTANCE).build();
    int at = memory.writer.allocate(8, 4);
    Lower.rows(memory.writer, at, List.of(first, second, Row.builder().build()));
    List<Row> rows = Lift.rows(memory.reader, at, "rows");
    assertEquals(List.of(first, second, Row.builder().build()), rows);
    int list = memory.reader.i32(at);
    int columns = memory.reader.i32(list);
    assertEquals(2, memory.reader.i32(list + 4), "first row: two columns");
    assertEquals(DbmsTypes.VALUE.payloadOffset(), 8);
    assertEquals(ValueCase.U32.ordinal(), memory.reader.u8(columns + 8), "value after the name");
  }

  @Test
  void aQueryRoundTripsFieldForField() {
    WitQuery query =
        new WitQuery(
            "{\"IsNull\":\"a\"}",
            List.of("a"),
            List.of("b", "c"),
            List.of("{\"join_type\":\"Inner\"}"),
            List.of("d"),
            null,
            List.of(
                new OrderKey("a", OrderDirection.DESCENDING),
                new OrderKey("b", OrderDirection.ASCENDING)),
            10L,
            null);
    int at = memory.writer.allocate(DbmsTypes.QUERY.size(), DbmsTypes.QUERY.alignment());
    Lower.query(memory.writer, at, query);
    assertEquals(query, Lift.query(memory.reader, at));
    assertEquals(1, memory.reader.u8(at + DbmsTypes.QUERY.fieldOffset(7)), "limit is some");
    assertEquals(10L, memory.reader.i64(at + 72));
  }

  @Test
  void aggregateFunctionsRoundTrip() {
    List<AggregateFunction> functions =
        List.of(
            AggregateFunction.countRows(),
            new AggregateFunction(AggregateFunction.Kind.COUNT, "a"),
            AggregateFunction.of(AggregateFunction.Kind.MAX, "b"));
    int at = memory.writer.allocate(8, 4);
    Lower.aggregateFunctions(memory.writer, at, functions);
    assertEquals(functions, Lift.aggregateFunctions(memory.reader, at));
  }

  @Test
  void everyErrorKindRoundTripsWithItsDetailIfItCarriesOne() {
    for (ErrorKind kind : ErrorKind.values()) {
      int at = memory.writer.allocate(DbmsTypes.DBMS_ERROR.size(), 4);
      Lower.error(memory.writer, at, DbmsException.of(kind, "why"));
      DbmsException back = Lift.error(memory.reader, at);
      assertEquals(kind, back.kind());
      assertEquals(DbmsTypes.carriesDetail(kind) ? "why" : "", back.detail());
    }
  }

  @Test
  void aSerializationConflictIsTheLastErrorCaseAndComesBackAsItsException() {
    int at = memory.writer.allocate(DbmsTypes.DBMS_ERROR.size(), 4);
    Lower.error(memory.writer, at, new SerializationConflictException("users 7"));
    assertEquals(DbmsTypes.DBMS_ERROR.caseCount() - 1, memory.reader.u8(at));
    assertEquals(15, memory.reader.u8(at), "the older cases keep discriminants 0 to 14");
    DbmsException back = Lift.error(memory.reader, at);
    assertInstanceOf(SerializationConflictException.class, back);
    assertEquals("users 7", back.detail());
  }

  @Test
  void isolationsCrossAsTheirCaseNumbersAndAnUnknownCaseIsRefused() {
    int at = memory.writer.allocate(1, 1);
    Lower.enumCase(memory.writer, at, DbmsTypes.ISOLATIONS, Isolation.SNAPSHOT);
    assertEquals(1, memory.reader.u8(at));
    assertEquals(
        Isolation.SNAPSHOT,
        Lift.enumCase(memory.reader, 1, DbmsTypes.ISOLATION, DbmsTypes.ISOLATIONS, "isolation"));
    assertEquals(
        Isolation.READ_COMMITTED,
        Lift.enumCase(memory.reader, 0, DbmsTypes.ISOLATION, DbmsTypes.ISOLATIONS, "isolation"));
    InvalidQueryException unknown =
        assertThrows(
            InvalidQueryException.class,
            () ->
                Lift.enumCase(
                    memory.reader, 2, DbmsTypes.ISOLATION, DbmsTypes.ISOLATIONS, "isolation"));
    assertTrue(unknown.detail().contains("isolation: no isolation case 2"), unknown.detail());
  }

  @Test
  void aResultStartsWithItsCaseAndPutsThePayloadAfterIt() {
    int payload = Lower.result(memory.writer, DbmsFunction.UPDATE.result(), true);
    memory.writer.u64(payload, 7);
    int area = payload - 8;
    assertEquals(0, Lift.discriminant(memory.reader, area, DbmsFunction.UPDATE.result(), "r"));
    assertEquals(7, memory.reader.i64(area + 8));
  }

  @Test
  void badDataIsReportedToTheReader() {
    int at = memory.writer.allocate(DbmsTypes.VALUE.size(), 8);
    memory.writer.u8(at, 99);
    InvalidQueryException e =
        assertThrows(InvalidQueryException.class, () -> Lift.value(memory.reader, at, "v"));
    assertTrue(e.detail().contains("no value case 99"), e.detail());
    Lower.string(memory.writer, at + 8, "x");
    memory.writer.u8(memory.reader.i32(at + 8), 0xFF);
    DbmsException utf8 =
        assertThrows(DbmsException.class, () -> Lift.string(memory.reader, at + 8, "text"));
    assertInstanceOf(InvalidQueryException.class, utf8);
    assertTrue(utf8.detail().contains("not valid UTF-8"), utf8.detail());
  }
}
