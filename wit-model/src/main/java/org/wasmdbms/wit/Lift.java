package org.wasmdbms.wit;

import static org.wasmdbms.wit.Layout.AGGREGATED_ROW_KEYS;
import static org.wasmdbms.wit.Layout.AGGREGATED_ROW_VALUES;
import static org.wasmdbms.wit.Layout.AGGREGATED_VALUE_PAYLOAD;
import static org.wasmdbms.wit.Layout.AGGREGATE_FUNCTION_PAYLOAD;
import static org.wasmdbms.wit.Layout.COLUMN_NAME;
import static org.wasmdbms.wit.Layout.COLUMN_VALUE_AT;
import static org.wasmdbms.wit.Layout.ERROR_PAYLOAD;
import static org.wasmdbms.wit.Layout.OPTION_STRING;
import static org.wasmdbms.wit.Layout.OPTION_STRING_PAYLOAD;
import static org.wasmdbms.wit.Layout.OPTION_U64;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.AggregatedValue;
import org.wasmdbms.api.query.OrderKey;
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

/**
 * Lifts the types of {@code wit/dbms.wit} out of memory by the canonical ABI, with the layouts of
 * {@link DbmsTypes}: the guest lifts its arguments with it, the host the guest's results. Bad data
 * goes to {@link AbiReader#fail} and yields a placeholder (an empty string, {@link
 * NullValue#INSTANCE}, an empty list), so a guest reading on after a problem never faults.
 *
 * <p>Methods named after a type read the value at {@code at}; those taking a discriminant, address
 * or length take the flat form a function parameter arrives in. Stateless.
 */
public final class Lift {
  private static final ErrorKind[] ERROR_KINDS = ErrorKind.values();
  private static final AggregateFunction.Kind[] AGGREGATES = AggregateFunction.Kind.values();
  private static final int COUNT = AggregateFunction.Kind.COUNT.ordinal();

  private Lift() {}

  /**
   * The case number of {@code variant} at {@code at}, or -1 after {@link AbiReader#fail} if it is
   * out of range.
   */
  public static int discriminant(AbiReader in, int at, WitType variant, String what) {
    int discriminant =
        switch (variant.discriminantSize()) {
          case 1 -> in.u8(at);
          case 2 -> in.u16(at);
          default -> in.i32(at);
        };
    return checkCase(in, discriminant, variant, what);
  }

  /**
   * {@code discriminant} if {@code variant} has that case, else -1 after {@link AbiReader#fail}.
   */
  public static int checkCase(AbiReader in, int discriminant, WitType variant, String what) {
    if (discriminant < 0 || discriminant >= variant.caseCount()) {
      in.fail(new InvalidQueryException(what + ": no " + variant + " case " + discriminant));
      return -1;
    }
    return discriminant;
  }

  /**
   * The case of an enum given as its discriminant, as the api value in {@code cases}; 0th if bad.
   */
  public static <T> T enumCase(
      AbiReader in, int discriminant, WitType enumeration, List<T> cases, String what) {
    return cases.get(Math.max(0, checkCase(in, discriminant, enumeration, what)));
  }

  /** A {@code string} given as (address, length): strict UTF-8. */
  public static String string(AbiReader in, int address, int length, String what) {
    byte[] bytes = in.bytes(address, length, what);
    if (in.discarding()) {
      return "";
    }
    try {
      return in.utf8(bytes);
    } catch (MemoryException malformed) {
      in.fail(new InvalidQueryException(what + " is not valid UTF-8: " + malformed.detail()));
      return "";
    }
  }

  /** The {@code string} at {@code at}. */
  public static String string(AbiReader in, int at, String what) {
    return string(in, in.i32(at), in.i32(at + 4), what);
  }

  /**
   * An {@code option<string>} in flat form: null for none. A case out of range still reads (and so
   * lets the guest free) the string before it is reported.
   */
  public static String optionString(
      AbiReader in, int discriminant, int address, int length, String what) {
    if (discriminant == 0) {
      return null;
    }
    String text = string(in, address, length, what);
    checkCase(in, discriminant, OPTION_STRING, what);
    return text;
  }

