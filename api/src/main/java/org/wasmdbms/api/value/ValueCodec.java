package org.wasmdbms.api.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.wasmdbms.api.bytes.ByteReader;
import org.wasmdbms.api.bytes.ByteWriter;
import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;

/**
 * The binary storage form of one non-null value of a known {@link DataType}. All multi-byte
 * integers are little-endian. The type is not written: the reader must know it (from the schema).
 *
 * <table>
 *   <caption>Encoding per type</caption>
 *   <tr><th>type</th><th>bytes</th></tr>
 *   <tr><td>Int8, Uint8</td><td>1</td></tr>
 *   <tr><td>Int16, Uint16</td><td>2</td></tr>
 *   <tr><td>Int32, Uint32</td><td>4</td></tr>
 *   <tr><td>Int64, Uint64</td><td>8</td></tr>
 *   <tr><td>Float32</td><td>4: IEEE 754 bits</td></tr>
 *   <tr><td>Float64</td><td>8: IEEE 754 bits</td></tr>
 *   <tr><td>Boolean</td><td>1: 0 or 1</td></tr>
 *   <tr><td>Date</td><td>4: year u16, month u8, day u8</td></tr>
 *   <tr><td>DateTime</td><td>13: year u16, month u8, day u8, hour u8, minute u8, second u8,
 *       microsecond u32, offset minutes i16</td></tr>
 *   <tr><td>Uuid</td><td>16: the bytes, most significant first</td></tr>
 *   <tr><td>Text, Json</td><td>length u32, then that many bytes of UTF-8</td></tr>
 *   <tr><td>Blob</td><td>length u32, then the bytes</td></tr>
 *   <tr><td>Decimal</td><td>scale u16, length u16, then the unscaled value as that many bytes of
 *       big-endian two's complement (as {@link BigInteger#toByteArray()})</td></tr>
 * </table>
 *
 * <p>Decoding validates every length against {@link #MAX_VARIABLE_BYTES} and the bytes actually
 * present, and every field against its type's range; corrupt input throws {@link MemoryException}.
 */
public final class ValueCodec {
  /** The largest Text, Json or Blob value in bytes (16 MiB). */
  public static final int MAX_VARIABLE_BYTES = 16 << 20;

  /** The largest unscaled decimal in bytes: enough for {@link DecimalValue#MAX_DIGITS} digits. */
  private static final int MAX_DECIMAL_BYTES = 512;

  private ValueCodec() {}

  /**
   * Encodes one value into a new array of its exact size.
   *
   * @param type the column type; {@code value} must have exactly this type
   * @throws InvalidQueryException if {@code value} is null or of another type
   * @throws ConstraintViolationException if the value would exceed what a {@link ByteWriter} holds
   */
  public static byte[] encode(DataType type, Value value) {
    long size = size(type, value);
    if (size > ByteWriter.MAX_SIZE) {
      throw new ConstraintViolationException(
          "a " + type.wireName() + " value of " + size + " bytes exceeds what a writer holds");
    }
    byte[] bytes = new byte[(int) size];
    put(bytes, 0, type, value);
    return bytes;
  }

  /**
   * Decodes one value that fills all of {@code data}.
   *
   * @throws MemoryException if the bytes are not exactly one valid value of {@code type}
   */
  public static Value decode(DataType type, byte[] data) {
    ByteReader in = new ByteReader(data);
    Value v = read(in, type);
    in.expectEnd(type.wireName() + " value");
    return v;
  }

  /**
   * Appends the encoding of {@code value} to {@code out}.
   *
   * @param type the column type; {@code value} must have exactly this type
   * @throws InvalidQueryException if {@code value} is null or of another type
   * @throws ConstraintViolationException if the output would exceed the writer's limit
   */
  public static void write(ByteWriter out, DataType type, Value value) {
    out.bytes(encode(type, value));
  }

