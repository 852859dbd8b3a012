package org.wasmdbms.api.migration;

import org.wasmdbms.api.value.Value;

/**
 * A user-supplied rewrite of one column's values, run once by a migration ({@code transform-column}
 * step, declared with {@link org.wasmdbms.api.annotation.Transform}).
 *
 * <p>Contract: it is called with every non-null value the column holds after the earlier steps
 * (renames, additions, widening) and returns a value of the column's type, or {@code Null} if the
 * column is nullable; a wrong type fails the migration. Throwing a {@link
 * org.wasmdbms.api.error.DbmsException} fails the migration too, which then changes nothing. It
 * runs in the WebAssembly guest as well, so it must be TeaVM-safe (no reflection, regular
 * expressions, {@code String.format}, {@code java.time}, integer division by zero). It is called
 * from one thread at a time.
 */
@FunctionalInterface
public interface ColumnTransform {
  /** The new value for {@code value}. */
  Value apply(Value value);
}
