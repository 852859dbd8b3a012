package org.wasmdbms.wit;

import org.wasmdbms.api.value.Value;

/**
 * The cases of the WIT {@code value} variant, in declaration order (the ordinal is the canonical
 * ABI's discriminant), with the WIT name and payload of each. {@link DbmsTypes#VALUE} is built from
 * this enum, so it is the one place the order is written. Immutable and safe to share.
 */
public enum ValueCase {
  /** {@code bool-val(bool)}. */
  BOOL("bool-val", WitType.BOOL),
  /** {@code u8-val(u8)}. */
  U8("u8-val", WitType.U8),
  /** {@code u16-val(u16)}. */
  U16("u16-val", WitType.U16),
  /** {@code u32-val(u32)}. */
  U32("u32-val", WitType.U32),
  /** {@code u64-val(u64)}. */
  U64("u64-val", WitType.U64),
  /** {@code i8-val(s8)}. */
  S8("i8-val", WitType.S8),
  /** {@code i16-val(s16)}. */
  S16("i16-val", WitType.S16),
  /** {@code i32-val(s32)}. */
  S32("i32-val", WitType.S32),
  /** {@code i64-val(s64)}. */
  S64("i64-val", WitType.S64),
  /** {@code f32-val(f32)}. */
  F32("f32-val", WitType.F32),
  /** {@code f64-val(f64)}. */
  F64("f64-val", WitType.F64),
  /** {@code text-val(string)}. */
  TEXT("text-val", WitType.STRING),
  /** {@code blob-val(list<u8>)}. */
  BLOB("blob-val", WitType.list(WitType.U8)),
  /** {@code decimal-val(string)}: the decimal's canonical text. */
  DECIMAL("decimal-val", WitType.STRING),
  /** {@code date-val(string)}: {@code YYYY-MM-DD}. */
  DATE("date-val", WitType.STRING),
  /** {@code datetime-val(string)}: {@code YYYY-MM-DDTHH:MM:SS.ffffff+HH:MM}. */
  DATETIME("datetime-val", WitType.STRING),
  /** {@code json-val(string)}: the JSON document as given. */
  JSON("json-val", WitType.STRING),
  /** {@code uuid-val(string)}: the canonical lowercase text. */
  UUID("uuid-val", WitType.STRING),
  /** {@code null-val}. */
  NULL("null-val", null);

  private static final ValueCase[] CASES = values();

  private final String witName;
  private final WitType payload;

  ValueCase(String witName, WitType payload) {
    this.witName = witName;
    this.payload = payload;
  }

  /** The case's name in the WIT file. */
  public String witName() {
    return witName;
  }

  /** The case's payload type, or null for {@code null-val}. */
  public WitType payload() {
    return payload;
  }

  /** The case with discriminant {@code discriminant}. */
  static ValueCase of(int discriminant) {
    return CASES[discriminant];
  }

  /** The case that carries {@code value}. */
  public static ValueCase of(Value value) {
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
