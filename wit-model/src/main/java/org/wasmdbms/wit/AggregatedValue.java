package org.wasmdbms.wit;

import java.util.Objects;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Value;

/**
 * One WIT {@code aggregated-value}: the result of one aggregate function. A count is a {@link
 * Uint64Value}. Immutable.
 *
 * @param kind the function that produced it
 * @param value its result
 */
public record AggregatedValue(AggregateFunction.Kind kind, Value value) {
  /** Checks that a count holds a u64. */
  public AggregatedValue {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (kind == AggregateFunction.Kind.COUNT && !(value instanceof Uint64Value)) {
      throw new IllegalArgumentException("a count is a u64: " + value);
    }
  }
}
