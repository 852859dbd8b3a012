package org.wasmdbms.engine.query;

import org.wasmdbms.api.error.MemoryException;
import org.wasmdbms.api.value.Value;

/**
 * The bytes of rows (estimated by {@link RowSize}) one select holds, checked against the select
 * memory limit at every increase. Rows a step no longer needs are released. Not thread-safe: one
 * per select.
 */
public final class SelectMemory {
  private final long maxBytes;
  private long held;

  /** A budget of {@code maxBytes}. */
  public SelectMemory(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Counts {@code bytes} more.
   *
   * @throws MemoryException when the select would hold more than the limit
   */
  public void hold(long bytes) {
    held += bytes;
    if (held > maxBytes) {
      throw new MemoryException(
          "the select would hold more than "
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
