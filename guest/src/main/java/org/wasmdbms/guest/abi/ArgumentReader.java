package org.wasmdbms.guest.abi;

import java.util.ArrayList;
import java.util.List;
import org.teavm.interop.Address;
import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.query.OrderDirection;
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
import org.wasmdbms.guest.GuestMemory;

/**
 * Lifts the arguments of one export call from linear memory, following the canonical ABI, and frees
 * the argument memory the host allocated with {@code cabi_realloc} (the callee owns it).
 *
 * <p>The reader never stops half-way: every buffer of the arguments must be freed even when an
 * earlier part is bad, or each bad call would leak. So the first problem (invalid UTF-8, an
 * oversized string or list, an unknown case, a pointer outside the argument memory, a value whose
 * text form is malformed) is recorded, the reader switches to discarding (it keeps walking and
 * freeing but builds no more values), and {@link #finish()} throws that problem as a {@link
 * DbmsException}. Only buffers that lie inside the {@link NativeHeap} are read or freed, so a wrong
 * pointer cannot make the guest fault.
 *
 * <p>Memory layouts read here (offsets in bytes): {@code string} and {@code list<T>} are (pointer,
 * length); {@code option<string>} is a discriminant at 0 and the string at 4 (12 bytes); {@code
 * option<u64>} a discriminant at 0 and the value at 8 (16 bytes); {@code column-value} the name at
 * 0 and the {@code value} at 8 (24 bytes); {@code order-key} the column at 0 and the direction at 8
 * (12 bytes); {@code query} is described at {@link #query(int)}.
 */
public final class ArgumentReader {
  private static final int COLUMN_VALUE_SIZE = 24;
  private static final int ORDER_KEY_SIZE = 12;
  private static final int STRING_SIZE = 8;

  private DbmsException problem;
  private long stringBytes;

  /**
   * Throws the first problem met while reading, if any.
   *
   * @throws DbmsException the problem
   */
  public void finish() {
    if (problem != null) {
      throw problem;
    }
  }

  /** Records {@code error} unless an earlier problem is already recorded. */
  private void fail(DbmsException error) {
    if (problem == null) {
      problem = error;
    }
  }

  private boolean discarding() {
    return problem != null;
  }

  /** Frees a block of argument memory (the spilled parameter tuple, for example). */
  public void release(int address) {
    NativeHeap.free(address);
  }

  /**
   * Checks that the parameter block at {@code address} of {@code size} bytes, aligned to {@code
   * align}, lies in argument memory.
   *
   * @return whether it can be read
   */
  public boolean block(int address, int size, int align, String what) {
    if ((address & (align - 1)) != 0 || !NativeHeap.holds(address, size)) {
      fail(new InvalidQueryException(what + " lies outside the argument memory"));
      return false;
    }
    return true;
  }

  /** Lifts a {@code string} given as (pointer, length); "" once discarding. */
  public String string(int address, int length, String what) {
    byte[] bytes = bytes(address, length, what);
    if (discarding()) {
      return "";
    }
    String text;
    try {
      text = Utf8.decode(bytes, 0, bytes.length);
    } catch (MemoryException malformed) {
      fail(new InvalidQueryException(what + " is not valid UTF-8: " + malformed.detail()));
      return "";
    }
    return text;
  }

  /** Lifts an {@code option<string>}: null for none. */
  public String optionalString(int discriminant, int address, int length, String what) {
    if (discriminant == 0) {
      return null;
    }
    String text = string(address, length, what);
    if (discriminant != 1) {
      fail(new InvalidQueryException(what + ": option discriminant " + discriminant));
    }
    return text;
  }

  /** Lifts an {@code option<u64>}: null for none. */
  public Long optionalU64(int discriminant, long value, String what) {
    if (discriminant == 0) {
      return null;
    }
    if (discriminant != 1) {
      fail(new InvalidQueryException(what + ": option discriminant " + discriminant));
    }
    return value;
  }

  /** Lifts an enum case, which must be below {@code cases}; 0 once discarding. */
  public int enumCase(int value, int cases, String what) {
    if (value < 0 || value >= cases) {
      fail(new InvalidQueryException(what + ": no case " + value));
    }
    return discarding() ? 0 : value;
  }

