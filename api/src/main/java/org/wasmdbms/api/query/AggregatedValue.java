package org.wasmdbms.api.query;

import java.util.Objects;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Value;

/**
 * The result of one aggregate function in one group (the WIT {@code aggregated-value}). Immutable
 * and thread-safe.
 *
 * <p>A count is a {@link Uint64Value}. A sum or average over an integer or decimal column is an
 * exact {@link org.wasmdbms.api.value.DecimalValue} written without trailing zeros after the point
 * (an average that does not end within 20 digits after the point is rounded half-even at the 20th);
 * over a float column it is a {@link org.wasmdbms.api.value.Float64Value}. A minimum or maximum has
 * the column's type. Over no non-null value, every function but count is {@code Null}.
 *
 * @param kind the function that produced it
 * @param value its result
 */
public record AggregatedValue(AggregateFunction.Kind kind, Value value) {
  /**
   * Checks that a count holds a u64.
   *
   * @throws InvalidQueryException if a count holds another value
   */
  public AggregatedValue {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (kind == AggregateFunction.Kind.COUNT && !(value instanceof Uint64Value)) {
      throw new InvalidQueryException("a count is a Uint64: " + value);
    }
  }
}
