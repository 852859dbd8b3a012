package org.wasmdbms.guest;

import com.dylibso.chicory.runtime.Memory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
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
import org.wasmdbms.api.value.ValueText;

/**
 * A minimal host side of the canonical ABI for the guest's {@code database} interface, written
 * independently of the guest's code from the WIT file: lowers arguments into guest memory through
 * {@code cabi_realloc}, calls the export, lifts the result, calls {@code cabi_post_*}. An {@code
 * err} result is thrown as the matching {@link DbmsException} (detail "" for cases without one).
 */
final class GuestClient {
  static final String INTERFACE = "wasm-dbms:dbms/database@0.1.0#";

  /** The {@code dbms-error} cases in WIT declaration order. */
  private static final ErrorKind[] ERROR_CASES = {
    ErrorKind.TABLE_NOT_FOUND,
    ErrorKind.PRIMARY_KEY_CONFLICT,
    ErrorKind.UNIQUE_CONSTRAINT_VIOLATION,
    ErrorKind.BROKEN_FOREIGN_KEY_REFERENCE,
    ErrorKind.FOREIGN_KEY_CONSTRAINT_VIOLATION,
    ErrorKind.UNKNOWN_COLUMN,
    ErrorKind.MISSING_NON_NULLABLE_FIELD,
    ErrorKind.TRANSACTION_NOT_FOUND,
    ErrorKind.INVALID_QUERY,
    ErrorKind.CONSTRAINT_VIOLATION,
    ErrorKind.SANITIZATION_ERROR,
    ErrorKind.VALIDATION_ERROR,
    ErrorKind.MEMORY_ERROR,
    ErrorKind.MIGRATION_ERROR,
    ErrorKind.INTERNAL_ERROR
  };

  /** The WIT {@code query} record. */
  record WitQuery(
      String filter,
      List<String> distinctBy,
      List<String> eagerRelations,
      List<String> joins,
      List<String> groupBy,
      String having,
      List<OrderKey> orderBy,
      Long limit,
      Long offset) {
    static WitQuery all() {
      return new WitQuery(
          null, List.of(), List.of(), List.of(), List.of(), null, List.of(), null, null);
    }

    static WitQuery filtered(String filter) {
      return new WitQuery(
          filter, List.of(), List.of(), List.of(), List.of(), null, List.of(), null, null);
    }
  }

  private final GuestInstance guest;
  private final Memory memory;

  GuestClient(GuestInstance guest) {
    this.guest = guest;
    this.memory = guest.memory();
  }

  GuestInstance guest() {
    return guest;
  }

  // ---- calls ----

  List<Row> select(String table, WitQuery query, Long tx) {
    int params = allocate(120, 8);
    writeString(params, table);
    writeQuery(params + 8, query);
    writeOptionU64(params + 104, tx);
    int result = (int) guest.call(INTERFACE + "select", params)[0];
    return finish(
        "select", result, 4, () -> rows(memory.readInt(result + 4), memory.readInt(result + 8)));
  }

  void aggregate(String table, WitQuery query, List<String> sumColumns, Long tx) {
    int params = allocate(128, 8);
    writeString(params, table);
    writeQuery(params + 8, query);
    int list = allocate(16 * sumColumns.size(), 4);
    for (int i = 0; i < sumColumns.size(); i++) {
      memory.writeByte(list + i * 16, (byte) 1);
      writeString(list + i * 16 + 4, sumColumns.get(i));
    }
    memory.writeI32(params + 104, list);
    memory.writeI32(params + 108, sumColumns.size());
    writeOptionU64(params + 112, tx);
    int result = (int) guest.call(INTERFACE + "aggregate", params)[0];
    finish("aggregate", result, 4, () -> null);
  }

  Row insert(String table, Row values, Long tx) {
    long[] t = string(table);
    long[] r = row(values);
    int result =
        (int)
            guest
                .call(
                    INTERFACE + "insert",
                    t[0],
                    t[1],
                    r[0],
                    r[1],
                    tx == null ? 0 : 1,
                    tx == null ? 0 : tx)[0];
    return finish("insert", result, 4, () -> readRow(result + 4));
  }

  long update(String table, Row values, String filter, Long tx) {
    long[] t = string(table);
    long[] r = row(values);
    long[] f = filter == null ? new long[] {0, 0} : string(filter);
    int result =
        (int)
            guest
                .call(
                    INTERFACE + "update",
                    t[0],
                    t[1],
                    r[0],
                    r[1],
                    filter == null ? 0 : 1,
                    f[0],
                    f[1],
                    tx == null ? 0 : 1,
                    tx == null ? 0 : tx)[0];
    return finish("update", result, 8, () -> memory.readLong(result + 8));
  }