  /** Lifts a {@code row}: a list of {@code column-value}. */
  public Row row(int address, int length, String what) {
    Row.Builder row = Row.builder();
    if (list(address, length, COLUMN_VALUE_SIZE, 8, what)) {
      for (int i = 0; i < length; i++) {
        int element = address + i * COLUMN_VALUE_SIZE;
        String name = string(i32(element), i32(element + 4), what + " column name");
        Value value = value(element + 8, what + " value of " + name);
        if (!discarding()) {
          row.set(name, value);
        }
      }
      release(address);
    }
    return row.build();
  }

  /** Lifts a {@code list<string>}. */
  public List<String> strings(int address, int length, String what) {
    List<String> strings = new ArrayList<>();
    if (list(address, length, STRING_SIZE, 4, what)) {
      for (int i = 0; i < length; i++) {
        int element = address + i * STRING_SIZE;
        String text = string(i32(element), i32(element + 4), what);
        if (!discarding()) {
          strings.add(text);
        }
      }
      release(address);
    }
    return strings;
  }

  /**
   * Lifts the {@code query} record at {@code address} (96 bytes, aligned to 8): {@code filter} at
   * 0, {@code distinct-by} at 12, {@code eager-relations} at 20, {@code joins} at 28, {@code
   * group-by} at 36, {@code having} at 44, {@code order-by} at 56, {@code limit} at 64 and {@code
   * offset} at 80.
   */
  public WitQuery query(int address) {
    String filter = optionalString(u8(address), i32(address + 4), i32(address + 8), "filter");
    List<String> distinctBy = strings(i32(address + 12), i32(address + 16), "distinct-by");
    List<String> eager = strings(i32(address + 20), i32(address + 24), "eager-relations");
    List<String> joins = strings(i32(address + 28), i32(address + 32), "joins");
    List<String> groupBy = strings(i32(address + 36), i32(address + 40), "group-by");
    String having =
        optionalString(u8(address + 44), i32(address + 48), i32(address + 52), "having");
    List<OrderKey> orderBy = orderKeys(i32(address + 56), i32(address + 60));
    Long limit = optionalU64(u8(address + 64), i64(address + 72), "limit");
    Long offset = optionalU64(u8(address + 80), i64(address + 88), "offset");
    return new WitQuery(filter, distinctBy, eager, joins, groupBy, having, orderBy, limit, offset);
  }

  /**
   * Lifts (and discards) a {@code list<aggregate-function>}: 16-byte elements, aligned to 4, whose
   * case is at 0 and whose payload is at 4 ({@code option<string>} for {@code count}, a {@code
   * string} otherwise).
   *
   * @return the number of functions
   */
  public int aggregateFunctions(int address, int length) {
    if (list(address, length, 16, 4, "aggregates")) {
      for (int i = 0; i < length; i++) {
        int element = address + i * 16;
        int kind = enumCase(u8(element), 5, "aggregate function");
        if (kind == 0) {
          optionalString(u8(element + 4), i32(element + 8), i32(element + 12), "count column");
        } else {
          string(i32(element + 4), i32(element + 8), "aggregate column");
        }
      }
      release(address);
    }
    return length;
  }

  private List<OrderKey> orderKeys(int address, int length) {
    List<OrderKey> keys = new ArrayList<>();
    if (list(address, length, ORDER_KEY_SIZE, 4, "order-by")) {
      for (int i = 0; i < length; i++) {
        int element = address + i * ORDER_KEY_SIZE;
        String column = string(i32(element), i32(element + 4), "order-by column");
        int direction = enumCase(u8(element + 8), 2, "order-direction");
        if (!discarding()) {
          keys.add(
              new OrderKey(
                  column, direction == 0 ? OrderDirection.ASCENDING : OrderDirection.DESCENDING));
        }
      }
      release(address);
    }
    return keys;
  }

