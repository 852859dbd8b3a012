package org.wasmdbms.engine.query;

import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.value.Value;

/**
 * The bytes of rows (estimated by {@link RowSize}) one select or aggregate holds, checked against
 * the select memory limit at every increase. Rows a step no longer needs are released. Not
 * thread-safe: one per statement.
 */
public final class SelectMemory {
  private final long maxBytes;
  private final String statement;
  private long held;

  /**
   * A budget of {@code maxBytes} for one {@code statement} ({@code "select"} or {@code
   * "aggregate"}), which the error names.
   */
  public SelectMemory(long maxBytes, String statement) {
    this.maxBytes = maxBytes;
    this.statement = statement;
  }

  /**
   * Counts {@code bytes} more.
   *
   * @throws MemoryException when the statement would hold more than the limit
   */
  public void hold(long bytes) {
    held += bytes;
    if (held > maxBytes) {
      throw new MemoryException(
          "the "
              + statement
              + " would hold more than "
              + maxBytes
              + " bytes of rows; narrow it with a filter, a LIMIT served by an index, or"
              + " fewer large columns");
    }
  }

  /** Counts {@code row}; see {@link #hold(long)}. */
  public void hold(Value[] row) {
    hold(RowSize.approximate(row));
  }

  /** Stops counting {@code bytes} that were held. */
  public void release(long bytes) {
    held -= bytes;
  }

  /** The bytes held now. */
  public long held() {
    return held;
  }
}