  /**
   * The number of bytes {@link #put} writes for {@code value}.
   *
   * @param type the column type; {@code value} must have exactly this type
   * @throws InvalidQueryException if {@code value} is null or of another type, or text holds an
   *     unpaired surrogate
   */
  public static long size(DataType type, Value value) {
    // A class test per type rather than value.type(): an interface call per value, over as many
    // value classes as a row has types, costs more than the size itself. Null is no instance.
    long size =
        switch (type) {
          case INT8 -> value instanceof Int8Value ? 1 : -1;
          case UINT8 -> value instanceof Uint8Value ? 1 : -1;
          case BOOLEAN -> value instanceof BooleanValue ? 1 : -1;
          case INT16 -> value instanceof Int16Value ? 2 : -1;
          case UINT16 -> value instanceof Uint16Value ? 2 : -1;
          case INT32 -> value instanceof Int32Value ? 4 : -1;
          case UINT32 -> value instanceof Uint32Value ? 4 : -1;
          case FLOAT32 -> value instanceof Float32Value ? 4 : -1;
          case DATE -> value instanceof DateValue ? 4 : -1;
          case INT64 -> value instanceof Int64Value ? 8 : -1;
          case UINT64 -> value instanceof Uint64Value ? 8 : -1;
          case FLOAT64 -> value instanceof Float64Value ? 8 : -1;
          case DATETIME -> value instanceof DateTimeValue ? 13 : -1;
          case UUID -> value instanceof UuidValue ? 16 : -1;
          case TEXT -> value instanceof TextValue t ? 4 + Utf8.encodedLength(t.value()) : -1;
          case JSON -> value instanceof JsonValue j ? 4 + Utf8.encodedLength(j.text()) : -1;
          case BLOB -> value instanceof BlobValue b ? 4 + b.bytes().length : -1;
          case DECIMAL ->
              value instanceof DecimalValue d
                  ? 4 + d.value().unscaledValue().toByteArray().length
                  : -1;
        };
    if (size < 0) {
      throw new InvalidQueryException(
          "expected a "
              + type.wireName()
              + " value, got "
              + (value.isNull() ? "Null" : value.type().wireName()));
    }
    return size;
  }

  /**
   * Writes the encoding of {@code value}, whose type {@link #size} checked, into {@code out} from
   * {@code at}, which has room for its {@link #size}: so a row is encoded straight into one array
   * of its exact size.
   *
   * @return the offset just past the value
   */
  public static int put(byte[] out, int at, DataType type, Value value) {
    return switch (type) {
      // Concrete classes, not IntegerValue.bits(): an interface call per value, over as many value
      // classes as a row has types, costs more than the write itself.
      case INT8 -> putLittleEndian(out, at, ((Int8Value) value).value(), 1);
      case UINT8 -> putLittleEndian(out, at, ((Uint8Value) value).value(), 1);
      case INT16 -> putLittleEndian(out, at, ((Int16Value) value).value(), 2);
      case UINT16 -> putLittleEndian(out, at, ((Uint16Value) value).value(), 2);
      case INT32 -> putLittleEndian(out, at, ((Int32Value) value).value(), 4);
      case UINT32 -> putLittleEndian(out, at, ((Uint32Value) value).value(), 4);
      case INT64 -> putLittleEndian(out, at, ((Int64Value) value).value(), 8);
      case UINT64 -> putLittleEndian(out, at, ((Uint64Value) value).value(), 8);
      case FLOAT32 ->
          putLittleEndian(out, at, Float.floatToIntBits(((Float32Value) value).value()), 4);
      case FLOAT64 ->
          putLittleEndian(out, at, Double.doubleToLongBits(((Float64Value) value).value()), 8);
      case BOOLEAN -> putLittleEndian(out, at, ((BooleanValue) value).value() ? 1 : 0, 1);
      case DATE -> {
        DateValue d = (DateValue) value;
        int next = putLittleEndian(out, at, d.year(), 2);
        next = putLittleEndian(out, next, d.month(), 1);
        yield putLittleEndian(out, next, d.day(), 1);
      }
      case DATETIME -> {
        DateTimeValue d = (DateTimeValue) value;
        int next = putLittleEndian(out, at, d.year(), 2);
        next = putLittleEndian(out, next, d.month(), 1);
        next = putLittleEndian(out, next, d.day(), 1);
        next = putLittleEndian(out, next, d.hour(), 1);
        next = putLittleEndian(out, next, d.minute(), 1);
        next = putLittleEndian(out, next, d.second(), 1);
        next = putLittleEndian(out, next, d.microsecond(), 4);
        yield putLittleEndian(out, next, d.timezoneOffsetMinutes(), 2);
      }
      case UUID -> putBytes(out, at, ((UuidValue) value).bytes(), false);
      case TEXT -> putText(out, at, ((TextValue) value).value());
      case JSON -> putText(out, at, ((JsonValue) value).text());
      case BLOB -> putBytes(out, at, ((BlobValue) value).bytes(), true);
      case DECIMAL -> {
        BigDecimal d = ((DecimalValue) value).value();
        byte[] unscaled = d.unscaledValue().toByteArray();
        int next = putLittleEndian(out, at, d.scale(), 2);
        next = putLittleEndian(out, next, unscaled.length, 2);
        yield putBytes(out, next, unscaled, false);
      }
    };
  }

