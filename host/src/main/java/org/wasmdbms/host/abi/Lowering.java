package org.wasmdbms.host.abi;

import com.dylibso.chicory.runtime.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.row.ColumnValue;
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
import org.wasmdbms.host.model.AggregateFunction;
import org.wasmdbms.host.model.WitQuery;

/**
 * Lowers one call's arguments. The parameters are stored as one tuple ({@link
 * DatabaseFunction#params()}) into a host-side buffer laid out exactly as guest memory would be;
 * strings and list contents go straight into guest memory through {@code cabi_realloc}. The tuple
 * is then either copied into guest memory (more than 16 flat values) or flattened into core
 * arguments, so both paths share one layout.
 *
 * <p>Not reusable: one instance per call.
 */
final class Lowering {
  private final GuestExports guest;
  private final Memory memory;
  private final DatabaseFunction function;
  private final ByteBuffer tuple;

  Lowering(GuestExports guest, DatabaseFunction function) {
    this.guest = guest;
    this.memory = guest.memory();
    this.function = function;
    this.tuple = ByteBuffer.allocate(function.params().size()).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Where a value is stored: the parameter tuple (host side) or guest memory. */
  private interface Target {
    void u8(int at, int value);

    void u16(int at, int value);

    void u32(int at, int value);

    void u64(int at, long value);

    void f32(int at, float value);

    void f64(int at, double value);
  }

  private final Target inTuple =
      new Target() {
        @Override
        public void u8(int at, int value) {
          tuple.put(at, (byte) value);
        }

        @Override
        public void u16(int at, int value) {
          tuple.putShort(at, (short) value);
        }

        @Override
        public void u32(int at, int value) {
          tuple.putInt(at, value);
        }

        @Override
        public void u64(int at, long value) {
          tuple.putLong(at, value);
        }

        @Override
        public void f32(int at, float value) {
          tuple.putFloat(at, value);
        }

        @Override
        public void f64(int at, double value) {
          tuple.putDouble(at, value);
        }
      };

  private final Target inGuest =
      new Target() {
        @Override
        public void u8(int at, int value) {
          memory.writeByte(at, (byte) value);
        }

        @Override
        public void u16(int at, int value) {
          memory.writeShort(at, (short) value);
        }

        @Override
        public void u32(int at, int value) {
          memory.writeI32(at, value);
        }

        @Override
        public void u64(int at, long value) {
          memory.writeLong(at, value);
        }

        @Override
        public void f32(int at, float value) {
          memory.writeF32(at, value);
        }

        @Override
        public void f64(int at, double value) {
          memory.writeF64(at, value);
        }
      };

  // ---- parameters (field index i of the function's parameter tuple) ----

  void string(int field, String text) {
    storeString(inTuple, offset(field), text);
  }

  void optionString(int field, String text) {
    storeOption(inTuple, offset(field), WitType.option(WitType.STRING), text, this::storeString);
  }

  void optionU64(int field, Long value) {
    storeOption(inTuple, offset(field), WitType.option(WitType.U64), value, Target::u64);
  }

  void u64(int field, long value) {
    inTuple.u64(offset(field), value);
  }

  void row(int field, Row row) {
    storeRow(inTuple, offset(field), row);
  }

  void deleteBehavior(int field, DeleteBehavior behavior) {
    inTuple.u8(offset(field), behavior == DeleteBehavior.RESTRICT ? 0 : 1);
  }

  void query(int field, WitQuery query) {
    int at = offset(field);
    WitType type = DatabaseTypes.QUERY;
    WitType optionString = WitType.option(WitType.STRING);
    WitType optionU64 = WitType.option(WitType.U64);
    storeOption(inTuple, at + type.fieldOffset(0), optionString, query.filter(), this::storeString);
    storeStrings(inTuple, at + type.fieldOffset(1), query.distinctBy());
    storeStrings(inTuple, at + type.fieldOffset(2), query.eagerRelations());
    storeStrings(inTuple, at + type.fieldOffset(3), query.joins());
    storeStrings(inTuple, at + type.fieldOffset(4), query.groupBy());
    storeOption(inTuple, at + type.fieldOffset(5), optionString, query.having(), this::storeString);
    storeList(
        inTuple,
        at + type.fieldOffset(6),
        DatabaseTypes.ORDER_KEY,
        query.orderBy(),
        this::storeKey);
    storeOption(inTuple, at + type.fieldOffset(7), optionU64, query.limit(), Target::u64);
    storeOption(inTuple, at + type.fieldOffset(8), optionU64, query.offset(), Target::u64);
  }

  void aggregates(int field, List<AggregateFunction> functions) {
    storeList(
        inTuple,
        offset(field),
        DatabaseTypes.AGGREGATE_FUNCTION,
        functions,
        this::storeAggregateFunction);
  }

  /**
   * The core arguments: a pointer to the tuple copied into guest memory if the parameters spill,
   * else the tuple flattened.
   */
  long[] arguments() {
    WitType params = function.params();
    if (function.spillsParams()) {
      int address = allocate(params.alignment(), params.size());
      memory.write(address, tuple.array());
      return new long[] {address};
    }
    List<Long> flat = new ArrayList<>();
    flatten(params, 0, flat);
    return flat.stream().mapToLong(Long::longValue).toArray();
  }

  private int offset(int field) {
    return function.params().fieldOffset(field);
  }

  // ---- flattening of the tuple ----

  private void flatten(WitType type, int at, List<Long> out) {
    switch (type.kind()) {
      case SCALAR -> out.add(scalar(type, at));
      case STRING, LIST -> {
        out.add(tuple.getInt(at) & 0xFFFFFFFFL);
        out.add(tuple.getInt(at + 4) & 0xFFFFFFFFL);
      }
      case RECORD -> {
        for (int i = 0; i < type.parts().size(); i++) {
          flatten(type.parts().get(i), at + type.fieldOffset(i), out);
        }
      }
      case VARIANT -> {
        int discriminant = tuple.get(at) & 0xFF;
        out.add((long) discriminant);
        int start = out.size();
        WitType payload = type.parts().get(discriminant);
        if (payload != null) {
          flatten(payload, at + type.payloadOffset(), out);
        }
        // A narrower payload leaves the variant's remaining flat slots zero.
        while (out.size() - start < type.flat().size() - 1) {
          out.add(0L);
        }
      }
    }
  }

  /** A scalar's bits as a core value: 32-bit values zero-extended, signed ones sign-extended. */
  private long scalar(WitType type, int at) {
    return switch (type.size()) {
      case 1 -> type.signed() ? tuple.get(at) : tuple.get(at) & 0xFFL;
      case 2 -> type.signed() ? tuple.getShort(at) : tuple.getShort(at) & 0xFFFFL;
      case 4 -> tuple.getInt(at) & 0xFFFFFFFFL;
      default -> tuple.getLong(at);
    };
  }

  // ---- storing ----

  private interface Store<T> {
    void store(Target target, int at, T value);
  }

  private <T> void storeOption(Target target, int at, WitType type, T value, Store<T> payload) {
    target.u8(at, value == null ? 0 : 1);
    if (value != null) {
      payload.store(target, at + type.payloadOffset(), value);
    }
  }

  private <T> void storeList(
      Target target, int at, WitType element, List<T> items, Store<T> store) {
    long bytes = (long) items.size() * element.size();
    if (bytes > Integer.MAX_VALUE) {
      throw new ConstraintViolationException("a list of " + items.size() + " items is too large");
    }
    int address = allocate(element.alignment(), (int) bytes);
    for (int i = 0; i < items.size(); i++) {
      store.store(inGuest, address + i * element.size(), items.get(i));
    }
    target.u32(at, address);
    target.u32(at + 4, items.size());
  }

  private void storeString(Target target, int at, String text) {
    storeBytes(target, at, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A string's UTF-8 bytes or a {@code list<u8>}: both are (pointer, length) of bytes. */
  private void storeBytes(Target target, int at, byte[] bytes) {
    int address = allocate(1, bytes.length);
    memory.write(address, bytes);
    target.u32(at, address);
    target.u32(at + 4, bytes.length);
  }

  private void storeStrings(Target target, int at, List<String> strings) {
    storeList(target, at, WitType.STRING, strings, this::storeString);
  }

  private void storeKey(Target target, int at, OrderKey key) {
    WitType type = DatabaseTypes.ORDER_KEY;
    storeString(target, at + type.fieldOffset(0), key.column());
    target.u8(at + type.fieldOffset(1), key.direction() == OrderDirection.ASCENDING ? 0 : 1);
  }

  private void storeAggregateFunction(Target target, int at, AggregateFunction function) {
    WitType type = DatabaseTypes.AGGREGATE_FUNCTION;
    int payload = at + type.payloadOffset();
    target.u8(at, function.kind().ordinal());
    if (function.kind() == AggregateFunction.Kind.COUNT) {
      storeOption(
          target,
          payload,
          type.parts().get(0),
          function.column(),
          (t, a, column) -> storeString(t, a, column));
    } else {
      storeString(target, payload, function.column());
    }
  }

  private void storeRow(Target target, int at, Row row) {
    storeList(target, at, DatabaseTypes.COLUMN_VALUE, row.columns(), this::storeColumn);
  }

  private void storeColumn(Target target, int at, ColumnValue column) {
    WitType type = DatabaseTypes.COLUMN_VALUE;
    storeString(target, at + type.fieldOffset(0), column.name());
    storeValue(target, at + type.fieldOffset(1), column.value());
  }

  private void storeValue(Target target, int at, Value value) {
    int payload = at + DatabaseTypes.VALUE.payloadOffset();
    ValueCase valueCase = ValueCase.of(value);
    target.u8(at, valueCase.ordinal());
    switch (valueCase) {
      case BOOL -> target.u8(payload, ((BooleanValue) value).value() ? 1 : 0);
      case U8 -> target.u8(payload, ((Uint8Value) value).value());
      case U16 -> target.u16(payload, ((Uint16Value) value).value());
      case U32 -> target.u32(payload, (int) ((Uint32Value) value).value());
      case U64 -> target.u64(payload, ((Uint64Value) value).value());
      case S8 -> target.u8(payload, ((Int8Value) value).value());
      case S16 -> target.u16(payload, ((Int16Value) value).value());
      case S32 -> target.u32(payload, ((Int32Value) value).value());
      case S64 -> target.u64(payload, ((Int64Value) value).value());
      case F32 -> target.f32(payload, ((Float32Value) value).value());
      case F64 -> target.f64(payload, ((Float64Value) value).value());
      case TEXT -> storeString(target, payload, ((TextValue) value).value());
      case BLOB -> storeBytes(target, payload, ((BlobValue) value).bytes());
      case DECIMAL -> storeString(target, payload, ((DecimalValue) value).text());
      case DATE, DATETIME -> storeString(target, payload, ValueText.display(value));
      case JSON -> storeString(target, payload, ((JsonValue) value).text());
      case UUID -> storeString(target, payload, ((UuidValue) value).text());
      case NULL -> {}
    }
  }

  private int allocate(int alignment, int size) {
    int address = (int) guest.call("cabi_realloc", 0, 0, alignment, size)[0];
    long end = (address & 0xFFFFFFFFL) + size;
    if (address % alignment != 0 || end > memory.pages() * (long) Memory.PAGE_SIZE) {
      throw new GuestFault(
          "cabi_realloc returned " + address + " for " + size + " bytes aligned to " + alignment);
    }
    return address;
  }
}
