package org.wasmdbms.host.abi;

import org.wasmdbms.api.value.Value;

/**
 * The cases of the WIT {@code value} variant in declaration order (the ordinal is the
 * discriminant), and which case an api {@link Value} travels as.
 */
enum ValueCase {
  BOOL,
  U8,
  U16,
  U32,
  U64,
  S8,
  S16,
  S32,
  S64,
  F32,
  F64,
  TEXT,
  BLOB,
  DECIMAL,
  DATE,
  DATETIME,
  JSON,
  UUID,
  NULL;

  private static final ValueCase[] CASES = values();

  /** The case with discriminant {@code discriminant}, or null if there is none. */
  static ValueCase ofDiscriminant(int discriminant) {
    return discriminant >= 0 && discriminant < CASES.length ? CASES[discriminant] : null;
  }

  /** The case that carries {@code value}. */
  static ValueCase of(Value value) {
    if (value.isNull()) {
      return NULL;
    }
    return switch (value.type()) {
      case BOOLEAN -> BOOL;
      case UINT8 -> U8;
      case UINT16 -> U16;
      case UINT32 -> U32;
      case UINT64 -> U64;
      case INT8 -> S8;
      case INT16 -> S16;
      case INT32 -> S32;
      case INT64 -> S64;
      case FLOAT32 -> F32;
      case FLOAT64 -> F64;
      case TEXT -> TEXT;
      case BLOB -> BLOB;
      case DECIMAL -> DECIMAL;
      case DATE -> DATE;
      case DATETIME -> DATETIME;
      case JSON -> JSON;
      case UUID -> UUID;
    };
  }
}
