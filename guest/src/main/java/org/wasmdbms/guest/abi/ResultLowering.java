package org.wasmdbms.guest.abi;

import java.util.List;
import org.wasmdbms.api.error.DbmsException;
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
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint16Value;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Uint8Value;
import org.wasmdbms.api.value.UuidValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueText;

/**
 * Lowers the results of the {@code database} exports into a {@link ResultWriter}, following the
 * canonical ABI's memory layout. Every result is a {@code result<T, dbms-error>} returned through a
 * return area at offset 0:
 *
 * <ul>
 *   <li>{@code result<list<row>, dbms-error>}, {@code result<row, dbms-error>} and {@code result<_,
 *       dbms-error>}: 16 bytes, aligned to 4: the discriminant ({@code 0} ok, {@code 1} error) at
 *       0, the payload at 4 (a list is pointer and length; the error as below).
 *   <li>{@code result<u64, dbms-error>}: 24 bytes, aligned to 8: the discriminant at 0, the payload
 *       at 8.
 *   <li>{@code dbms-error}: 12 bytes, aligned to 4: its case at 0 (see {@link WitErrors}), the
 *       detail string (pointer, length) at 4 for every case that carries one.
 *   <li>{@code row}: a list of {@code column-value} records of 24 bytes, aligned to 8: the name
 *       string at 0, the {@code value} at 8 (see {@link ValueCase}).
 * </ul>
 */
public final class ResultLowering {
  private static final int OK = 0;
  private static final int ERR = 1;
  private static final int LIST_SIZE = 8;
  private static final int COLUMN_VALUE_SIZE = 24;
  private static final int COLUMN_VALUE_VALUE = 8;

  private ResultLowering() {}

  /** Writes {@code ok(rows)} of a {@code result<list<row>, dbms-error>}. */
  public static void rows(ResultWriter out, List<Row> rows) {
    int area = out.reserve(16, 4);
    out.u8(area, OK);
    int list = out.reserve((long) rows.size() * LIST_SIZE, 4);
    out.pointer(area + 4, list);
    out.i32(area + 8, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      row(out, list + i * LIST_SIZE, rows.get(i));
    }
  }

  /** Writes {@code ok(row)} of a {@code result<row, dbms-error>}. */
  public static void row(ResultWriter out, Row row) {
    int area = out.reserve(16, 4);
    out.u8(area, OK);
    row(out, area + 4, row);
  }

  /** Writes {@code ok(value)} of a {@code result<u64, dbms-error>}. */
  public static void u64(ResultWriter out, long value) {
    int area = out.reserve(24, 8);
    out.u8(area, OK);
    out.i64(area + 8, value);
  }

  /** Writes {@code ok} of a {@code result<_, dbms-error>}. */
  public static void unit(ResultWriter out) {
    int area = out.reserve(16, 4);
    out.u8(area, OK);
  }

  /**
   * Writes {@code err(error)} of a result whose payload sits at {@code payloadOffset} (4, or 8 for
   * {@code result<u64, dbms-error>}).
   */
  public static void error(ResultWriter out, int payloadOffset, DbmsException error) {
    int area = out.reserve(payloadOffset == 8 ? 24 : 16, payloadOffset);
    out.u8(area, ERR);
    int at = area + payloadOffset;
    out.u8(at, WitErrors.caseOf(error.kind()));
    if (WitErrors.carriesDetail(error.kind())) {
      out.string(at + 4, error.detail());
    }
  }

  private static void row(ResultWriter out, int at, Row row) {
    List<ColumnValue> columns = row.columns();
    int list = out.reserve((long) columns.size() * COLUMN_VALUE_SIZE, 8);
    out.pointer(at, list);
    out.i32(at + 4, columns.size());
    for (int i = 0; i < columns.size(); i++) {
      int element = list + i * COLUMN_VALUE_SIZE;
      out.string(element, columns.get(i).name());
      value(out, element + COLUMN_VALUE_VALUE, columns.get(i).value());
    }
  }

  private static void value(ResultWriter out, int at, Value value) {
    int payload = at + ValueCase.PAYLOAD;
    if (value.isNull()) {
      out.u8(at, ValueCase.NULL);
    } else if (value instanceof BooleanValue v) {
      out.u8(at, ValueCase.BOOL);
      out.u8(payload, v.value() ? 1 : 0);
    } else if (value instanceof Uint8Value v) {
      out.u8(at, ValueCase.U8);
      out.u8(payload, v.value());
    } else if (value instanceof Uint16Value v) {
      out.u8(at, ValueCase.U16);
      out.i16(payload, v.value());
    } else if (value instanceof Uint32Value v) {
      out.u8(at, ValueCase.U32);
      out.i32(payload, (int) v.value());
    } else if (value instanceof Uint64Value v) {
      out.u8(at, ValueCase.U64);
      out.i64(payload, v.value());
    } else if (value instanceof Int8Value v) {
      out.u8(at, ValueCase.I8);
      out.u8(payload, v.value());
    } else if (value instanceof Int16Value v) {
      out.u8(at, ValueCase.I16);
      out.i16(payload, v.value());
    } else if (value instanceof Int32Value v) {
      out.u8(at, ValueCase.I32);
      out.i32(payload, v.value());
    } else if (value instanceof Int64Value v) {
      out.u8(at, ValueCase.I64);
      out.i64(payload, v.value());
    } else if (value instanceof Float32Value v) {
      out.u8(at, ValueCase.F32);
      out.i32(payload, Float.floatToRawIntBits(v.value()));
    } else if (value instanceof Float64Value v) {
      out.u8(at, ValueCase.F64);
      out.i64(payload, Double.doubleToRawLongBits(v.value()));
    } else if (value instanceof TextValue v) {
      out.u8(at, ValueCase.TEXT);
      out.string(payload, v.value());
    } else if (value instanceof BlobValue v) {
      out.u8(at, ValueCase.BLOB);
      out.byteList(payload, v.bytes());
    } else if (value instanceof DecimalValue v) {
      out.u8(at, ValueCase.DECIMAL);
      out.string(payload, v.text());
    } else if (value instanceof DateValue || value instanceof DateTimeValue) {
      out.u8(at, value instanceof DateValue ? ValueCase.DATE : ValueCase.DATETIME);
      out.string(payload, ValueText.display(value));
    } else if (value instanceof JsonValue v) {
      out.u8(at, ValueCase.JSON);
      out.string(payload, v.text());
    } else {
      out.u8(at, ValueCase.UUID);
      out.string(payload, ((UuidValue) value).text());
    }
  }
}