  long delete(String table, DeleteBehavior behavior, String filter, Long tx) {
    long[] t = string(table);
    long[] f = filter == null ? new long[] {0, 0} : string(filter);
    int result =
        (int)
            guest
                .call(
                    INTERFACE + "delete",
                    t[0],
                    t[1],
                    behavior == DeleteBehavior.RESTRICT ? 0 : 1,
                    filter == null ? 0 : 1,
                    f[0],
                    f[1],
                    tx == null ? 0 : 1,
                    tx == null ? 0 : tx)[0];
    return finish("delete", result, 8, () -> memory.readLong(result + 8));
  }

  long begin() {
    int result = (int) guest.call(INTERFACE + "begin-transaction")[0];
    return finish("begin-transaction", result, 8, () -> memory.readLong(result + 8));
  }

  void commit(long tx) {
    int result = (int) guest.call(INTERFACE + "commit", tx)[0];
    finish("commit", result, 4, () -> null);
  }

  void rollback(long tx) {
    int result = (int) guest.call(INTERFACE + "rollback", tx)[0];
    finish("rollback", result, 4, () -> null);
  }

  // ---- results ----

  interface Lift<T> {
    T lift();
  }

  /**
   * Lifts a {@code result<T, dbms-error>} at {@code result}, whose payload is at {@code
   * payloadOffset}, then calls {@code cabi_post_<function>}.
   */
  <T> T finish(String function, int result, int payloadOffset, Lift<T> ok) {
    try {
      int discriminant = memory.read(result);
      if (discriminant == 0) {
        return ok.lift();
      }
      if (discriminant != 1) {
        throw new AssertionError("result discriminant " + discriminant);
      }
      throw error(result + payloadOffset);
    } finally {
      guest.call("cabi_post_" + INTERFACE + function, result);
    }
  }

  private DbmsException error(int at) {
    int kase = memory.read(at) & 0xFF;
    ErrorKind kind = ERROR_CASES[kase];
    boolean detail =
        kind != ErrorKind.PRIMARY_KEY_CONFLICT && kind != ErrorKind.TRANSACTION_NOT_FOUND;
    return DbmsException.of(kind, detail ? readString(at + 4) : "");
  }

