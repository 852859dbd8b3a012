package org.wasmdbms.wit;

import static org.wasmdbms.wit.Layout.AGGREGATED_ROW_KEYS;
import static org.wasmdbms.wit.Layout.AGGREGATED_ROW_VALUES;
import static org.wasmdbms.wit.Layout.AGGREGATED_VALUE_PAYLOAD;
import static org.wasmdbms.wit.Layout.AGGREGATE_FUNCTION_PAYLOAD;
import static org.wasmdbms.wit.Layout.COLUMN_NAME;
import static org.wasmdbms.wit.Layout.COLUMN_VALUE_AT;
import static org.wasmdbms.wit.Layout.ERROR_PAYLOAD;
import static org.wasmdbms.wit.Layout.OPTION_STRING_PAYLOAD;
import static org.wasmdbms.wit.Layout.OPTION_U64_PAYLOAD;
import static org.wasmdbms.wit.Layout.ORDER_KEY_COLUMN;
import static org.wasmdbms.wit.Layout.ORDER_KEY_DIRECTION;
import static org.wasmdbms.wit.Layout.QUERY_DISTINCT_BY;
import static org.wasmdbms.wit.Layout.QUERY_EAGER_RELATIONS;
import static org.wasmdbms.wit.Layout.QUERY_FILTER;
import static org.wasmdbms.wit.Layout.QUERY_GROUP_BY;
import static org.wasmdbms.wit.Layout.QUERY_HAVING;
import static org.wasmdbms.wit.Layout.QUERY_JOINS;
import static org.wasmdbms.wit.Layout.QUERY_LIMIT;
import static org.wasmdbms.wit.Layout.QUERY_OFFSET;
import static org.wasmdbms.wit.Layout.QUERY_ORDER_BY;
import static org.wasmdbms.wit.Layout.STRING_SIZE;
import static org.wasmdbms.wit.Layout.VALUE_PAYLOAD;

import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.AggregatedValue;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.BlobValue;
import org.wasmdbms.api.value.BooleanValue;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int16Value;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.Int8Value;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint16Value;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.api.value.UuidValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueText;

/**
 * Lowers the types of {@code wit/dbms.wit} into memory by the canonical ABI, with the layouts of
 * {@link DbmsTypes}: the host lowers a call's arguments with it, the guest its results. Each method
 * writes the value's fixed-size part at {@code at} of {@code out} and everything it points to into
 * {@code out.heap()}. Stateless.
 */
public final class Lower {
  private Lower() {}

  /**
   * Starts a {@code result} of type {@code result} in {@code out}: allocates its area, writes the
   * case ({@code ok} or error).
   *
   * @return the address of the payload
   */
  public static int result(AbiWriter out, WitType result, boolean ok) {
    int area = out.allocate(result.size(), result.alignment());
    out.u8(area, ok ? 0 : 1);
    return area + result.payloadOffset();
  }

  /** The case of {@code value} among the enum's {@code cases}. */
  public static <T> void enumCase(AbiWriter out, int at, List<T> cases, T value) {
    out.u8(at, cases.indexOf(value));
  }

  /** A {@code list<u8>} (or a string's bytes): the bytes in the heap, (pointer, length) at at. */
  public static void bytes(AbiWriter out, int at, byte[] data) {
    AbiWriter heap = out.heap();
    int address = heap.allocate(data.length, 1);
    heap.copy(address, data);
    out.pointer(at, address);
    out.u32(at + 4, data.length);
  }

  /**
   * A {@code string} in UTF-8, encoded straight into the heap (no array per string).
   *
   * @throws org.wasmdbms.api.error.InvalidQueryException if the text holds an unpaired surrogate
   * @throws MemoryException if its UTF-8 form is 2 GiB or more
   */
  public static void string(AbiWriter out, int at, String text) {
    long placed = out.heap().placeString(text);
    out.pointer(at, AbiWriter.placedAddress(placed));
    out.u32(at + 4, AbiWriter.placedLength(placed));
  }

  /** An {@code option<string>}: none for null. */
  public static void optionString(AbiWriter out, int at, String text) {
    out.u8(at, text == null ? 0 : 1);
    if (text != null) {
      string(out, at + OPTION_STRING_PAYLOAD, text);
    }
  }

