package org.wasmdbms.api.value;

import org.wasmdbms.api.error.MemoryException;

/**
 * The column types. Each has a stable {@link #wireName()} (the tag of the JSON wire format, for
 * example {@code "Uint64"}) and a stable one-byte {@link #code()} used by binary formats; neither
 * may ever change, since both are stored.
 */
public enum DataType {
  /** Signed 8-bit integer. */
  INT8("Int8", 1),
  /** Signed 16-bit integer. */
  INT16("Int16", 2),
  /** Signed 32-bit integer. */
  INT32("Int32", 3),
  /** Signed 64-bit integer. */
  INT64("Int64", 4),
  /** Unsigned 8-bit integer. */
  UINT8("Uint8", 5),
  /** Unsigned 16-bit integer. */
  UINT16("Uint16", 6),
  /** Unsigned 32-bit integer. */
  UINT32("Uint32", 7),
  /** Unsigned 64-bit integer. */
  UINT64("Uint64", 8),
  /** IEEE 754 binary32. */
  FLOAT32("Float32", 9),
  /** IEEE 754 binary64. */
  FLOAT64("Float64", 10),
  /** Arbitrary-precision decimal within {@link DecimalValue}'s limits. */
  DECIMAL("Decimal", 11),
  /** True or false. */
  BOOLEAN("Boolean", 12),
  /** A calendar date. */
  DATE("Date", 13),
  /** A date and time of day with a UTC offset. */
  DATETIME("DateTime", 14),
  /** Unicode text. */
  TEXT("Text", 15),
  /** Raw bytes. */
  BLOB("Blob", 16),
  /** A JSON document, stored as its text. */
  JSON("Json", 17),
  /** A 128-bit UUID. */
  UUID("Uuid", 18);

  private final String wireName;
  private final int code;

  DataType(String wireName, int code) {
    this.wireName = wireName;
    this.code = code;
  }

  /** The tag of this type in the JSON wire format, for example {@code "DateTime"}. */
  public String wireName() {
    return wireName;
  }

  /** The stable byte that stands for this type in binary formats (1 to 18). */
  public int code() {
    return code;
  }

  /** Whether this is one of the eight integer types. */
  public boolean isInteger() {
    return code <= UINT64.code;
  }

  /** Whether this is {@link #FLOAT32} or {@link #FLOAT64}. */
  public boolean isFloat() {
    return this == FLOAT32 || this == FLOAT64;
  }

  /**
   * The type with the given wire tag, or null if there is none.
   *
   * @param wireName a tag such as {@code "Int8"}
   */
  public static DataType fromWireName(String wireName) {
    for (DataType t : values()) {
      if (t.wireName.equals(wireName)) {
        return t;
      }
    }
    return null;
  }

  /**
   * The type with the given binary code.
   *
   * @throws MemoryException if no type has that code (corrupt stored data)
   */
  public static DataType fromCode(int code) {
    for (DataType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new MemoryException("unknown data type code " + code);
  }
}