  private static int putLittleEndian(byte[] out, int at, long bits, int width) {
    for (int i = 0; i < width; i++) {
      out[at + i] = (byte) (bits >>> (8 * i));
    }
    return at + width;
  }

  private static int putText(byte[] out, int at, String text) {
    int end = Utf8.encodeInto(text, out, at + 4);
    putLittleEndian(out, at, end - at - 4, 4);
    return end;
  }

  private static int putBytes(byte[] out, int at, byte[] bytes, boolean withLength) {
    int next = withLength ? putLittleEndian(out, at, bytes.length, 4) : at;
    System.arraycopy(bytes, 0, out, next, bytes.length);
    return next + bytes.length;
  }

  /**
   * Reads one value of {@code type} at the reader's position.
   *
   * @throws MemoryException if the bytes are truncated or do not form a valid value
   */
  public static Value read(ByteReader in, DataType type) {
    try {
      return switch (type) {
        case INT8 -> new Int8Value((byte) in.u8());
        case INT16 -> new Int16Value((short) in.u16());
        case INT32 -> new Int32Value(in.i32());
        case INT64 -> new Int64Value(in.i64());
        case UINT8 -> new Uint8Value(in.u8());
        case UINT16 -> new Uint16Value(in.u16());
        case UINT32 -> new Uint32Value(in.i32() & 0xFFFFFFFFL);
        case UINT64 -> new Uint64Value(in.i64());
        case FLOAT32 -> new Float32Value(Float.intBitsToFloat(in.i32()));
        case FLOAT64 -> new Float64Value(Double.longBitsToDouble(in.i64()));
        case BOOLEAN -> readBoolean(in);
        case DATE -> new DateValue(in.u16(), in.u8(), in.u8());
        case DATETIME ->
            new DateTimeValue(
                in.u16(), in.u8(), in.u8(), in.u8(), in.u8(), in.u8(), in.i32(), (short) in.u16());
        case UUID -> new UuidValue(in.bytes(16));
        case TEXT -> new TextValue(in.utf8(in.length(MAX_VARIABLE_BYTES, "Text")));
        case JSON -> new JsonValue(in.utf8(in.length(MAX_VARIABLE_BYTES, "Json")));
        case BLOB -> new BlobValue(in.bytes(in.length(MAX_VARIABLE_BYTES, "Blob")));
        case DECIMAL -> readDecimal(in);
      };
    } catch (InvalidQueryException | ConstraintViolationException e) {
      // A value constructor refused the decoded fields: the stored bytes are corrupt.
      throw new MemoryException("corrupt " + type.wireName() + " value: " + e.detail());
    }
  }

  /**
   * Moves the reader past one value of {@code type} without decoding it; only its length fields are
   * read and checked, so a value skipped this way is not validated.
   *
   * @throws MemoryException if the bytes are truncated or a length is out of range
   */
  public static void skip(ByteReader in, DataType type) {
    switch (type) {
      case INT8, UINT8, BOOLEAN -> in.skip(1);
      case INT16, UINT16 -> in.skip(2);
      case INT32, UINT32, FLOAT32, DATE -> in.skip(4);
      case INT64, UINT64, FLOAT64 -> in.skip(8);
      case DATETIME -> in.skip(13);
      case UUID -> in.skip(16);
      case TEXT -> in.skip(in.length(MAX_VARIABLE_BYTES, "Text"));
      case JSON -> in.skip(in.length(MAX_VARIABLE_BYTES, "Json"));
      case BLOB -> in.skip(in.length(MAX_VARIABLE_BYTES, "Blob"));
      case DECIMAL -> {
        in.skip(2);
        int length = in.u16();
        if (length < 1 || length > MAX_DECIMAL_BYTES) {
          throw new MemoryException("corrupt Decimal value: unscaled length " + length);
        }
        in.skip(length);
      }
    }
  }

  private static Value readBoolean(ByteReader in) {
    int b = in.u8();
    if (b > 1) {
      throw new MemoryException("corrupt Boolean value: byte " + b);
    }
    return new BooleanValue(b == 1);
  }

  private static Value readDecimal(ByteReader in) {
    int scale = in.u16();
    int length = in.u16();
    if (length < 1 || length > MAX_DECIMAL_BYTES) {
      throw new MemoryException("corrupt Decimal value: unscaled length " + length);
    }
    BigDecimal d = new BigDecimal(new BigInteger(in.bytes(length)), scale);
    if (d.precision() > DecimalValue.MAX_DIGITS) {
      throw new MemoryException("corrupt Decimal value: too many digits");
    }
    return new DecimalValue(d);
  }
}