  /** The {@code option<string>} at {@code at}: null for none. */
  public static String optionString(AbiReader in, int at, String what) {
    int payload = at + OPTION_STRING_PAYLOAD;
    return optionString(in, in.u8(at), in.i32(payload), in.i32(payload + 4), what);
  }

  /** An {@code option<u64>} in flat form: null for none. */
  public static Long optionU64(AbiReader in, int discriminant, long value, String what) {
    return checkCase(in, discriminant, OPTION_U64, what) == 1 ? value : null;
  }

  /** The {@code option<u64>} at {@code at}: null for none. */
  public static Long optionU64(AbiReader in, int at, String what) {
    return optionU64(in, in.u8(at), in.i64(at + OPTION_U64_PAYLOAD), what);
  }

  /** The {@code list<string>} at {@code at}. */
  public static List<String> strings(AbiReader in, int at, String what) {
    int address = in.i32(at);
    int length = in.i32(at + 4);
    if (length == 0) {
      // Most of a query's lists are empty: no list object for them.
      return WitQuery.none();
    }
    List<String> strings = new ArrayList<>();
    if (in.list(address, length, WitType.STRING, what)) {
      for (int i = 0; i < length; i++) {
        String text = string(in, address + i * STRING_SIZE, what);
        if (!in.discarding()) {
          strings.add(text);
        }
      }
      in.endList(address);
    }
    return strings;
  }

  /** The {@code value} at {@code at}. */
  public static Value value(AbiReader in, int at, String what) {
    int discriminant = discriminant(in, at, DbmsTypes.VALUE, what);
    if (discriminant < 0) {
      return NullValue.INSTANCE;
    }
    ValueCase kind = ValueCase.of(discriminant);
    int payload = at + VALUE_PAYLOAD;
    String text = kind.payload() == WitType.STRING ? string(in, payload, what) : null;
    byte[] blob =
        kind == ValueCase.BLOB ? in.bytes(in.i32(payload), in.i32(payload + 4), what) : null;
    if (in.discarding()) {
      return NullValue.INSTANCE;
    }
    try {
      return switch (kind) {
        case BOOL -> new BooleanValue(in.u8(payload) != 0);
        case U8 -> new Uint8Value(in.u8(payload));
        case U16 -> new Uint16Value(in.u16(payload));
        case U32 -> new Uint32Value(in.i32(payload) & 0xFFFFFFFFL);
        case U64 -> new Uint64Value(in.i64(payload));
        case S8 -> new Int8Value((byte) in.u8(payload));
        case S16 -> new Int16Value((short) in.u16(payload));
        case S32 -> new Int32Value(in.i32(payload));
        case S64 -> new Int64Value(in.i64(payload));
        case F32 -> new Float32Value(Float.intBitsToFloat(in.i32(payload)));
        case F64 -> new Float64Value(Double.longBitsToDouble(in.i64(payload)));
        case TEXT -> new TextValue(text);
        case BLOB -> new BlobValue(blob);
        case DECIMAL -> DecimalValue.parse(text);
        case DATE -> DateValue.parse(text);
        case DATETIME -> DateTimeValue.parse(text);
        case JSON -> new JsonValue(text);
        case UUID -> UuidValue.parse(text);
        case NULL -> NullValue.INSTANCE;
      };
    } catch (DbmsException malformed) {
      in.fail(malformed);
      return NullValue.INSTANCE;
    }
  }

  /**
   * The {@code row} of {@code length} columns at {@code address}; a discarding reader gives an
   * empty row.
   */
  public static Row row(AbiReader in, int address, int length, String what) {
    return row(in, address, length, what, null);
  }

