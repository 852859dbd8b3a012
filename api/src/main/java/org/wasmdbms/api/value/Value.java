package org.wasmdbms.api.value;

/**
 * One column value: either {@link NullValue#INSTANCE} or a non-null value of exactly one {@link
 * DataType}. Values are immutable; their {@code equals} agrees with {@link Values#compare} being
 * zero for values of the same type.
 */
public sealed interface Value
    permits NullValue,
        IntegerValue,
        Float32Value,
        Float64Value,
        DecimalValue,
        BooleanValue,
        DateValue,
        DateTimeValue,
        TextValue,
        BlobValue,
        JsonValue,
        UuidValue {
  /** The data type, or null for {@link NullValue}. */
  DataType type();

  /** Whether this is the null value. */
  default boolean isNull() {
    return false;
  }
}
