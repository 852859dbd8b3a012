package org.wasmdbms.engine.write;

import org.wasmdbms.api.value.IntegerValue;

/**
 * Hands out autoincrement values. A value handed out is never handed out again, even when the
 * insert that took it fails or its transaction rolls back, and the counter survives reopening.
 */
public interface AutoIncrementSource {
  /**
   * The next value of column {@code column} of table {@code table}: 1 for the first row.
   *
   * @throws org.wasmdbms.api.error.ConstraintViolationException when the column's type has no next
   *     value (overflow)
   */
  IntegerValue next(String table, int column);

  /**
   * Notes that a row was stored with the value {@code used}, so later generated values stay above
   * it. Called after an insert succeeded, so a refused insert leaves the counter alone.
   */
  void observe(String table, int column, IntegerValue used);
}