  /**
   * A row; when every column name has the address and length of the same column of the previous row
   * ({@code previous}, if any), the guest wrote the names once (as {@link Lower#rows} does) and the
   * row shares the previous row's list of names instead of decoding them again.
   */
  private static Row row(AbiReader in, int address, int length, String what, RowNames previous) {
    WitType element = DbmsTypes.COLUMN_VALUE;
    if (!in.list(address, length, element, what)) {
      return Row.builder().build();
    }
    Value[] values = new Value[length];
    boolean shared = previous != null && previous.names.size() == length;
    String[] names = null;
    int[] places = null;
    for (int i = 0; i < length; i++) {
      int column = address + i * element.size();
      int nameAt = in.i32(column + COLUMN_NAME);
      int nameLength = in.i32(column + COLUMN_NAME + 4);
      if (shared
          && (previous.places[2 * i] != nameAt || previous.places[2 * i + 1] != nameLength)) {
        shared = false;
      }
      if (!shared) {
        if (names == null) {
          names = new String[length];
          places = new int[2 * length];
          for (int k = 0; k < i; k++) {
            names[k] = previous.names.get(k);
          }
          if (i > 0) {
            System.arraycopy(previous.places, 0, places, 0, 2 * i);
          }
        }
        // Constant descriptions: building one per column would cost two strings per value read.
        names[i] = string(in, nameAt, nameLength, "row column name");
        places[2 * i] = nameAt;
        places[2 * i + 1] = nameLength;
      }
      values[i] = value(in, column + COLUMN_VALUE_AT, "row column value");
    }
    in.endList(address);
    if (in.discarding()) {
      return Row.builder().build();
    }
    if (names == null) {
      return Row.of(previous.names, values);
    }
    List<String> list = Collections.unmodifiableList(Arrays.asList(names));
    if (previous != null) {
      previous.names = list;
      previous.places = places;
    }
    return Row.of(list, values);
  }

  /** The column names of the row lifted last, and where their bytes were (address, length). */
  private static final class RowNames {
    private List<String> names = List.of();
    private int[] places = new int[0];
  }

  /** The {@code row} at {@code at}. */
  public static Row row(AbiReader in, int at, String what) {
    return row(in, in.i32(at), in.i32(at + 4), what);
  }

  /** The {@code list<row>} at {@code at}: rows with the same names share one list of them. */
  public static List<Row> rows(AbiReader in, int at, String what) {
    int address = in.i32(at);
    int length = in.i32(at + 4);
    List<Row> rows = new ArrayList<>();
    if (in.list(address, length, DbmsTypes.ROW, what)) {
      RowNames names = new RowNames();
      for (int i = 0; i < length; i++) {
        int row = address + i * DbmsTypes.ROW.size();
        rows.add(row(in, in.i32(row), in.i32(row + 4), what, names));
      }
      in.endList(address);
    }
    return rows;
  }

  /** The {@code list<order-key>} at {@code at}. */
  public static List<OrderKey> orderKeys(AbiReader in, int at) {
    WitType element = DbmsTypes.ORDER_KEY;
    int address = in.i32(at);
    int length = in.i32(at + 4);
    if (length == 0) {
      return WitQuery.none();
    }
    List<OrderKey> keys = new ArrayList<>();
    if (in.list(address, length, element, "order-by")) {
      for (int i = 0; i < length; i++) {
        int key = address + i * element.size();
        String column = string(in, key + ORDER_KEY_COLUMN, "order-by column");
        OrderKey orderKey =
            new OrderKey(
                column,
                enumCase(
                    in,
                    in.u8(key + ORDER_KEY_DIRECTION),
                    DbmsTypes.ORDER_DIRECTION,
                    DbmsTypes.ORDER_DIRECTIONS,
                    "order-by direction"));
        if (!in.discarding()) {
          keys.add(orderKey);
        }
      }
      in.endList(address);
    }
    return keys;
  }