  private Value value(int at, String what) {
    int kind = u8(at);
    int payload = at + ValueCase.PAYLOAD;
    String text =
        switch (kind) {
          case ValueCase.TEXT,
              ValueCase.DECIMAL,
              ValueCase.DATE,
              ValueCase.DATETIME,
              ValueCase.JSON,
              ValueCase.UUID ->
              string(i32(payload), i32(payload + 4), what);
          default -> null;
        };
    byte[] blob = kind == ValueCase.BLOB ? bytes(i32(payload), i32(payload + 4), what) : null;
    if (discarding()) {
      return NullValue.INSTANCE;
    }
    try {
      return switch (kind) {
        case ValueCase.BOOL -> new BooleanValue(u8(payload) != 0);
        case ValueCase.U8 -> new Uint8Value(u8(payload));
        case ValueCase.U16 -> new Uint16Value(Address.fromInt(payload).getShort() & 0xFFFF);
        case ValueCase.U32 -> new Uint32Value(i32(payload) & 0xFFFFFFFFL);
        case ValueCase.U64 -> new Uint64Value(i64(payload));
        case ValueCase.I8 -> new Int8Value(Address.fromInt(payload).getByte());
        case ValueCase.I16 -> new Int16Value(Address.fromInt(payload).getShort());
        case ValueCase.I32 -> new Int32Value(i32(payload));
        case ValueCase.I64 -> new Int64Value(i64(payload));
        case ValueCase.F32 -> new Float32Value(Float.intBitsToFloat(i32(payload)));
        case ValueCase.F64 -> new Float64Value(Double.longBitsToDouble(i64(payload)));
        case ValueCase.TEXT -> new TextValue(text);
        case ValueCase.BLOB -> new BlobValue(blob);
        case ValueCase.DECIMAL -> DecimalValue.parse(text);
        case ValueCase.DATE -> DateValue.parse(text);
        case ValueCase.DATETIME -> DateTimeValue.parse(text);
        case ValueCase.JSON -> new JsonValue(text);
        case ValueCase.UUID -> UuidValue.parse(text);
        case ValueCase.NULL -> NullValue.INSTANCE;
        default -> throw new InvalidQueryException(what + ": no value case " + kind);
      };
    } catch (DbmsException bad) {
      fail(bad);
      return NullValue.INSTANCE;
    }
  }

  /**
   * Copies the bytes of a (pointer, length) buffer and frees it; an empty array once discarding or
   * when the buffer is too large, outside argument memory, or over the call's byte budget.
   */
  private byte[] bytes(int address, int length, String what) {
    if (length == 0) {
      return new byte[0];
    }
    long size = length & 0xFFFFFFFFL;
    if (!NativeHeap.holds(address, size)) {
      fail(new InvalidQueryException(what + " lies outside the argument memory"));
      return new byte[0];
    }
    stringBytes += size;
    if (size > GuestMemory.MAX_VALUE_BYTES) {
      fail(
          new ConstraintViolationException(
              what + " of " + size + " bytes exceeds " + GuestMemory.MAX_VALUE_BYTES + " bytes"));
    } else if (stringBytes > GuestMemory.MAX_REQUEST_BYTES) {
      fail(
          new ConstraintViolationException(
              "the arguments exceed " + GuestMemory.MAX_REQUEST_BYTES + " bytes in all"));
    }
    byte[] bytes = discarding() ? new byte[0] : new byte[length];
    if (bytes.length > 0) {
      // No Java allocation between taking the array's address and the copy, so it cannot move.
      Address.moveMemoryBlock(Address.fromInt(address), Address.ofData(bytes), length);
    }
    release(address);
    return bytes;
  }

  /**
   * Checks a list of {@code length} elements of {@code elementSize} bytes at {@code address}.
   *
   * @return whether its elements can be read (then the caller frees it after reading them)
   */
  private boolean list(int address, int length, int elementSize, int align, String what) {
    if (length == 0) {
      return false;
    }
    long size = (length & 0xFFFFFFFFL) * elementSize;
    if ((address & (align - 1)) != 0 || !NativeHeap.holds(address, size)) {
      fail(new InvalidQueryException(what + " lies outside the argument memory"));
      return false;
    }
    if ((length & 0xFFFFFFFFL) > GuestMemory.MAX_LIST_LENGTH) {
      fail(
          new ConstraintViolationException(
              what + " has more than " + GuestMemory.MAX_LIST_LENGTH + " elements"));
    }
    return true;
  }

  /** The {@code u8} at {@code address}, which a {@link #block} check has covered. */
  public static int u8(int address) {
    return Address.fromInt(address).getByte() & 0xFF;
  }

  /** The {@code i32} at {@code address}, which a {@link #block} check has covered. */
  public static int i32(int address) {
    return Address.fromInt(address).getInt();
  }

  /** The {@code i64} at {@code address}, which a {@link #block} check has covered. */
  public static long i64(int address) {
    return Address.fromInt(address).getLong();
  }
}
