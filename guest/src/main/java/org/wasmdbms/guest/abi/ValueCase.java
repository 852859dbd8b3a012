package org.wasmdbms.guest.abi;

/**
 * The case numbers of the WIT {@code value} variant, in declaration order (the canonical ABI's
 * discriminant), and its memory layout: a {@code u8} discriminant, the payload at offset {@link
 * #PAYLOAD}, {@link #SIZE} bytes in all, aligned to 8.
 */
final class ValueCase {
  static final int BOOL = 0;
  static final int U8 = 1;
  static final int U16 = 2;
  static final int U32 = 3;
  static final int U64 = 4;
  static final int I8 = 5;
  static final int I16 = 6;
  static final int I32 = 7;
  static final int I64 = 8;
  static final int F32 = 9;
  static final int F64 = 10;
  static final int TEXT = 11;
  static final int BLOB = 12;
  static final int DECIMAL = 13;
  static final int DATE = 14;
  static final int DATETIME = 15;
  static final int JSON = 16;
  static final int UUID = 17;
  static final int NULL = 18;

  /** The number of cases. */
  static final int COUNT = 19;

  /** The offset of the payload: the discriminant padded to the alignment of u64 and f64. */
  static final int PAYLOAD = 8;

  /** The size of a value in memory. */
  static final int SIZE = 16;

  private ValueCase() {}
}