  private List<Row> rows(int list, int length) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      rows.add(readRow(list + i * 8));
    }
    return rows;
  }

  private Row readRow(int at) {
    int list = memory.readInt(at);
    int length = memory.readInt(at + 4);
    List<ColumnValue> columns = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      int element = list + i * 24;
      columns.add(new ColumnValue(readString(element), readValue(element + 8)));
    }
    return Row.of(columns);
  }

  private Value readValue(int at) {
    int p = at + 8;
    return switch (memory.read(at)) {
      case 0 -> new BooleanValue(memory.read(p) != 0);
      case 1 -> new Uint8Value(memory.read(p) & 0xFF);
      case 2 -> new Uint16Value(memory.readShort(p) & 0xFFFF);
      case 3 -> new Uint32Value(memory.readInt(p) & 0xFFFFFFFFL);
      case 4 -> new Uint64Value(memory.readLong(p));
      case 5 -> new Int8Value(memory.read(p));
      case 6 -> new Int16Value(memory.readShort(p));
      case 7 -> new Int32Value(memory.readInt(p));
      case 8 -> new Int64Value(memory.readLong(p));
      case 9 -> new Float32Value(memory.readFloat(p));
      case 10 -> new Float64Value(memory.readDouble(p));
      case 11 -> new TextValue(readString(p));
      case 12 -> new BlobValue(memory.readBytes(memory.readInt(p), memory.readInt(p + 4)));
      case 13 -> DecimalValue.parse(readString(p));
      case 14 -> DateValue.parse(readString(p));
      case 15 -> DateTimeValue.parse(readString(p));
      case 16 -> new JsonValue(readString(p));
      case 17 -> UuidValue.parse(readString(p));
      case 18 -> NullValue.INSTANCE;
      default -> throw new AssertionError("value case " + memory.read(at));
    };
  }

  String readString(int at) {
    return new String(
        memory.readBytes(memory.readInt(at), memory.readInt(at + 4)), StandardCharsets.UTF_8);
  }

  // ---- arguments ----

  int allocate(int size, int align) {
    return (int) guest.call("cabi_realloc", 0, 0, align, size)[0];
  }

  /** Copies {@code bytes} into a fresh buffer: (pointer, length). */
  long[] bytes(byte[] bytes) {
    int address = allocate(bytes.length, 1);
    memory.write(address, bytes);
    return new long[] {address, bytes.length};
  }

  long[] string(String text) {
    return bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private void writeString(int at, String text) {
    long[] s = string(text);
    memory.writeI32(at, (int) s[0]);
    memory.writeI32(at + 4, (int) s[1]);
  }

  private void writeOptionString(int at, String text) {
    memory.writeByte(at, (byte) (text == null ? 0 : 1));
    if (text != null) {
      writeString(at + 4, text);
    }
  }

  private void writeOptionU64(int at, Long value) {
    memory.writeByte(at, (byte) (value == null ? 0 : 1));
    if (value != null) {
      memory.writeLong(at + 8, value);
    }
  }

  private void writeStrings(int at, List<String> strings) {
    int list = allocate(8 * strings.size(), 4);
    for (int i = 0; i < strings.size(); i++) {
      writeString(list + i * 8, strings.get(i));
    }
    memory.writeI32(at, list);
    memory.writeI32(at + 4, strings.size());
  }

  private void writeQuery(int at, WitQuery query) {
    writeOptionString(at, query.filter());
    writeStrings(at + 12, query.distinctBy());
    writeStrings(at + 20, query.eagerRelations());
    writeStrings(at + 28, query.joins());
    writeStrings(at + 36, query.groupBy());
    writeOptionString(at + 44, query.having());
    int keys = allocate(12 * query.orderBy().size(), 4);
    for (int i = 0; i < query.orderBy().size(); i++) {
      OrderKey key = query.orderBy().get(i);
      writeString(keys + i * 12, key.column());
      memory.writeByte(
          keys + i * 12 + 8, (byte) (key.direction() == OrderDirection.ASCENDING ? 0 : 1));
    }
    memory.writeI32(at + 56, keys);
    memory.writeI32(at + 60, query.orderBy().size());
    writeOptionU64(at + 64, query.limit());
    writeOptionU64(at + 80, query.offset());
  }

  /** Lowers a row: (pointer, length) of its column-value list. */
  long[] row(Row row) {
    int list = allocate(24 * row.size(), 8);
    for (int i = 0; i < row.size(); i++) {
      writeString(list + i * 24, row.columns().get(i).name());
      writeValue(list + i * 24 + 8, row.columns().get(i).value());
    }
    return new long[] {list, row.size()};
  }

  void writeValue(int at, Value value) {
    int p = at + 8;
    if (value.isNull()) {
      memory.writeByte(at, (byte) 18);
      return;
    }
    switch (value.type()) {
      case BOOLEAN ->
          put(at, 0, () -> memory.writeByte(p, (byte) (((BooleanValue) value).value() ? 1 : 0)));
      case UINT8 -> put(at, 1, () -> memory.writeByte(p, (byte) ((Uint8Value) value).value()));
      case UINT16 -> put(at, 2, () -> memory.writeShort(p, (short) ((Uint16Value) value).value()));
      case UINT32 -> put(at, 3, () -> memory.writeI32(p, (int) ((Uint32Value) value).value()));
      case UINT64 -> put(at, 4, () -> memory.writeLong(p, ((Uint64Value) value).value()));
      case INT8 -> put(at, 5, () -> memory.writeByte(p, ((Int8Value) value).value()));
      case INT16 -> put(at, 6, () -> memory.writeShort(p, ((Int16Value) value).value()));
      case INT32 -> put(at, 7, () -> memory.writeI32(p, ((Int32Value) value).value()));
      case INT64 -> put(at, 8, () -> memory.writeLong(p, ((Int64Value) value).value()));
      case FLOAT32 -> put(at, 9, () -> memory.writeF32(p, ((Float32Value) value).value()));
      case FLOAT64 -> put(at, 10, () -> memory.writeF64(p, ((Float64Value) value).value()));
      case TEXT -> put(at, 11, () -> writeString(p, ((TextValue) value).value()));
      case BLOB ->
          put(
              at,
              12,
              () -> {
                long[] b = bytes(((BlobValue) value).bytes());
                memory.writeI32(p, (int) b[0]);
                memory.writeI32(p + 4, (int) b[1]);
              });
      case DECIMAL -> put(at, 13, () -> writeString(p, ((DecimalValue) value).text()));
      case DATE -> put(at, 14, () -> writeString(p, ValueText.display(value)));
      case DATETIME -> put(at, 15, () -> writeString(p, ValueText.display(value)));
      case JSON -> put(at, 16, () -> writeString(p, ((JsonValue) value).text()));
      case UUID -> put(at, 17, () -> writeString(p, ((UuidValue) value).text()));
    }
  }

  private void put(int at, int kase, Runnable payload) {
    memory.writeByte(at, (byte) kase);
    payload.run();
  }
}