  /** An {@code option<u64>}: none for null. */
  public static void optionU64(AbiWriter out, int at, Long value) {
    out.u8(at, value == null ? 0 : 1);
    if (value != null) {
      out.u64(at + OPTION_U64_PAYLOAD, value);
    }
  }

  /**
   * Allocates the elements of a list of {@code count} {@code element}s in the heap and writes
   * (pointer, count) at {@code at}.
   *
   * @return the address of the first element
   */
  static int list(AbiWriter out, int at, int count, WitType element) {
    int address = out.heap().allocate((long) count * element.size(), element.alignment());
    out.pointer(at, address);
    out.u32(at + 4, count);
    return address;
  }

  /** A {@code list<string>}. */
  public static void strings(AbiWriter out, int at, List<String> strings) {
    int address = list(out, at, strings.size(), WitType.STRING);
    for (int i = 0; i < strings.size(); i++) {
      string(out.heap(), address + i * STRING_SIZE, strings.get(i));
    }
  }

  /** A {@code value}. */
  public static void value(AbiWriter out, int at, Value value) {
    ValueCase kind = ValueCase.of(value);
    int payload = at + VALUE_PAYLOAD;
    out.u8(at, kind.ordinal());
    switch (kind) {
      case BOOL -> out.u8(payload, ((BooleanValue) value).value() ? 1 : 0);
      case U8 -> out.u8(payload, ((Uint8Value) value).value());
      case U16 -> out.u16(payload, ((Uint16Value) value).value());
      case U32 -> out.u32(payload, (int) ((Uint32Value) value).value());
      case U64 -> out.u64(payload, ((Uint64Value) value).value());
      case S8 -> out.u8(payload, ((Int8Value) value).value());
      case S16 -> out.u16(payload, ((Int16Value) value).value());
      case S32 -> out.u32(payload, ((Int32Value) value).value());
      case S64 -> out.u64(payload, ((Int64Value) value).value());
      case F32 -> out.u32(payload, Float.floatToRawIntBits(((Float32Value) value).value()));
      case F64 -> out.u64(payload, Double.doubleToRawLongBits(((Float64Value) value).value()));
      case TEXT -> string(out, payload, ((TextValue) value).value());
      case BLOB -> bytes(out, payload, ((BlobValue) value).bytes());
      case DECIMAL -> string(out, payload, ((DecimalValue) value).text());
      case DATE, DATETIME -> string(out, payload, ValueText.display(value));
      case JSON -> string(out, payload, ((JsonValue) value).text());
      case UUID -> string(out, payload, ((UuidValue) value).text());
      case NULL -> {
        // No payload.
      }
    }
  }

  /** A {@code row}: its column values in the row's order. */
  public static void row(AbiWriter out, int at, Row row) {
    row(out, at, row, null, null);
  }

  /**
   * A {@code row}; a column whose name is that of the same column of the previous row (kept in
   * {@code names}, with where its bytes are in {@code placed}) points at the previous row's bytes
   * instead of encoding the name again: a select's rows all have the same names.
   */
  private static void row(AbiWriter out, int at, Row row, String[] names, long[] placed) {
    WitType element = DbmsTypes.COLUMN_VALUE;
    int size = row.size();
    int address = list(out, at, size, element);
    AbiWriter heap = out.heap();
    for (int i = 0; i < size; i++) {
      int column = address + i * element.size();
      String name = row.name(i);
      boolean known = names != null && i < names.length;
      long bytes;
      if (known && sameName(names[i], name)) {
        bytes = placed[i];
      } else {
        bytes = heap.heap().placeString(name);
        if (known) {
          names[i] = name;
          placed[i] = bytes;
        }
      }
      heap.pointer(column + COLUMN_NAME, AbiWriter.placedAddress(bytes));
      heap.u32(column + COLUMN_NAME + 4, AbiWriter.placedLength(bytes));
      value(heap, column + COLUMN_VALUE_AT, row.value(i));
    }
  }

  private static boolean sameName(String previous, String name) {
    return previous == name || (previous != null && previous.equals(name));
  }

  /** A {@code list<row>}: the rows' column names are written once per column, see {@link #row}. */
  public static void rows(AbiWriter out, int at, List<Row> rows) {
    int address = list(out, at, rows.size(), DbmsTypes.ROW);
    int columns = rows.isEmpty() ? 0 : rows.get(0).size();
    String[] names = new String[columns];
    long[] placed = new long[columns];
    for (int i = 0; i < rows.size(); i++) {
      row(out.heap(), address + i * DbmsTypes.ROW.size(), rows.get(i), names, placed);
    }
  }