  /** The {@code query} at {@code at}. */
  public static WitQuery query(AbiReader in, int at) {
    return new WitQuery(
        optionString(in, at + QUERY_FILTER, "filter"),
        strings(in, at + QUERY_DISTINCT_BY, "distinct-by"),
        strings(in, at + QUERY_EAGER_RELATIONS, "eager-relations"),
        strings(in, at + QUERY_JOINS, "joins"),
        strings(in, at + QUERY_GROUP_BY, "group-by"),
        optionString(in, at + QUERY_HAVING, "having"),
        orderKeys(in, at + QUERY_ORDER_BY),
        optionU64(in, at + QUERY_LIMIT, "limit"),
        optionU64(in, at + QUERY_OFFSET, "offset"));
  }

  /** The {@code list<aggregate-function>} at {@code at}. */
  public static List<AggregateFunction> aggregateFunctions(AbiReader in, int at) {
    WitType element = DbmsTypes.AGGREGATE_FUNCTION;
    int address = in.i32(at);
    int length = in.i32(at + 4);
    List<AggregateFunction> functions = new ArrayList<>();
    if (in.list(address, length, element, "aggregates")) {
      for (int i = 0; i < length; i++) {
        int function = address + i * element.size();
        int kind = discriminant(in, function, element, "aggregates");
        int payload = function + AGGREGATE_FUNCTION_PAYLOAD;
        String column =
            kind == COUNT
                ? optionString(in, payload, "count column")
                : string(in, payload, "aggregate column");
        if (!in.discarding()) {
          functions.add(new AggregateFunction(AGGREGATES[kind], column));
        }
      }
      in.endList(address);
    }
    return functions;
  }

  /** The {@code list<aggregated-row>} at {@code at}. */
  public static List<AggregatedRow> aggregatedRows(AbiReader in, int at) {
    WitType element = DbmsTypes.AGGREGATED_ROW;
    WitType valueType = DbmsTypes.AGGREGATED_VALUE;
    int address = in.i32(at);
    int length = in.i32(at + 4);
    List<AggregatedRow> rows = new ArrayList<>();
    if (in.list(address, length, element, "aggregated rows")) {
      for (int i = 0; i < length; i++) {
        int row = address + i * element.size();
        List<Value> keys = new ArrayList<>();
        int keysAddress = in.i32(row + AGGREGATED_ROW_KEYS);
        int keysLength = in.i32(row + AGGREGATED_ROW_KEYS + 4);
        if (in.list(keysAddress, keysLength, DbmsTypes.VALUE, "group keys")) {
          for (int k = 0; k < keysLength; k++) {
            keys.add(value(in, keysAddress + k * DbmsTypes.VALUE.size(), "group key"));
          }
          in.endList(keysAddress);
        }
        List<AggregatedValue> values = new ArrayList<>();
        int valuesAddress = in.i32(row + AGGREGATED_ROW_VALUES);
        int valuesLength = in.i32(row + AGGREGATED_ROW_VALUES + 4);
        if (in.list(valuesAddress, valuesLength, valueType, "aggregated values")) {
          for (int v = 0; v < valuesLength; v++) {
            int value = valuesAddress + v * valueType.size();
            int kind = Math.max(0, discriminant(in, value, valueType, "aggregated value"));
            int payload = value + AGGREGATED_VALUE_PAYLOAD;
            values.add(
                new AggregatedValue(
                    AGGREGATES[kind],
                    kind == COUNT
                        ? new Uint64Value(in.i64(payload))
                        : value(in, payload, "result")));
          }
          in.endList(valuesAddress);
        }
        rows.add(new AggregatedRow(keys, values));
      }
      in.endList(address);
    }
    return rows;
  }

  /** The {@code dbms-error} at {@code at}, as the api's exception for its case. */
  public static DbmsException error(AbiReader in, int at) {
    int discriminant = Math.max(0, discriminant(in, at, DbmsTypes.DBMS_ERROR, "dbms-error"));
    ErrorKind kind = ERROR_KINDS[discriminant];
    String detail =
        DbmsTypes.carriesDetail(kind) ? string(in, at + ERROR_PAYLOAD, "error detail") : "";
    return DbmsException.of(kind, detail);
  }
}
