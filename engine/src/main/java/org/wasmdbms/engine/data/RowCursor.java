package org.wasmdbms.engine.data;

import java.util.Iterator;
import org.wasmdbms.api.value.Value;

/**
 * A forward walk over rows that decodes a row only as far as it is asked to: moving on with {@link
 * #next()} decodes nothing, {@link #columns(boolean[])} decodes the columns a filter reads, and
 * {@link #row()} the whole row. A select with a filter therefore decodes in full only the rows it
 * keeps, and rows skipped by OFFSET before a filter runs are not decoded at all.
 *
 * <p>Arrays handed out must not be modified. The table must not change while the cursor is used.
 * Not thread-safe.
 */
public abstract class RowCursor {
  /**
   * Moves to the next row.
   *
   * @return false once there is none; the cursor then stays exhausted
   */
  public abstract boolean next();

  /** The current row, decoded in full (once, however often it is asked for). */
  public abstract Value[] row();

  /**
   * The current row with at least the columns marked in {@code needed} decoded; the others may be
   * null. Costs no more than {@link #row()}, and usually less.
   */
  public Value[] columns(boolean[] needed) {
    return row();
  }

  /** A cursor over rows that are already decoded. */
  public static RowCursor of(Iterator<Value[]> rows) {
    return new RowCursor() {
      private Value[] current;

      @Override
      public boolean next() {
        current = rows.hasNext() ? rows.next() : null;
        return current != null;
      }

      @Override
      public Value[] row() {
        return current;
      }
    };
  }

  /** The rows of {@code cursor}, decoded in full, as an iterator. */
  public static Iterator<Value[]> rows(RowCursor cursor) {
    return new LookaheadIterator<>() {
      @Override
      protected Value[] computeNext() {
        return cursor.next() ? cursor.row() : null;
      }
    };
  }
}