  /** A {@code list<order-key>}. */
  public static void orderKeys(AbiWriter out, int at, List<OrderKey> keys) {
    WitType element = DbmsTypes.ORDER_KEY;
    int address = list(out, at, keys.size(), element);
    AbiWriter heap = out.heap();
    for (int i = 0; i < keys.size(); i++) {
      int key = address + i * element.size();
      string(heap, key + ORDER_KEY_COLUMN, keys.get(i).column());
      enumCase(
          heap, key + ORDER_KEY_DIRECTION, DbmsTypes.ORDER_DIRECTIONS, keys.get(i).direction());
    }
  }

  /** A {@code query}. */
  public static void query(AbiWriter out, int at, WitQuery query) {
    optionString(out, at + QUERY_FILTER, query.filter());
    strings(out, at + QUERY_DISTINCT_BY, query.distinctBy());
    strings(out, at + QUERY_EAGER_RELATIONS, query.eagerRelations());
    strings(out, at + QUERY_JOINS, query.joins());
    strings(out, at + QUERY_GROUP_BY, query.groupBy());
    optionString(out, at + QUERY_HAVING, query.having());
    orderKeys(out, at + QUERY_ORDER_BY, query.orderBy());
    optionU64(out, at + QUERY_LIMIT, query.limit());
    optionU64(out, at + QUERY_OFFSET, query.offset());
  }

  /** A {@code list<aggregate-function>}. */
  public static void aggregateFunctions(AbiWriter out, int at, List<AggregateFunction> functions) {
    WitType element = DbmsTypes.AGGREGATE_FUNCTION;
    int address = list(out, at, functions.size(), element);
    AbiWriter heap = out.heap();
    for (int i = 0; i < functions.size(); i++) {
      int function = address + i * element.size();
      AggregateFunction.Kind kind = functions.get(i).kind();
      heap.u8(function, kind.ordinal());
      int payload = function + AGGREGATE_FUNCTION_PAYLOAD;
      if (kind == AggregateFunction.Kind.COUNT) {
        optionString(heap, payload, functions.get(i).column());
      } else {
        string(heap, payload, functions.get(i).column());
      }
    }
  }

  /** A {@code list<aggregated-row>}: per group its keys, then one result per function. */
  public static void aggregatedRows(AbiWriter out, int at, List<AggregatedRow> rows) {
    WitType element = DbmsTypes.AGGREGATED_ROW;
    WitType valueType = DbmsTypes.AGGREGATED_VALUE;
    int address = list(out, at, rows.size(), element);
    AbiWriter heap = out.heap();
    for (int i = 0; i < rows.size(); i++) {
      int row = address + i * element.size();
      List<Value> keys = rows.get(i).groupKeys();
      int keysAddress = list(heap, row + AGGREGATED_ROW_KEYS, keys.size(), DbmsTypes.VALUE);
      for (int k = 0; k < keys.size(); k++) {
        value(heap.heap(), keysAddress + k * DbmsTypes.VALUE.size(), keys.get(k));
      }
      List<AggregatedValue> values = rows.get(i).values();
      int valuesAddress = list(heap, row + AGGREGATED_ROW_VALUES, values.size(), valueType);
      for (int v = 0; v < values.size(); v++) {
        int value = valuesAddress + v * valueType.size();
        AggregatedValue result = values.get(v);
        heap.heap().u8(value, result.kind().ordinal());
        if (result.kind() == AggregateFunction.Kind.COUNT) {
          heap.heap().u64(value + AGGREGATED_VALUE_PAYLOAD, ((Uint64Value) result.value()).value());
        } else {
          value(heap.heap(), value + AGGREGATED_VALUE_PAYLOAD, result.value());
        }
      }
    }
  }

  /** A {@code dbms-error}: the case of the exception's kind and its detail. */
  public static void error(AbiWriter out, int at, DbmsException error) {
    ErrorKind kind = error.kind();
    out.u8(at, kind.ordinal());
    if (DbmsTypes.carriesDetail(kind)) {
      string(out, at + ERROR_PAYLOAD, error.detail());
    }
  }
}
