package org.wasmdbms.host.abi;

import com.dylibso.chicory.runtime.Memory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.row.ColumnValue;
import org.wasmdbms.api.row.Row;
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
import org.wasmdbms.host.model.AggregateFunction;
import org.wasmdbms.host.model.AggregatedRow;
import org.wasmdbms.host.model.AggregatedValue;

/**
 * Lifts values out of guest memory. Every pointer and length is checked against the memory's size
 * and the type's alignment, every discriminant against its case count, every string is strict
 * UTF-8, and text-carried values must parse; a violation is a {@link GuestFault}.
 */
final class Lifting {
  /** The {@code dbms-error} case names in declaration order. */
  private static final List<String> ERROR_CASES =
      List.of(
          "table-not-found",
          "primary-key-conflict",
          "unique-constraint-violation",
          "broken-foreign-key-reference",
          "foreign-key-constraint-violation",
          "unknown-column",
          "missing-non-nullable-field",
          "transaction-not-found",
          "invalid-query",
          "constraint-violation",
          "sanitization-error",
          "validation-error",
          "memory-error",
          "migration-error",
          "internal-error");

  private final Memory memory;

  Lifting(Memory memory) {
    this.memory = memory;
  }

  /** A lifted {@code result<T, dbms-error>}: either a value or the error, not yet thrown. */
  record Outcome<T>(T value, DbmsException error) {}

  /** Reads one value of a known type at an address that is already checked. */
  interface Reader<T> {
    T read(int at);
  }

  /** Lifts the result of {@code function} at {@code at}; {@code ok} reads the ok payload. */
  <T> Outcome<T> result(DatabaseFunction function, int at, Reader<T> ok) {
    WitType type = function.result();
    check(at, type.size(), type.alignment());
    int payload = at + type.payloadOffset();
    return switch (discriminant(type, at)) {
      case 0 -> new Outcome<>(ok == null ? null : ok.read(payload), null);
      default -> new Outcome<>(null, error(payload));
    };
  }

  private DbmsException error(int at) {
    WitType type = DatabaseTypes.DBMS_ERROR;
    int discriminant = discriminant(type, at);
    ErrorKind kind = errorKind(ERROR_CASES.get(discriminant));
    String detail = type.parts().get(discriminant) == null ? "" : string(at + type.payloadOffset());
    return DbmsException.of(kind, detail);
  }

  private static ErrorKind errorKind(String witName) {
    for (ErrorKind kind : ErrorKind.values()) {
      if (kind.witName().equals(witName)) {
        return kind;
      }
    }
    throw new IllegalStateException("the api has no error kind for " + witName);
  }

  /** Reads a {@code u64}. */
  long u64(int at) {
    return memory.readLong(at);
  }

  /** Reads a {@code list<row>}. */
  List<Row> rows(int at) {
    return list(at, DatabaseTypes.ROW, this::row);
  }

  /** Reads a {@code row}. */
  Row row(int at) {
    return Row.of(list(at, DatabaseTypes.COLUMN_VALUE, this::column));
  }

  /** Reads a {@code list<aggregated-row>}. */
  List<AggregatedRow> aggregatedRows(int at) {
    return list(at, DatabaseTypes.AGGREGATED_ROW, this::aggregatedRow);
  }

  private AggregatedRow aggregatedRow(int at) {
    WitType type = DatabaseTypes.AGGREGATED_ROW;
    return new AggregatedRow(
        list(at + type.fieldOffset(0), DatabaseTypes.VALUE, this::value),
        list(at + type.fieldOffset(1), DatabaseTypes.AGGREGATED_VALUE, this::aggregatedValue));
  }

  private AggregatedValue aggregatedValue(int at) {
    WitType type = DatabaseTypes.AGGREGATED_VALUE;
    AggregateFunction.Kind kind = AggregateFunction.Kind.values()[discriminant(type, at)];
    int payload = at + type.payloadOffset();
    Value value =
        kind == AggregateFunction.Kind.COUNT
            ? new Uint64Value(memory.readLong(payload))
            : value(payload);
    return new AggregatedValue(kind, value);
  }

  private ColumnValue column(int at) {
    WitType type = DatabaseTypes.COLUMN_VALUE;
    return new ColumnValue(string(at + type.fieldOffset(0)), value(at + type.fieldOffset(1)));
  }

  private Value value(int at) {
    int payload = at + DatabaseTypes.VALUE.payloadOffset();
    ValueCase valueCase = ValueCase.ofDiscriminant(discriminant(DatabaseTypes.VALUE, at));
    try {
      return switch (valueCase) {
        case BOOL -> new BooleanValue(memory.read(payload) != 0);
        case U8 -> new Uint8Value(memory.read(payload) & 0xFF);
        case U16 -> new Uint16Value(memory.readShort(payload) & 0xFFFF);
        case U32 -> new Uint32Value(memory.readInt(payload) & 0xFFFFFFFFL);
        case U64 -> new Uint64Value(memory.readLong(payload));
        case S8 -> new Int8Value(memory.read(payload));
        case S16 -> new Int16Value(memory.readShort(payload));
        case S32 -> new Int32Value(memory.readInt(payload));
        case S64 -> new Int64Value(memory.readLong(payload));
        case F32 -> new Float32Value(memory.readFloat(payload));
        case F64 -> new Float64Value(memory.readDouble(payload));
        case TEXT -> new TextValue(string(payload));
        case BLOB -> new BlobValue(bytes(payload));
        case DECIMAL -> DecimalValue.parse(string(payload));
        case DATE -> DateValue.parse(string(payload));
        case DATETIME -> DateTimeValue.parse(string(payload));
        case JSON -> new JsonValue(string(payload));
        case UUID -> UuidValue.parse(string(payload));
        case NULL -> NullValue.INSTANCE;
      };
    } catch (DbmsException e) {
      throw new GuestFault("the guest returned a malformed " + valueCase + " value", e);
    }
  }

  /** Reads a {@code string}: strict UTF-8. */
  String string(int at) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes(at)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new GuestFault("the guest returned a string that is not UTF-8", e);
    }
  }

  private byte[] bytes(int at) {
    int address = memory.readInt(at);
    int length = memory.readInt(at + 4);
    check(address, length & 0xFFFFFFFFL, 1);
    return memory.readBytes(address, length);
  }

  private <T> List<T> list(int at, WitType elementType, Reader<T> element) {
    int address = memory.readInt(at);
    long length = memory.readInt(at + 4) & 0xFFFFFFFFL;
    check(address, length * elementType.size(), elementType.alignment());
    List<T> items = new ArrayList<>((int) length);
    for (int i = 0; i < length; i++) {
      items.add(element.read(address + i * elementType.size()));
    }
    return items;
  }

  private int discriminant(WitType variant, int at) {
    int discriminant =
        switch (variant.discriminantSize()) {
          case 1 -> memory.read(at) & 0xFF;
          case 2 -> memory.readShort(at) & 0xFFFF;
          default -> memory.readInt(at);
        };
    if (discriminant < 0 || discriminant >= variant.caseCount()) {
      throw new GuestFault("discriminant " + discriminant + " out of range at " + at);
    }
    return discriminant;
  }

  /** Checks that {@code length} bytes at {@code address} lie in memory, aligned. */
  private void check(int address, long length, int alignment) {
    long start = address & 0xFFFFFFFFL;
    long size = memory.pages() * (long) Memory.PAGE_SIZE;
    if (start % alignment != 0 || start + length > size) {
      throw new GuestFault(
          length + " bytes at " + start + " (alignment " + alignment + ") are outside memory");
    }
  }
}
