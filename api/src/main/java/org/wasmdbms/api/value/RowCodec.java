package org.wasmdbms.api.value;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.wasmdbms.api.bytes.ByteReader;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.MemoryException;

/**
 * The binary storage form of one row: the values of a table's columns, in column order.
 *
 * <p>Layout:
 *
 * <ol>
 *   <li>column count, u16 little-endian (checked against the schema on decoding);
 *   <li>null bitmap, {@code ceil(count / 8)} bytes: bit {@code i % 8} of byte {@code i / 8} is set
 *       when column {@code i} is null; unused high bits are zero;
 *   <li>each non-null value in column order, as {@link ValueCodec} writes it.
 * </ol>
 *
 * <p>An encoded row is at most {@link #MAX_ROW_BYTES} bytes.
 */
public final class RowCodec {
  /** The largest encoded row in bytes (64 MiB). */
  public static final int MAX_ROW_BYTES = 64 << 20;

  /** The most columns a row can have. */
  public static final int MAX_COLUMNS = 0xFFFF;

  private RowCodec() {}

  /**
   * Encodes a row.
   *
   * @param types the column types, in column order
   * @param row one value per column: {@link NullValue} or a value of exactly that column's type
   * @throws InvalidQueryException if the row length or a value's type does not match
   * @throws ConstraintViolationException if the encoded row exceeds {@link #MAX_ROW_BYTES}
   */
  public static byte[] encode(List<DataType> types, List<Value> row) {
    int n = types.size();
    if (row.size() != n) {
      throw new InvalidQueryException("row has " + row.size() + " values for " + n + " columns");
    }
    if (n > MAX_COLUMNS) {
      throw new ConstraintViolationException("a row holds at most " + MAX_COLUMNS + " columns");
    }
    int bitmapBytes = (n + 7) / 8;
    long size = 2 + bitmapBytes;
    // NullValue is a singleton: comparing with it spares an interface call per value.
    for (int i = 0; i < n; i++) {
      Value v = row.get(i);
      if (v != NullValue.INSTANCE) {
        size += ValueCodec.size(types.get(i), v);
        if (size > MAX_ROW_BYTES) {
          throw new ConstraintViolationException(
              "row exceeds the limit of " + MAX_ROW_BYTES + " bytes");
        }
      }
    }
    byte[] out = new byte[(int) size];
    out[0] = (byte) n;
    out[1] = (byte) (n >>> 8);
    int at = 2 + bitmapBytes;
    for (int i = 0; i < n; i++) {
      Value v = row.get(i);
      if (v == NullValue.INSTANCE) {
        out[2 + i / 8] |= (byte) (1 << (i % 8));
      } else {
        at = ValueCodec.put(out, at, types.get(i), v);
      }
    }
    return out;
  }

  /**
   * Decodes a row that fills all of {@code data}.
   *
   * @throws MemoryException if the bytes do not form a row of exactly these column types
   */
  public static List<Value> decode(List<DataType> types, byte[] data) {
    return decode(types, data, 0, data.length);
  }

  /**
   * Decodes only the columns that {@code needed} marks of the row that fills {@code length} bytes
   * of {@code data} at {@code offset}, for a filter that reads a few columns of many rows: the
   * other values are skipped, not decoded, and reading stops after the last marked column, so the
   * rest of the row is not checked.
   *
   * @param needed one flag per column
   * @return one entry per column: the value of a marked column, null for the others
   * @throws MemoryException if the region lies outside {@code data} or its bytes do not hold a row
   *     of these column types as far as read
   */
  public static Value[] decodeColumns(
      List<DataType> types, byte[] data, int offset, int length, boolean[] needed) {
    ByteReader in = new ByteReader(data, offset, length);
    int n = header(in, types);
    // The null bitmap is read where it lies: a scan decodes this for every row it filters.
    int bitmap = in.position();
    in.skip((n + 7) / 8);
    int last = n - 1;
    while (last >= 0 && !needed[last]) {
      last--;
    }
    Value[] row = new Value[n];
    for (int i = 0; i <= last; i++) {
      boolean isNull = (data[bitmap + i / 8] & (1 << (i % 8))) != 0;
      if (isNull) {
        row[i] = needed[i] ? NullValue.INSTANCE : null;
      } else if (needed[i]) {
        row[i] = ValueCodec.read(in, types.get(i));
      } else {
        ValueCodec.skip(in, types.get(i));
      }
    }
    return row;
  }

  private static int header(ByteReader in, List<DataType> types) {
    int n = in.u16();
    if (n != types.size()) {
      throw new MemoryException("stored row has " + n + " columns, schema has " + types.size());
    }
    return n;
  }

  /**
   * Decodes a row that fills {@code length} bytes of {@code data} at {@code offset}.
   *
   * @return an unmodifiable list with one value per column
   * @throws MemoryException if the region lies outside {@code data} or does not hold a row of
   *     exactly these column types
   */
  public static List<Value> decode(List<DataType> types, byte[] data, int offset, int length) {
    return Collections.unmodifiableList(
        Arrays.asList(decodeRow(types, data, new ByteReader(data, offset, length), null)));
  }

  /**
   * Decodes a row that fills all of {@code data} into an array, one value per column: what a read
   * that hands out {@code Value[]} rows uses, without the list {@link #decode} wraps it in.
   *
   * @throws MemoryException if the bytes do not form a row of exactly these column types
   */
  public static Value[] decodeArray(List<DataType> types, byte[] data) {
    return decodeArray(types, data, 0, data.length);
  }

  /**
   * Decodes the row that fills {@code length} bytes of {@code data} at {@code offset} into an
   * array, as {@link #decodeArray(List, byte[])} does.
   *
   * @throws MemoryException if the region lies outside {@code data} or does not hold a row of
   *     exactly these column types
   */
  public static Value[] decodeArray(List<DataType> types, byte[] data, int offset, int length) {
    return decodeRow(types, data, new ByteReader(data, offset, length), null);
  }

  /**
   * Decodes the row that fills {@code length} bytes of {@code data} at {@code offset}, as {@link
   * #decodeArray(List, byte[], int, int)} does, but takes the values that {@code known} holds
   * instead of decoding them again: {@code known} is what {@link #decodeColumns} returned for the
   * same bytes, so a scan that filtered a row decodes its filtered columns once.
   *
   * @throws MemoryException if the region lies outside {@code data} or does not hold a row of
   *     exactly these column types
   */
  public static Value[] decodeArray(
      List<DataType> types, byte[] data, int offset, int length, Value[] known) {
    return decodeRow(types, data, new ByteReader(data, offset, length), known);
  }

  /** Decodes the row {@code in} reads from {@code data}, reusing the non-null {@code known}. */
  private static Value[] decodeRow(
      List<DataType> types, byte[] data, ByteReader in, Value[] known) {
    int n = header(in, types);
    int bitmap = in.position();
    in.skip((n + 7) / 8);
    if (n % 8 != 0 && (data[bitmap + n / 8] & 0xFF) >>> (n % 8) != 0) {
      throw new MemoryException("corrupt row: null bitmap has bits past the last column");
    }
    Value[] row = new Value[n];
    for (int i = 0; i < n; i++) {
      boolean isNull = (data[bitmap + i / 8] & (1 << (i % 8))) != 0;
      if (isNull) {
        row[i] = NullValue.INSTANCE;
      } else if (known != null && i < known.length && known[i] != null) {
        ValueCodec.skip(in, types.get(i));
        row[i] = known[i];
      } else {
        row[i] = ValueCodec.read(in, types.get(i));
      }
    }
    in.expectEnd("row");
    return row;
  }
}
